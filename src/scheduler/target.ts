/**
 * Delivery targets (`PLATFORM:ADDRESS`). The syntax of each platform's addresses belongs to that
 * platform (`src/platforms/<id>`); the composition hands the scheduler a parser built from them all.
 */
import { fail, ok, type Result } from '../core/model.ts';

/** A parsed delivery target: which platform, the address there (channel id, chat id, path), and the canonical text. */
export interface Target {
  platform: string;
  address: string;
  raw: string;
}

/** One platform's target syntax: its prefix, what valid addresses look like, and the check. */
export interface TargetSyntax {
  platform: string;
  /** For error messages: `discord:CHANNEL_ID (15–21 digits)`. */
  help: string;
  /** The canonical address, or why it is not one (`has no valid Discord channel id …`). */
  parse(address: string): { address: string } | { error: string };
}

/** An invalid target; the message names the target and what would be valid. */
export interface TargetError {
  code: 'bad_target';
  message: string;
}

/** Parses target strings against the known platforms. */
export type TargetParser = (input: string) => Result<Target, TargetError>;

/** Splits `platform:address` without checking the address (for stored targets that were validated when stored). */
export function splitTarget(raw: string): Target {
  const colon = raw.indexOf(':');
  return colon < 0 ? { platform: '', address: raw, raw } : { platform: raw.slice(0, colon).toLowerCase(), address: raw.slice(colon + 1), raw };
}

/** Builds the parser of every given platform's targets; errors list what each would accept. */
export function targetParser(syntaxes: readonly TargetSyntax[]): TargetParser {
  const help = syntaxes.map((s) => s.help).join(', or ') || 'no platform takes deliveries';
  return (input) => {
    const bad = (why: string) => fail({ code: 'bad_target' as const, message: `target "${input}" ${why}; expected ${help}` });
    const raw = String(input ?? '').trim();
    if (raw.indexOf(':') < 0) return bad('has no platform prefix');
    const t = splitTarget(raw);
    const syntax = syntaxes.find((s) => s.platform === t.platform);
    if (!syntax) return bad(`names unknown platform "${t.platform}"`);
    const parsed = syntax.parse(t.address);
    if ('error' in parsed) return bad(parsed.error);
    return ok({ platform: t.platform, address: parsed.address, raw: `${t.platform}:${parsed.address}` });
  };
}
