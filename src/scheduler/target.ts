/** Parsing and validation of delivery targets (`discord:ID`, `telegram:ID|@name`, `file:PATH`). */
import { fail, ok, type Result } from '../core/model.ts';

/** A parsed delivery target. */
export type Target =
  | { platform: 'discord'; channelId: string; raw: string }
  | { platform: 'telegram'; chatId: string; raw: string }
  | { platform: 'file'; path: string; raw: string };

/** The platforms a target can name. */
export type TargetPlatform = Target['platform'];

/** What valid targets look like, for error messages. */
export const TARGET_HELP = 'discord:CHANNEL_ID (digits), telegram:CHAT_ID (an integer, may be negative) or telegram:@channelname, or file:PATH';

/** Parses a target string; the error names the field and what would be valid. */
export function parseTarget(input: string): Result<Target, { code: 'bad_target'; message: string }> {
  const raw = input.trim();
  const bad = (why: string) => fail({ code: 'bad_target' as const, message: `target "${input}" ${why}; expected ${TARGET_HELP}` });
  const colon = raw.indexOf(':');
  if (colon < 0) return bad('has no platform prefix');
  const platform = raw.slice(0, colon).toLowerCase();
  const rest = raw.slice(colon + 1);
  if (platform === 'discord') {
    if (!/^\d{15,21}$/.test(rest)) return bad('has no valid Discord channel id (15–21 digits)');
    return ok({ platform: 'discord', channelId: rest, raw: `discord:${rest}` });
  }
  if (platform === 'telegram') {
    if (/^-?\d{1,20}$/.test(rest) || /^@[A-Za-z][A-Za-z0-9_]{3,31}$/.test(rest)) {
      return ok({ platform: 'telegram', chatId: rest, raw: `telegram:${rest}` });
    }
    return bad('has no valid Telegram chat id (an integer such as -1001234567890, or @channelname of 5–32 letters, digits or _)');
  }
  if (platform === 'file') {
    if (rest.trim() === '') return bad('has an empty path');
    if (rest.includes('\0')) return bad('has a NUL byte in its path');
    return ok({ platform: 'file', path: rest, raw: `file:${rest}` });
  }
  return bad(`names unknown platform "${platform}"`);
}
