/** Parses polling intervals such as `15m`, `1h`, `2h30m`, `1d`. */

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Shortest interval accepted (1 minute) and longest (7 days). */
export const MIN_EVERY_MS = 60_000;
/** Longest interval accepted. */
export const MAX_EVERY_MS = 7 * 86_400_000;

/** Milliseconds of an interval, or a message saying what is valid. */
export function parseEvery(input: string): { ok: true; ms: number } | { ok: false; message: string } {
  const text = input.trim().toLowerCase();
  const valid = 'give an interval such as 15m, 1h, 2h30m or 1d (between 1m and 7d)';
  if (!/^(\d+\s*[smhd]\s*)+$/.test(text)) return { ok: false, message: `"${input}" is not an interval; ${valid}` };
  let ms = 0;
  for (const m of text.matchAll(/(\d+)\s*([smhd])/g)) ms += Number(m[1]) * UNITS[m[2]!]!;
  if (ms < MIN_EVERY_MS || ms > MAX_EVERY_MS) return { ok: false, message: `"${input}" is outside the allowed range; ${valid}` };
  return { ok: true, ms };
}

/** Formats milliseconds as the shortest `1d2h3m` form. */
export function formatEvery(ms: number): string {
  let rest = Math.round(ms / 1000);
  let out = '';
  for (const [u, s] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const n = Math.floor(rest / s);
    if (n) out += `${n}${u}`;
    rest -= n * s;
  }
  return out || '0s';
}
