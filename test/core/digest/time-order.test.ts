import { describe, expect, it } from 'vitest';
import { inTimeOrder } from '../../../src/core/digest/time-order.ts';

describe('inTimeOrder', () => {
  it('lists points by their article’s day, then place, and moves a full name to the first point naming the person', () => {
    const points = [
      { text: 'Lena Okafor, the mayor, opened the dam.', published: '2026-05-20', article: 'c', sentence: 0 },
      { text: 'The council voted for the plan Okafor drew.', published: '2026-05-12', article: 'b', sentence: 4 },
      { text: 'Rain flooded the valley.', published: '2026-05-12', article: 'b', sentence: 1 },
    ];
    const out = inTimeOrder(points).map((p) => p.text);
    expect(out).toEqual(['Rain flooded the valley.', 'The council voted for the plan Lena Okafor drew.', 'Okafor, the mayor, opened the dam.']);
    // The digest keeps its length.
    const words = (xs: string[]) => xs.join(' ').split(/\s+/).length;
    expect(words(out)).toBe(words(points.map((p) => p.text)));
  });

  it('moves the name without the title before it', () => {
    const points = [
      { text: 'Former Harbor Minister Lena Okafor opened the dam.', published: '2026-05-20', article: 'c', sentence: 0 },
      { text: 'The council backed Okafor.', published: '2026-05-12', article: 'b', sentence: 4 },
    ];
    expect(inTimeOrder(points).map((p) => p.text)).toEqual(['The council backed Lena Okafor.', 'Former Harbor Minister Okafor opened the dam.']);
  });

  it('leaves points already in order, and names already introduced, alone', () => {
    const points = [
      { text: 'Lena Okafor opened the dam.', published: '2026-05-12', article: 'a', sentence: 0 },
      { text: 'Okafor thanked the builders.', published: '2026-05-13', article: 'b', sentence: 2 },
    ];
    expect(inTimeOrder(points)).toEqual(points);
  });
});
