/** Wall-clock time in an IANA time zone, with the two daylight-saving rules the scheduler uses. */

/** A wall-clock date and time (month 1–12). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The wall-clock time of an instant in a zone. */
export function wallTime(ms: number, tz: string): WallTime & { second: number } {
  const parts = formatter(tz).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
export function offsetAt(ms: number, tz: string): number {
  const w = wallTime(ms, tz);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

const HOUR = 3_600_000;

/** The zone's offsets just before and just after a local calendar day (equal on days without a change). */
export function dayOffsets(year: number, month: number, day: number, tz: string): { before: number; after: number } {
  const midnight = Date.UTC(year, month - 1, day);
  return { before: offsetAt(midnight - 16 * HOUR, tz), after: offsetAt(midnight + 40 * HOUR, tz) };
}

/**
 * The instant of a wall-clock time. A time that occurs twice (clocks go back) maps to its first
 * occurrence; a time that does not exist (clocks go forward) maps to the moment just as far after
 * the jump, as classic cron does (02:30 on a spring-forward day at 02:00 runs at 03:30).
 */
export function instantOf(w: WallTime, tz: string, offsets = dayOffsets(w.year, w.month, w.day, tz)): number {
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  if (offsets.before === offsets.after) return wall - offsets.before;
  const candidates = [wall - offsets.before, wall - offsets.after].filter((t) => {
    const x = wallTime(t, tz);
    return x.year === w.year && x.month === w.month && x.day === w.day && x.hour === w.hour && x.minute === w.minute;
  });
  if (candidates.length > 0) return Math.min(...candidates);
  return wall - offsets.before;
}
