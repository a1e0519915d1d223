import { describe, expect, it } from 'vitest';
import type { ExtractedEvent } from '../../../src/core/timeline/extracted-event.ts';
import { EventMerger, mergeEvents } from '../../../src/core/timeline/merge-events.ts';
import { YearCounts, type Counted } from '../../../src/core/timeline/year-counts.ts';

const group = (year: number | undefined): Counted => ({ day: year === undefined ? { month: 1, day: 1 } : { year, month: 1, day: 1 } });

describe('YearCounts', () => {
  it('gives the most common year, the first to reach the top count on a tie, and 0 without years', () => {
    expect(new YearCounts().countAll([group(2024), group(2025), group(2025), group(undefined)])).toBe(2025);
    expect(new YearCounts().countAll([group(2024), group(2025), group(2025), group(2024)])).toBe(2024);
    expect(new YearCounts().countAll([group(undefined)])).toBe(0);
  });

  it('follows new, re-dated and joined groups, and leaves a tie to a full count', () => {
    const counts = new YearCounts();
    const a = group(2024);
    const b = group(2024);
    const c = group(2025);
    expect(counts.countAll([a, b, c])).toBe(2024);
    const d = group(2025);
    // 2024 and 2025 twice each: which comes first depends on the groups' order.
    expect(counts.recount([d])).toBeUndefined();
    b.dead = true;
    expect(counts.recount([b])).toBe(2025);
    // A group of unknown year that learns its year.
    const e = group(undefined);
    expect(counts.recount([e])).toBe(2025);
    e.day = { year: 2024, month: 1, day: 1 };
    const f = group(2024);
    expect(counts.recount([e, f])).toBe(2024);
  });
});

describe('the timeline merge after a few groups change', () => {
  const event = (date: string, i: number): ExtractedEvent => ({
    date,
    text: `The Varn${i} board opened the Keld${i} depot near Ostrel${i}.`,
    sources: [{ article: `a${i}`, title: `A${i}` }],
    topics: [],
    evidence: [{ article: `a${i}`, sentence: 0, span: { start: 0, end: 1 } }],
  });

  it('places a day of unknown year by the most common year as it changes', () => {
    const first = [1, 2, 3, 4, 5].map((d) => event(`2024-01-0${d}`, d));
    const undated = event('--03-15', 0);
    const merger = new EventMerger();
    merger.add([...first, undated]);
    const all = [...first, undated];
    const place = () => merger.events().findIndex((e) => e.date === '--03-15');
    expect(place()).toBe(5);
    for (let k = 1; k <= 6; k++) {
      const next = event(`2025-02-0${k}`, 10 + k);
      merger.add([next]);
      all.push(next);
      // Five groups of 2025 tie with the five of 2024, which came first: the day stays in 2024 until the sixth.
      expect(place()).toBe(k < 6 ? 5 : 11);
      expect(merger.events()).toEqual(mergeEvents(all));
    }
  });
});
