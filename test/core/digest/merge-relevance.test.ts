import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../src/core/digest/candidates.ts';
import { mergeByRelevance } from '../../../src/core/digest/topic-index.ts';

/** Only the relevance (and a name to tell them apart) matters to the merge. */
const c = (name: string, relevance: number) => ({ text: name, relevance }) as unknown as Candidate;
const names = (xs: Candidate[]) => xs.map((x) => x.text);

describe('mergeByRelevance', () => {
  it('puts new candidates among the kept ones by relevance, a kept one first on a tie, and cuts at the cap', () => {
    const kept = [c('k1', 9), c('k2', 5), c('k3', 5), c('k4', 1)];
    const fresh = [c('f1', 5), c('f2', 7), c('f3', 0.5)];
    expect(names(mergeByRelevance(kept, fresh, 10))).toEqual(['k1', 'f2', 'k2', 'k3', 'f1', 'k4', 'f3']);
    expect(names(mergeByRelevance(kept, fresh, 3))).toEqual(['k1', 'f2', 'k2']);
    expect(names(mergeByRelevance([], fresh, 2))).toEqual(['f2', 'f1']);
  });

  it('sorts both lists together when the kept ones are not in order', () => {
    const kept = [c('k1', 2), c('k2', 8)];
    expect(names(mergeByRelevance(kept, [c('f1', 5)], 5))).toEqual(['k2', 'f1', 'k1']);
  });
});
