import { compose, type Composition } from '../app/compose.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { readDotEnv } from '../config/load-env.ts';
import type { Briefing } from '../core/briefing.ts';
import type { BriefingError } from '../core/model.ts';
import { terminalSafe } from './terminal-text.ts';

/** Bad input on the command line: printed to stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Where the CLI writes: stdout and stderr by default; tests capture them. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** What the CLI's commands share: the composition (settings, config, store, publishers), the briefing, the output. */
export interface CliContext extends CliIo {
  composition(): Promise<Composition>;
  config(): Promise<LoadedConfig>;
  /** Loads the corpus (the configured one plus the data folder's, or `corpusDir` alone) and builds the briefing; load issues go to stderr. */
  briefing(corpusDir?: string): Promise<Briefing>;
  /** The current instant (tests fix it). */
  now(): Date;
}

/** Options of the CLI context. */
export interface CliContextOptions {
  /** The environment (default `process.env` over `.env`). */
  env?: Record<string, string | undefined>;
  io?: Partial<CliIo>;
  /** API roots by platform (tests point them at loopback fakes). */
  apiRoots?: Record<string, string | undefined>;
  now?: () => Date;
}

const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

/** Makes the CLI context; everything is composed on first use, by the same wiring the bot uses. Output is stripped of terminal escapes. */
export function createCliContext(opts: CliContextOptions = {}): CliContext {
  let composition: Promise<Composition> | undefined;
  const out = opts.io?.out ?? ((text: string) => void process.stdout.write(text));
  const err = opts.io?.err ?? ((text: string) => void process.stderr.write(text));
  const ctx: CliContext = {
    composition: () =>
      (composition ??= compose({
        source: opts.env ?? process.env,
        ...(opts.env ? {} : { dotEnv: readDotEnv('.env') }),
        mode: 'cli',
        ...(opts.apiRoots ? { apiRoots: opts.apiRoots } : {}),
      })),
    config: async () => (await ctx.composition()).config,
    async briefing(corpusDir) {
      const service = await (await ctx.composition()).openBriefing(corpusDir);
      const b = service.current();
      for (const issue of b.issues) ctx.err(`${issue.severity}: ${issue.file}: ${issue.message}`);
      if (b.articles.length === 0) throw new UsageError(`no usable article in ${service.corpusDirs.join(' or ') || corpusDir}`);
      return b;
    },
    out: (text) => out(line(terminalSafe(text))),
    err: (text) => err(line(terminalSafe(text))),
    now: opts.now ?? (() => new Date()),
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
