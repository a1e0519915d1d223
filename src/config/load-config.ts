import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import {
  BriefingConfigSchema,
  PartiesConfigSchema,
  SpeakersConfigSchema,
  type BriefingConfig,
  type PartiesConfig,
  type SpeakersConfig,
} from './briefing-config.schema.ts';

/** Everything read from the config folder, validated. */
export interface LoadedConfig {
  /** The config folder, absolute. */
  dir: string;
  briefing: BriefingConfig;
  speakers?: SpeakersConfig;
  parties: PartiesConfig;
}

/** A config file that is missing, unreadable or invalid; the message names the file and the field. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

async function readYaml(file: string, required: boolean): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (!required && (err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`${file}: cannot read the file (${(err as Error).message})`);
  }
  try {
    return parseYaml(text) ?? {};
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? ` at line ${err.linePos[0].line}` : '';
    throw new ConfigError(`${file}: not valid YAML${where}: ${(err as Error).message.split('\n')[0]}`);
  }
}

function validate<S extends z.ZodType>(schema: S, data: unknown, file: string): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  // One line: the file, the field's path and what would be valid (the first problem; fix and rerun for more).
  const issue = parsed.error.issues[0];
  const where = issue?.path.length
    ? issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '')
    : 'the file';
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
  throw new ConfigError(`${file}: ${where}: ${issue?.message ?? 'invalid'}${more}`);
}

/** Reads `briefing.yaml` (required), `speakers.yaml` and `parties.yaml` (optional) from a config folder. */
export async function loadConfig(dir = 'config'): Promise<LoadedConfig> {
  const abs = path.resolve(dir);
  const briefingFile = path.join(abs, 'briefing.yaml');
  const briefing = validate(BriefingConfigSchema, await readYaml(briefingFile, true), briefingFile);
  const ids = new Set<string>();
  for (const [i, t] of briefing.topics.entries()) {
    if (ids.has(t.id)) throw new ConfigError(`${briefingFile}: topics[${i}].id "${t.id}" is used twice; topic ids must be unique`);
    ids.add(t.id);
  }
  const speakersFile = path.join(abs, 'speakers.yaml');
  const speakersRaw = await readYaml(speakersFile, false);
  const partiesFile = path.join(abs, 'parties.yaml');
  const partiesRaw = await readYaml(partiesFile, false);
  const config: LoadedConfig = {
    dir: abs,
    briefing,
    parties: partiesRaw === undefined ? { parties: [] } : validate(PartiesConfigSchema, partiesRaw, partiesFile),
  };
  if (speakersRaw !== undefined) config.speakers = validate(SpeakersConfigSchema, speakersRaw, speakersFile);
  return config;
}
