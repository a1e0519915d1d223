/**
 * The environment the bot runs with, validated at start-up. Empty values count as unset.
 * These are the variables of the bot itself; each platform adds its own (`src/platforms/<id>/*-platform.ts`).
 */
import cron from 'node-cron';
import { z } from 'zod';
import { blankToUndefined, DATABASE_URL_HELP, databaseUrlProblem, intVar, optionalVar } from './env-fields.ts';

/** Every setting of the bot itself read from the environment (or `.env`). */
export const EnvSchema = z.object({
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'one of fatal, error, warn, info, debug, trace, silent' }).optional(),
  ),
  LOG_FORMAT: z.preprocess(blankToUndefined, z.enum(['json', 'pretty'], { error: 'json or pretty' }).optional()),
  /** Where the log goes in console mode (default: stderr at warn, so it never interleaves with the chat). */
  LOG_FILE: optionalVar(z.string()),
  BRIEFING_CONFIG_DIR: z.preprocess(blankToUndefined, z.string().default('config')),
  BRIEFING_CORPUS: optionalVar(z.string()),
  /** Everything the bot writes: the database, added articles (`corpus/`), caches. */
  BRIEFING_DATA_DIR: z.preprocess(blankToUndefined, z.string().default('data')),
  /** SQLite file of subscriptions and deliveries; unset: the config's `database`, else `$BRIEFING_DATA_DIR/briefing.db`. */
  BRIEFING_DB: optionalVar(z.string()),
  /** PostgreSQL instead of SQLite (`postgres://…`): several bot instances share it, and each slot is posted once. */
  BRIEFING_DATABASE_URL: optionalVar(z.string().refine((v) => databaseUrlProblem(v) === undefined, `a PostgreSQL URL: ${DATABASE_URL_HELP}`)),
  /** Where to tell an operator that a subscription was paused (a target like `telegram:CHAT_ID`); unset: the log only. Checked against the platforms at start-up. */
  BRIEFING_ADMIN_TARGET: optionalVar(z.string()),
  /** At most this many subscriptions per chat, channel or file. */
  BRIEFING_MAX_SUBSCRIPTIONS_PER_CHAT: intVar(1, 10_000, 'a whole number from 1 to 10000').default(20),
  /** When the running bot checks which feeds are due (a cron expression; default every 5 minutes). */
  BRIEFING_FEEDS_CRON: optionalVar(z.string().refine((v) => cron.validate(v), 'a cron expression such as */5 * * * * (minute hour day month weekday)')),
  /** `1` allows fetching private, loopback and link-local addresses (tests only). */
  BRIEFING_FETCH_ALLOW_PRIVATE: z.preprocess(blankToUndefined, z.enum(['0', '1'], { error: '1 (allow private addresses) or 0' }).optional()),
  RATE_LIMIT_PER_MINUTE: intVar(0, 10_000, 'a whole number from 0 (no limit) to 10000').default(20),
});

/** The validated environment of the bot itself. */
export type Env = z.infer<typeof EnvSchema>;
