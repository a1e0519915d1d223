import { describe, expect, it } from 'vitest';
import { stemWord, tokenize, words } from '../../../src/core/topics/tokenize.ts';

describe('tokenize', () => {
  it('splits words with offsets, lower-cases them and drops possessives', () => {
    const text = 'Russia’s long-term U.S. plan';
    const t = tokenize(text);
    expect(t.map((x) => x.word)).toEqual(['russia', 'long', 'term', 'u', 's', 'plan']);
    for (const x of t) expect(text.slice(x.start, x.end).toLowerCase().startsWith(x.word)).toBe(true);
  });

  it('keeps inner apostrophes and digits', () => {
    expect(words("don't sign Article 5")).toEqual(["don't", 'sign', 'article', '5']);
  });

  it('gives inflections one stem', () => {
    expect(stemWord('guarantees')).toBe(stemWord('guarantee'));
    expect(stemWord('negotiations')).toBe(stemWord('negotiating'));
    expect(stemWord('talks')).toBe(stemWord('talk'));
  });
});

describe('stemWord on numbers', () => {
  it('keeps a number as it is', () => {
    expect(stemWord('300')).toBe('300');
    expect(stemWord('1999')).toBe('1999');
    expect(stemWord('300')).not.toBe(stemWord('100'));
  });
});
