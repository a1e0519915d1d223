import { describe, expect, it } from 'vitest';
import type { TopicDef } from '../../../src/core/model.ts';
import { parseQuery } from '../../../src/core/topics/query-parser.ts';
import { queryTopic } from '../../../src/core/topics/query-topic.ts';
import { compileTopics, LEARNED_ALONE, scoreText } from '../../../src/core/topics/topic-scorer.ts';
import { countStems } from '../../../src/core/digest/similarity.ts';

/** A question topic with two asked words and five learned companions (invented words). */
const topic: TopicDef = {
  id: 'q',
  title: 'q',
  description: '',
  terms: [
    { term: 'levy', weight: 2 },
    { term: 'harbour', weight: 2 },
    ...['Ostrava', 'Belgrin', 'Tamsk', 'Vell', 'Quorn'].map((term) => ({ term, weight: 0.6, learned: true })),
    { term: 'dockers', weight: 0.6, learned: true },
  ],
};
const compiled = compileTopics([topic]);
const score = (text: string) => scoreText(compiled, text).q ?? 0;

describe('learned (expansion) terms', () => {
  it('add at most what the asked terms found: a list of the story’s names does not outrank an answer', () => {
    const list = 'Ostrava, Belgrin, Tamsk, Vell and Quorn attended the harbour ceremony.';
    const answer = 'The harbour levy was doubled on Monday.';
    expect(score(list)).toBeCloseTo(2 + 2, 5); // 5 × 0.6 = 3 learned, capped by the 2 asked
    expect(score(answer)).toBeCloseTo(4, 5);
    expect(score(list)).toBeLessThanOrEqual(score(answer));
  });

  it('still count alone, up to a small ceiling, so a paraphrase of the question is found', () => {
    expect(score('Ostrava and Belgrin dockers walked out.')).toBeCloseTo(1.8, 5);
    expect(score('Ostrava, Belgrin, Tamsk, Vell and Quorn dockers walked out.')).toBeCloseTo(LEARNED_ALONE, 5);
  });

  it('yield to an asked term at the same position', () => {
    const t: TopicDef = {
      id: 'q',
      title: 'q',
      description: '',
      terms: [
        { term: 'russian', weight: 0.6, learned: true },
        { term: 'russ*', weight: 1.5 },
      ],
    };
    expect(scoreText(compileTopics([t]), 'A Russian envoy arrived.').q).toBeCloseTo(1.5, 5);
  });
});

describe('queryTopic', () => {
  it('asks a place and its adjective as one term, so a sentence with both counts it once', () => {
    const q = queryTopic(parseQuery('what did Russia say about grain'), countStems([['russia'], ['grain'], ['other']]));
    const compiledQ = compileTopics([q]);
    const one = scoreText(compiledQ, 'Russia said the grain left.').query!;
    const both = scoreText(compiledQ, 'Russia said the Russian grain left.').query!;
    expect(both).toBeCloseTo(one, 5);
    expect(scoreText(compiledQ, 'A Russian ship carried grain.').query).toBeCloseTo(one, 5);
  });

  it('keeps a common word exact: only a name the question capitalises matches its adjective', () => {
    const q = queryTopic(parseQuery('what did the company say about its policy'), countStems([['compani'], ['polici'], ['other']]));
    const compiledQ = compileTopics([q]);
    expect(scoreText(compiledQ, 'The police arrived.').query).toBe(0);
    expect(scoreText(compiledQ, 'The company changed its policy.').query).toBeGreaterThan(0);
  });
});
