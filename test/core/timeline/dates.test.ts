import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceDate, resolveDates } from '../../../src/core/timeline/dates.ts';
import { formatRange, type Day } from '../../../src/core/timeline/day.ts';

const sep7: Day = { year: 2025, month: 9, day: 7 }; // a Sunday
const aug19: Day = { year: 2025, month: 8, day: 19 }; // a Tuesday
const aug26NoYear: Day = { month: 8, day: 26 };

/** The resolved dates of a text, formatted. */
const dates = (text: string, ref?: Day, prev?: Parameters<typeof resolveDates>[2]) => resolveDates(text, ref, prev).map((m) => formatRange(m));

describe('resolveDates: stated month and day', () => {
  it('resolves "August 15" with the reference year, and keeps the year unknown without one', () => {
    expect(dates('On August 15, the leaders held a summit.', sep7)).toEqual(['2025-08-15']);
    expect(dates('On August 15, the leaders held a summit.', aug26NoYear)).toEqual(['--08-15']);
    expect(dates('On August 15, the leaders held a summit.')).toEqual(['--08-15']);
  });

  it('resolves abbreviations such as "Aug. 15" and "Sept. 7"', () => {
    expect(dates('The Aug. 15 meeting ended early.', sep7)).toEqual(['2025-08-15']);
    expect(dates('They met on Sept. 3 in the capital.', sep7)).toEqual(['2025-09-03']);
  });

  it('resolves "on August 18" and reports the expression and its offsets', () => {
    const [m] = resolveDates('She called him on August 18, after the talks.', aug26NoYear);
    expect(m?.text).toBe('August 18');
    expect('She called him on August 18, after the talks.'.slice(m!.start, m!.end)).toBe('August 18');
    expect(m?.precision).toBe('day');
  });

  it('keeps a stated year even when the reference has none', () => {
    expect(dates('The treaty was signed on 15 August 2024.', aug26NoYear)).toEqual(['2024-08-15']);
    expect(dates('The treaty was signed on August 15, 2023.')).toEqual(['2023-08-15']);
  });

  it('puts a month-day after the reference date in the closest year', () => {
    expect(dates('They met on December 28.', { year: 2025, month: 1, day: 5 })).toEqual(['2024-12-28']);
  });
});

describe('resolveDates: weekdays', () => {
  it('takes the most recent weekday on or before the reference date', () => {
    expect(dates('The call took place on Monday.', aug19)).toEqual(['2025-08-18']);
    expect(dates('His remarks, made on Sunday, were brief.', sep7)).toEqual(['2025-09-07']);
    expect(dates('His remarks, made on Sunday, were brief.', { year: 2025, month: 9, day: 8 })).toEqual(['2025-09-07']);
  });

  it('never resolves a weekday into the future', () => {
    // 2025-08-19 is a Tuesday; the nearest Thursday would be 08-21, the past one is 08-14.
    expect(dates('They met on Thursday.', aug19)).toEqual(['2025-08-14']);
  });

  it('reads "last Monday" as strictly before the reference date', () => {
    expect(dates('They met last Monday.', { year: 2025, month: 8, day: 25 })).toEqual(['2025-08-18']);
  });

  it('does not guess a weekday when the year is unknown: it keeps the window of possible days', () => {
    const [m] = resolveDates('Trump on Monday confirmed the call.', aug26NoYear);
    expect(m?.precision).toBe('weekday');
    expect(formatRange(m!)).toBe('--08-20/--08-26');
  });

  it('ignores a weekday without any reference date, and future or habitual weekdays', () => {
    expect(dates('The call took place on Monday.')).toEqual([]);
    expect(dates('They will meet next Monday.', aug19)).toEqual([]);
    expect(dates('The market is closed on Mondays.', aug19)).toEqual([]);
  });
});

