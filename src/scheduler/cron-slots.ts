/**
 * Cron arithmetic in a time zone: the latest slot at or before an instant, and the next one after.
 * Pure (no clock). Day-of-month and day-of-week must both match, as node-cron does.
 */
import type { CronFields } from './schedule-spec.ts';
import { dayOffsets, instantOf, wallTime } from './zoned-time.ts';

const DAY = 86_400_000;
/** How far to look for a slot (a `29 2 *` schedule can be years apart). */
const MAX_DAYS = 366 * 8;

function dayMatches(f: CronFields, y: number, m: number, d: number): boolean {
  if (!f.month.includes(m) || !f.dayOfMonth.includes(d)) return false;
  return f.dayOfWeek.includes(new Date(Date.UTC(y, m - 1, d)).getUTCDay());
}

/** All slot instants of one local calendar day, ascending and without repeats. */
export function slotsOfDay(f: CronFields, tz: string, y: number, m: number, d: number): number[] {
  if (!dayMatches(f, y, m, d)) return [];
  const offsets = dayOffsets(y, m, d, tz);
  const out = new Set<number>();
  for (const hour of f.hour) for (const minute of f.minute) out.add(instantOf({ year: y, month: m, day: d, hour, minute }, tz, offsets));
  return [...out].sort((a, b) => a - b);
}

function localDate(ms: number, tz: string): { y: number; m: number; d: number } {
  const w = wallTime(ms, tz);
  return { y: w.year, m: w.month, d: w.day };
}

function shift(date: { y: number; m: number; d: number }, days: number): { y: number; m: number; d: number } {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d) + days * DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** The latest slot at or before `at` (ms), or undefined when there is none within eight years. */
export function latestSlot(f: CronFields, tz: string, at: number): number | undefined {
  // A gap-shifted slot of the next local day can't fall before `at`'s day, so start one day ahead to be safe.
  const start = shift(localDate(at, tz), 1);
  for (let i = 0; i < MAX_DAYS; i++) {
    const day = shift(start, -i);
    const slots = slotsOfDay(f, tz, day.y, day.m, day.d).filter((s) => s <= at);
    if (slots.length > 0) return slots[slots.length - 1];
  }
  return undefined;
}

/** The first slot strictly after `at` (ms), or undefined when there is none within eight years. */
export function nextSlot(f: CronFields, tz: string, at: number): number | undefined {
  const start = shift(localDate(at, tz), -1);
  for (let i = 0; i < MAX_DAYS; i++) {
    const day = shift(start, i);
    const slot = slotsOfDay(f, tz, day.y, day.m, day.d).find((s) => s > at);
    if (slot !== undefined) return slot;
  }
  return undefined;
}

/** Every slot in `(from, to]`, ascending; for tests and listings (bounded by `limit`). */
export function slotsBetween(f: CronFields, tz: string, from: number, to: number, limit = 10_000): number[] {
  const out: number[] = [];
  let t = from;
  while (out.length < limit) {
    const n = nextSlot(f, tz, t);
    if (n === undefined || n > to) break;
    out.push(n);
    t = n;
  }
  return out;
}
