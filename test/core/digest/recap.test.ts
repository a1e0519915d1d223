import { describe, expect, it } from 'vitest';
import { isRecap, newestDay } from '../../../src/core/digest/recap.ts';

describe('isRecap', () => {
  // The new article is of 20 May 2026; the reader saw the articles up to 12 May.
  const article = { published: '2026-05-20' };
  const seen = '2026-05-12';

  it('finds a sentence that retells what happened before the reader’s last article', () => {
    expect(isRecap('The quake struck the coast at 3 a.m. on May 4, 2026.', article, seen)).toBe(true);
    expect(isRecap('The two men lured him from a bar in April.', article, seen)).toBe(true);
  });

  it('keeps what is new: a later date, no date, a date that only anchors the fact, or the present', () => {
    expect(isRecap('The council approved the dam on May 18.', article, seen)).toBe(false);
    expect(isRecap('The council approved the dam.', article, seen)).toBe(false);
    expect(isRecap('Over 60 aftershocks were recorded since the quake of May 4.', article, seen)).toBe(false);
    expect(isRecap('A week after the May 4 quake, hospitals were full.', article, seen)).toBe(false);
    expect(isRecap('Survivors of the May 4 quake are still living in tents.', article, seen)).toBe(false);
  });

  it('needs a dated article', () => {
    expect(isRecap('The quake struck on May 4, 2026.', {}, seen)).toBe(false);
  });
});

describe('newestDay', () => {
  it('is the newest publication day, undefined without dates', () => {
    expect(newestDay([{ published: '2026-05-02T10:00:00Z' }, { published: '2026-05-12' }, {}] as never)).toBe('2026-05-12');
    expect(newestDay([{}] as never)).toBeUndefined();
  });
});
