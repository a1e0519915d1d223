import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/app/settings.ts';
import { EnvError, parseDotEnv } from '../../src/config/load-env.ts';
import { PLATFORMS } from '../../src/platforms/index.ts';

/** The bot's and every platform's settings, as one record (what the composition validates). */
const loadEnv = (source: Record<string, string | undefined>, dotEnv?: Record<string, string>): Record<string, unknown> => {
  const s = loadSettings(PLATFORMS, source, dotEnv);
  return Object.assign({ ...s.env }, ...s.platformEnv.values());
};

const TG = '123456789:AAAbbbCCCdddEEEfffGGGhhhIII_jjj-kk';

describe('loadEnv', () => {
  it('gives defaults when nothing is set and treats blanks as unset', () => {
    const env = loadEnv({ TELEGRAM_TOKEN: '', LOG_LEVEL: ' ' });
    expect(env).toMatchObject({ RATE_LIMIT_PER_MINUTE: 20, BRIEFING_DATA_DIR: 'data', TELEGRAM_WEBHOOK_PORT: 8443, BRIEFING_CONFIG_DIR: 'config' });
    expect(env.TELEGRAM_TOKEN).toBeUndefined();
    // Unset, so the config's `database` (else ./data/briefing.db) decides.
    expect(env.BRIEFING_DB).toBeUndefined();
  });
  it('accepts valid tokens and numbers given as text', () => {
    const env = loadEnv({
      TELEGRAM_TOKEN: TG,
      RATE_LIMIT_PER_MINUTE: '5',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/tg',
      DISCORD_GUILD_ID: '123456789012345678',
    });
    expect(env.RATE_LIMIT_PER_MINUTE).toBe(5);
    expect(env.TELEGRAM_TOKEN).toBe(TG);
  });
  it.each([
    ['TELEGRAM_TOKEN', 'secret-but-wrong'],
    ['DISCORD_TOKEN', 'short'],
    ['DISCORD_GUILD_ID', 'abc'],
    ['TELEGRAM_WEBHOOK_URL', 'http://insecure.example.com'],
    ['TELEGRAM_WEBHOOK_PORT', '70000'],
    ['RATE_LIMIT_PER_MINUTE', 'lots'],
    ['LOG_LEVEL', 'loud'],
  ])('stops on a malformed %s with one line naming it and never echoing the value', (key, value) => {
    let err: unknown;
    try {
      loadEnv({ [key]: value });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EnvError);
    const msg = (err as Error).message;
    expect(msg.startsWith(`${key} is malformed: expected `)).toBe(true);
    expect(msg).not.toContain('\n');
    expect(msg).not.toContain(value);
  });
  it('lets the process environment win over .env', () => {
    expect(loadEnv({ LOG_LEVEL: 'warn' }, { LOG_LEVEL: 'debug', RATE_LIMIT_PER_MINUTE: '7' })).toMatchObject({ LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: 7 });
  });
});

describe('parseDotEnv', () => {
  it('reads KEY=value lines, quotes, export and comments', () => {
    expect(parseDotEnv('# c\nexport A=1\nB="two words" # x\nC=\'3\'\nD=4 # tail\nnot a line\n')).toEqual({ A: '1', B: 'two words', C: '3', D: '4' });
  });
});
