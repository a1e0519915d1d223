/** Reads and validates the environment; a bad value stops the bot with one line naming it. */
import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import { EnvSchema, type Env } from './env.schema.ts';

/** A missing or malformed environment setting. The message is one line and names the variable. */
export class EnvError extends Error {
  override name = 'EnvError';
}

/** Parses `.env` text: `KEY=value` lines, `#` comments, optional `export`, single or double quotes. */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(raw);
    if (!m) continue;
    let value = m[2]!.trim();
    const q = value[0];
    if ((q === '"' || q === "'") && value.lastIndexOf(q) > 0) value = value.slice(1, value.lastIndexOf(q));
    else value = value.replace(/\s+#.*$/, '');
    if (q === '"') value = value.replace(/\\n/g, '\n');
    out[m[1]!] = value;
  }
  return out;
}

/** The variables of a `.env` file, or none when it does not exist. */
export function readDotEnv(file: string): Record<string, string> {
  return existsSync(file) ? parseDotEnv(readFileSync(file, 'utf8')) : {};
}

/** The process environment over `.env` (the process wins). */
export function mergeEnv(source: Record<string, string | undefined>, dotEnv: Record<string, string> = {}): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = { ...dotEnv };
  for (const [k, v] of Object.entries(source)) if (v !== undefined) merged[k] = v;
  return merged;
}

/** Validates settings against a schema (the bot's own by default). Throws EnvError naming the first bad variable, never echoing its value. */
export function loadEnv(source: Record<string, string | undefined>, dotEnv?: Record<string, string>): Env;
export function loadEnv<S extends z.ZodType>(source: Record<string, string | undefined>, dotEnv: Record<string, string> | undefined, schema: S): z.output<S>;
export function loadEnv(source: Record<string, string | undefined>, dotEnv: Record<string, string> = {}, schema: z.ZodType = EnvSchema): unknown {
  const merged = mergeEnv(source, dotEnv);
  const parsed = schema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const key = String(issue.path[0] ?? 'environment');
  const state = merged[key] === undefined || merged[key]?.trim() === '' ? 'is missing' : 'is malformed';
  throw new EnvError(`${key} ${state}: expected ${issue.message}`);
}
