import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatDay, formatRange, parseDay, parseRange, rangeContains, sameDay, weekday } from '../../../src/core/timeline/day.ts';

describe('day arithmetic', () => {
  it('formats a known year as YYYY-MM-DD and an unknown one as --MM-DD', () => {
    expect(formatDay({ year: 2025, month: 8, day: 5 })).toBe('2025-08-05');
    expect(formatDay({ month: 8, day: 5 })).toBe('--08-05');
    expect(formatRange({ from: { month: 8, day: 11 }, to: { month: 8, day: 20 } })).toBe('--08-11/--08-20');
  });

  it('crosses month and year ends, and never adds a year to an unknown one', () => {
    expect(formatDay(addDays({ year: 2025, month: 1, day: 1 }, -1))).toBe('2024-12-31');
    expect(formatDay(addDays({ month: 3, day: 31 }, 1))).toBe('--04-01');
    expect(addDays({ month: 1, day: 1 }, -1).year).toBeUndefined();
  });

  it('knows the weekday only when the year is known', () => {
    expect(weekday({ year: 2025, month: 8, day: 18 })).toBe(1);
    expect(weekday({ month: 8, day: 18 })).toBeUndefined();
  });

  it('parses what it formats, and rejects impossible days', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: undefined }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (year, month, day) => {
          const d = year === undefined ? { month, day } : { year, month, day };
          expect(parseDay(formatDay(d))).toEqual(d);
        },
      ),
    );
    expect(parseDay('2025-02-29')).toBeUndefined();
    expect(parseDay('--02-29')).toEqual({ month: 2, day: 29 });
    expect(parseRange('--08-11/--08-20/--08-30')).toBeUndefined();
  });

  it('matches an unknown year with a known one, and ranges across the new year', () => {
    expect(sameDay({ month: 8, day: 18 }, { year: 2025, month: 8, day: 18 })).toBe(true);
    expect(sameDay({ year: 2024, month: 8, day: 18 }, { year: 2025, month: 8, day: 18 })).toBe(false);
    expect(rangeContains({ from: { month: 12, day: 28 }, to: { month: 1, day: 3 } }, { month: 1, day: 2 })).toBe(true);
    expect(rangeContains({ from: { month: 8, day: 13 }, to: { month: 8, day: 19 } }, { year: 2025, month: 8, day: 18 })).toBe(true);
    expect(rangeContains({ from: { year: 2025, month: 8, day: 13 }, to: { year: 2025, month: 8, day: 19 } }, { year: 2024, month: 8, day: 18 })).toBe(false);
  });
});
