import { describe, expect, it } from 'vitest';
import { unsupported } from '../../../src/core/digest/verify-citations.ts';
import { makeArticle } from './make-article.ts';

const point = 'The Velmora council approved 120 million for the Ostrel dam on 3 May 2026.';
const own = makeArticle('own', [point], { published: '2026-05-04' });
const later = makeArticle('later', ['x'], { published: '2026-05-05' });

describe('unsupported', () => {
  it('accepts a sentence reporting the same fact', () => {
    expect(unsupported(point, own, 'On Sunday the Velmora council approved 120 million for the Ostrel dam.', later)).toBeUndefined();
  });
  it('rejects few shared words, other numbers, other names, the opposite, and an article from before the event', () => {
    expect(unsupported(point, own, 'The Velmora council met.', later)).toBe('too few shared words');
    expect(unsupported(point, own, 'The Velmora council approved 300 million for the Ostrel dam.', later)).toBe('different numbers');
    expect(unsupported(point, own, 'The Karsk council approved 120 million for a dam on the river.', later)).toBe('different names');
    expect(unsupported(point, own, 'The Velmora council has not approved 120 million for the Ostrel dam.', later)).toBe('opposite polarity');
    const earlier = makeArticle('earlier', ['x'], { published: '2026-05-01' });
    expect(unsupported(point, own, 'The Velmora council approved 120 million for the Ostrel dam.', earlier)).toBe('published before the event');
  });
});