describe('resolveDates: coarser expressions keep their extent', () => {
  it('reads "last week" as the previous calendar week, not one day', () => {
    const [m] = resolveDates('The president last week suggested progress.', { year: 2025, month: 8, day: 26 });
    expect(m?.precision).toBe('week');
    expect(formatRange(m!)).toBe('2025-08-18/2025-08-24');
  });

  it('reads "mid-August" as the 11th to the 20th, in the past year when August is still to come', () => {
    expect(dates('In mid-August, the leaders held a summit.', sep7)).toEqual(['2025-08-11/2025-08-20']);
    expect(dates('In mid-August, the leaders held a summit.', { year: 2025, month: 3, day: 1 })).toEqual(['2024-08-11/2024-08-20']);
    expect(dates('In mid-August, the leaders held a summit.', aug26NoYear)).toEqual(['--08-11/--08-20']);
    expect(resolveDates('In mid-August, they met.', sep7)[0]?.precision).toBe('month');
  });

  it('reads "in 2014" as the whole year', () => {
    const [m] = resolveDates('The region voted in a referendum in 2014.', sep7);
    expect(m?.precision).toBe('year');
    expect(formatRange(m!)).toBe('2014-01-01/2014-12-31');
  });
});

describe('resolveDates: relative days', () => {
  it('resolves "yesterday" against the reference date, keeping an unknown year unknown', () => {
    expect(dates('The minister resigned yesterday.', sep7)).toEqual(['2025-09-06']);
    expect(dates('The minister resigned yesterday.', aug26NoYear)).toEqual(['--08-25']);
    expect(dates('The minister resigned yesterday.')).toEqual([]);
  });

  it('resolves "the next day" and "earlier that day" against the previous date', () => {
    const prev = { from: { month: 8, day: 15 }, to: { month: 8, day: 15 } };
    expect(dates('The next day, they signed a deal.', undefined, prev)).toEqual(['--08-16']);
    expect(dates('Earlier that day, he convened a meeting.', undefined, prev)).toEqual(['--08-15']);
    expect(dates('On August 15, they met. The next day, they signed.')).toEqual(['--08-15', '--08-16']);
  });

  it('drops an anaphoric date with nothing to refer to', () => {
    expect(dates('The next day, they signed a deal.', sep7)).toEqual([]);
  });
});

describe('resolveDates: weak parses are rejected', () => {
  it('does not read modal "may", ordinals or bare numbers as dates', () => {
    expect(dates('The talks may lead to a breakthrough.', sep7)).toEqual([]);
    expect(dates('He threatened the second phase of sanctions.', sep7)).toEqual([]);
    expect(dates('At least 3 people died and 15 were injured.', sep7)).toEqual([]);
    expect(dates('It may be that they met.', sep7)).toEqual([]);
  });

  it('never invents a year when neither the text nor the reference states one', () => {
    const expressions = ['on August 15', 'on Aug. 3', 'on Monday', 'yesterday', 'last week', 'in mid-March', 'on Friday', 'the 4 July parade', 'in late May'];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom(...expressions), (month, day, expr) => {
        for (const m of resolveDates(`They met ${expr}, officials said.`, { month, day })) {
          expect(m.from.year).toBeUndefined();
          expect(m.to.year).toBeUndefined();
        }
      }),
    );
  });
});

describe('referenceDate', () => {
  const dl = (month: number, day: number) => ({ raw: 'X, Aug 20', span: { start: 0, end: 9 }, month, day });

  it('takes the day of the dateline with the year of publication when they are close', () => {
    expect(referenceDate({ published: '2025-08-20', dateline: dl(8, 19) })).toEqual(aug19);
    expect(referenceDate({ published: '2026-01-02', dateline: dl(12, 31) })).toEqual({ year: 2025, month: 12, day: 31 });
    expect(referenceDate({ published: '2025-08-19', dateline: dl(8, 20) })).toEqual(aug19);
    expect(referenceDate({ published: '2025-08-19', dateline: dl(3, 2) })).toEqual(aug19);
  });

  it('prefers the publication date, then the dateline month and day, else nothing', () => {
    expect(referenceDate({ published: '2025-08-19' })).toEqual(aug19);
    expect(referenceDate({ dateline: dl(8, 20) })).toEqual({ month: 8, day: 20 });
    expect(referenceDate({})).toBeUndefined();
    expect(referenceDate({ published: '2025-02-30' })).toBeUndefined();
  });
});
