/** The environment the bot runs with, validated at start-up. Empty values count as unset. */
import { z } from 'zod';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const snowflake = z.string().trim().regex(/^\d{17,20}$/, 'a Discord id: 17–20 digits');
const int = (min: number, max: number, what: string) =>
  z.preprocess(blankToUndefined, z.coerce.number({ error: `${what}` }).int(`${what}`).min(min, `${what}`).max(max, `${what}`));

/** Every setting read from the environment (or `.env`). */
export const EnvSchema = z.object({
  DISCORD_TOKEN: opt(z.string().trim().regex(/^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/, 'a Discord bot token (three dot-separated parts, from the Developer Portal)')),
  DISCORD_APP_ID: opt(snowflake),
  DISCORD_GUILD_ID: opt(snowflake),
  TELEGRAM_TOKEN: opt(z.string().trim().regex(/^\d{3,}:[\w-]{20,}$/, 'a Telegram bot token like 123456:ABC-DEF… (from @BotFather)')),
  TELEGRAM_WEBHOOK_URL: opt(z.url({ protocol: /^https$/, error: 'an https:// URL Telegram can reach, e.g. https://bot.example.com/telegram' })),
  TELEGRAM_WEBHOOK_PORT: int(1, 65_535, 'a port number from 1 to 65535').default(8443),
  LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'one of fatal, error, warn, info, debug, trace, silent' }).default('info')),
  LOG_FORMAT: z.preprocess(blankToUndefined, z.enum(['json', 'pretty'], { error: 'json or pretty' }).optional()),
  BRIEFING_CONFIG_DIR: z.preprocess(blankToUndefined, z.string().default('config')),
  BRIEFING_CORPUS: opt(z.string()),
  /** SQLite file of subscriptions and deliveries; unset: the config's `database`, else `./data/briefing.db`. */
  BRIEFING_DB: opt(z.string()),
  /** Where to tell an operator that a subscription was paused (a target like `telegram:CHAT_ID`); unset: the log only. */
  BRIEFING_ADMIN_TARGET: opt(z.string().regex(/^(discord|telegram|file):.+/, 'a target: discord:CHANNEL_ID, telegram:CHAT_ID or file:PATH')),
  RATE_LIMIT_PER_MINUTE: int(0, 10_000, 'a whole number from 0 (no limit) to 10000').default(20),
});

/** The validated environment. */
export type Env = z.infer<typeof EnvSchema>;

/** Names of settings whose values are secret: never logged, never echoed in errors. */
export const SECRET_ENV_KEYS = ['DISCORD_TOKEN', 'TELEGRAM_TOKEN'] as const;
