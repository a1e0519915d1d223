import { describe, expect, it } from 'vitest';
import { countStems } from '../../../src/core/digest/similarity.ts';
import { parseQuery } from '../../../src/core/topics/query-parser.ts';
import { expandTerms, queryTopic, queryWeight } from '../../../src/core/topics/query-topic.ts';
import { matchTopic } from '../../../src/core/topics/match-topic.ts';
import { stemWord } from '../../../src/core/topics/tokenize.ts';
import type { TopicDef } from '../../../src/core/model.ts';

const counts = countStems([...Array.from({ length: 40 }, () => ['council', 'meet']), ['council', 'dam', 'ostrel'], ['dam', 'reservoir', 'ostrel']]);

describe('queryTopic', () => {
  it('weighs a rare word of the question more than a common one', () => {
    expect(queryWeight(counts, 'ostrel')).toBeGreaterThan(queryWeight(counts, 'council'));
    const t = queryTopic(parseQuery('council and the Ostrel dam'), counts);
    const w = (term: string) => t.terms.find((x) => x.term === term)!.weight;
    expect(w('ostrel')).toBeGreaterThan(w('council'));
    // A phrase found as such weighs more than either of its words (it consumes them when it matches).
    expect(w('ostrel dam')).toBeGreaterThan(w('ostrel') + w('dam') - 0.01);
  });

  it('adds the words that keep company with the question in its best sentences, never the asked ones', () => {
    const feedback = ['The Ostrel dam reservoir was drained.', 'Engineers drained the reservoir near the Ostrel dam.', 'The council met.'];
    const asked = new Set(['ostrel', 'dam'].map(stemWord));
    const e = expandTerms(feedback, counts, asked);
    expect(e.map((x) => x.stem)).toContain(stemWord('reservoir'));
    expect(e.map((x) => x.stem)).toContain(stemWord('drained'));
    for (const x of e) {
      expect(asked.has(x.stem)).toBe(false);
      expect(x.weight).toBeLessThanOrEqual(0.6);
    }
    expect(expandTerms([], counts, asked)).toEqual([]);
  });
});

describe('matchTopic', () => {
  const topics: TopicDef[] = [
    { id: 'water-rights', title: 'Water rights', description: '', terms: [{ term: 'water', weight: 2 }] },
    { id: 'summits', title: 'The summits', description: '', terms: [{ term: 'summit', weight: 2 }] },
  ];
  it('matches an id or title closely, and leaves a longer question alone', () => {
    expect(matchTopic('water-rights', topics)?.id).toBe('water-rights');
    expect(matchTopic('Water Rights?', topics)?.id).toBe('water-rights');
    expect(matchTopic('watr rights', topics)).toBeUndefined();
    expect(matchTopic('the water right', topics)?.id).toBe('water-rights');
    expect(matchTopic('summit', topics)?.id).toBe('summits');
    expect(matchTopic('what did the ministers say about water rights at the summit', topics)).toBeUndefined();
    expect(matchTopic('', topics)).toBeUndefined();
  });
});
