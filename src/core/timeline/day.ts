/**
 * Calendar days whose year may be unknown, and ranges of them. Day arithmetic is done in UTC on a
 * placeholder leap year when the year is unknown, so a `--MM-DD` day never gains an invented year.
 */

/** A calendar day; `year` is absent when nobody stated it and no metadata gave it. */
export interface Day {
  year?: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** An inclusive range of days (equal ends for one exact day). */
export interface DayRange {
  from: Day;
  to: Day;
}

/** The year used for arithmetic when the real one is unknown (a leap year, so `--02-29` exists). */
const PLACEHOLDER_YEAR = 2000;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Formats a day as `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
export function formatDay(d: Day): string {
  const md = `${pad(d.month)}-${pad(d.day)}`;
  return d.year === undefined ? `--${md}` : `${String(d.year).padStart(4, '0')}-${md}`;
}

/** Formats a range as one day, or as an ISO 8601 interval `FROM/TO` when its ends differ. */
export function formatRange(r: DayRange): string {
  const a = formatDay(r.from);
  const b = formatDay(r.to);
  return a === b ? a : `${a}/${b}`;
}

/** Parses `YYYY-MM-DD` or `--MM-DD` (checking the calendar); undefined when it is neither. */
export function parseDay(s: string): Day | undefined {
  const m = /^(?:(\d{4})|-)-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const year = m[1] === undefined ? undefined : Number(m[1]);
  const d: Day = { month: Number(m[2]), day: Number(m[3]) };
  if (year !== undefined) d.year = year;
  return isValidDay(d) ? d : undefined;
}

/** Parses a day or a `FROM/TO` interval of days. */
export function parseRange(s: string): DayRange | undefined {
  const [a, b, extra] = s.split('/');
  if (extra !== undefined || a === undefined) return undefined;
  const from = parseDay(a);
  const to = b === undefined ? from : parseDay(b);
  return from && to ? { from, to } : undefined;
}

/** True when the day exists in the calendar (in some year, when the year is unknown). */
export function isValidDay(d: Day): boolean {
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  return d.day <= daysInMonth(d.year ?? PLACEHOLDER_YEAR, d.month);
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day `n` days after `d` (before, when negative); the year stays unknown when it was. */
export function addDays(d: Day, n: number): Day {
  const t = new Date(Date.UTC(d.year ?? PLACEHOLDER_YEAR, d.month - 1, d.day + n));
  const out: Day = { month: t.getUTCMonth() + 1, day: t.getUTCDate() };
  if (d.year !== undefined) out.year = t.getUTCFullYear();
  return out;
}

/** Day of the week, 0 = Sunday; only defined when the year is known. */
export function weekday(d: Day): number | undefined {
  return d.year === undefined ? undefined : new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** Shifts both ends of a range by `n` days. */
export function shiftRange(r: DayRange, n: number): DayRange {
  return { from: addDays(r.from, n), to: addDays(r.to, n) };
}

/** True when the range is one exact day. */
export function isExact(r: DayRange): boolean {
  return formatDay(r.from) === formatDay(r.to);
}

const monthDay = (d: Day): number => d.month * 100 + d.day;

/**
 * True when a day can lie in a range. Years are compared only where both are known; an unknown
 * year matches any, so `--08-18` lies in `2025-08-13/2025-08-19`.
 */
export function rangeContains(r: DayRange, d: Day): boolean {
  if (d.year !== undefined && r.from.year !== undefined && r.to.year !== undefined) {
    const key = (x: Day) => (x.year ?? 0) * 10000 + monthDay(x);
    return key(r.from) <= key(d) && key(d) <= key(r.to);
  }
  const a = monthDay(r.from);
  const b = monthDay(r.to);
  const x = monthDay(d);
  return a <= b ? a <= x && x <= b : x >= a || x <= b;
}

/** True when two days can be the same day: same month and day, and the same year where both are known. */
export function sameDay(a: Day, b: Day): boolean {
  return a.month === b.month && a.day === b.day && (a.year === undefined || b.year === undefined || a.year === b.year);
}

/** A day of the year as a key (`month-day`), for indexing by day. */
export const dayKey = (d: Pick<Day, 'month' | 'day'>): string => `${d.month}-${d.day}`;

/** Approximate day of the year (months of 31 days, wrapping ignored): enough to find reports within a month of a day. */
export const dayOfYear = (d: Pick<Day, 'month' | 'day'>): number => (d.month - 1) * 31 + d.day;
