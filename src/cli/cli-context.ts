import type { Briefing } from '../core/briefing.ts';
import type { BriefingError } from '../core/model.ts';
import { openBriefingService } from '../app/briefing-service.ts';
import { loadConfig, type LoadedConfig } from '../config/load-config.ts';

/** Bad input on the command line: printed to stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What the CLI's commands share: where config lives, how to open the briefing, how to print. */
export interface CliContext {
  configDir: string;
  config(): Promise<LoadedConfig>;
  /** Loads the corpus (the configured one, or `corpusDir`) and builds the briefing; load issues go to stderr. */
  briefing(corpusDir?: string): Promise<Briefing>;
  out(text: string): void;
  err(text: string): void;
}

/** Makes the CLI context; `configDir` defaults to `BRIEFING_CONFIG_DIR` or `./config`. */
export function createCliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  const configDir = env.BRIEFING_CONFIG_DIR ?? 'config';
  let config: Promise<LoadedConfig> | undefined;
  const ctx: CliContext = {
    configDir,
    config: () => (config ??= loadConfig(configDir)),
    async briefing(corpusDir) {
      const service = await openBriefingService({ config: await ctx.config(), ...(corpusDir ? { corpusDir } : {}) });
      const b = service.current();
      for (const issue of b.issues) ctx.err(`${issue.severity}: ${issue.file}: ${issue.message}`);
      if (b.articles.length === 0) throw new UsageError(`no usable article in ${service.corpusDir}`);
      return b;
    },
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
  return ctx;
}

/** Turns an expected engine failure into a usage error with the words a person needs. */
export function explain(error: BriefingError): UsageError {
  switch (error.code) {
    case 'unknown_topic': {
      const hint = error.suggestions.length ? ` Did you mean: ${error.suggestions.join(', ')}?` : '';
      return new UsageError(`unknown topic "${error.input}".${hint} Known topics: ${error.known.join(', ')}`);
    }
    case 'unknown_speaker': {
      const hint = error.suggestions.length ? ` Closest names: ${error.suggestions.join(', ')}` : '';
      return new UsageError(`no speaker matches "${error.input}".${hint}`);
    }
    case 'bad_date':
      return new UsageError(`bad date "${error.input}": ${error.message}`);
    case 'no_articles':
      return new UsageError(error.message);
  }
}

/** Parses a positive whole number option, naming the option when it is not one. */
export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a whole number of 1 or more, not "${value}"`);
    return n;
  };
}
