/** Creates the one logger of the process: JSON (or pretty) on stderr, secrets redacted. */
import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';
import type prettyFactory from 'pino-pretty';

/** pino-pretty, required only for human-readable output (a terminal): JSON logging never loads it. */
const pretty = (options: prettyFactory.PrettyOptions): prettyFactory.PrettyStream =>
  (createRequire(import.meta.url)('pino-pretty') as typeof prettyFactory)(options);

/** Options of the logger. */
export interface LoggerOptions {
  level: string;
  /** Human-readable output (default: when stderr is a terminal). */
  pretty?: boolean;
  /** Values that must never appear in a log line (tokens), scrubbed from every line. */
  secrets?: (string | undefined)[];
  /** Where lines go: a stream, a file descriptor or a file path (appended to); default stderr (fd 2), so stdout stays for answers. */
  destination?: NodeJS.WritableStream | number | string;
}

/** Paths of fields that hold secrets, redacted wherever they appear. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'DISCORD_TOKEN',
  'TELEGRAM_TOKEN',
  '*.DISCORD_TOKEN',
  '*.TELEGRAM_TOKEN',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'req.headers["x-telegram-bot-api-secret-token"]',
];

/** Replaces every occurrence of each secret in a line with `[Redacted]`. */
export function scrub(line: string, secrets: string[]): string {
  let out = line;
  for (const s of secrets) if (s.length >= 8) out = out.split(s).join('[Redacted]');
  return out;
}

/** Creates the logger. Tokens are redacted by field and scrubbed from messages and stacks. */
export function createLogger(opts: LoggerOptions): Logger {
  const secrets = (opts.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const destination = opts.destination ?? 2;
  const stream =
    opts.pretty === true
      ? pretty({ destination, sync: true, colorize: false })
      : typeof destination === 'number' || typeof destination === 'string'
        ? pino.destination({ dest: destination, sync: true, ...(typeof destination === 'string' ? { mkdir: true } : {}) })
        : destination;
  return pino(
    {
      level: opts.level,
      redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
      hooks: { streamWrite: (s: string) => scrub(s, secrets) },
    },
    stream,
  );
}
