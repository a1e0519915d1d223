import { describe, expect, it } from 'vitest';
import { articleIsAbout, ARTICLE_LIFT, liftByArticle } from '../../../src/core/digest/article-context.ts';
import type { Article, TopicDef } from '../../../src/core/model.ts';
import { compileTopics, scoreText } from '../../../src/core/topics/topic-scorer.ts';
import { makeArticle } from './make-article.ts';

const sanctions: TopicDef = {
  id: 'sanctions',
  title: 'Sanctions',
  description: '',
  terms: [
    { term: 'sanction*', weight: 3 },
    { term: 'asset*', weight: 1 },
    { term: 'freez*', weight: 1 },
  ],
};
const summits: TopicDef = {
  id: 'summits',
  title: 'Summits',
  description: '',
  terms: [
    { term: 'summit', weight: 3 },
    { term: 'talks', weight: 1 },
  ],
};
const topics = [sanctions, summits];

function lifted(a: Article, t: TopicDef): number[] {
  const c = compileTopics(topics);
  const rows = a.sentences.map((s) => scoreText(c, s.text));
  const out = rows.map((r) => r[t.id] ?? 0);
  liftByArticle(a, rows, t.id, [...out], out);
  return out;
}

describe('articleIsAbout', () => {
  it('needs two strong sentences, or one with two weak mentions around it', () => {
    expect(articleIsAbout([3, 0, 1, 0])).toBe(false);
    expect(articleIsAbout([3, 0, 2])).toBe(true);
    expect(articleIsAbout([3, 1, 0, 1])).toBe(true);
    expect(articleIsAbout([1, 1, 1, 1])).toBe(false);
  });
});

describe('liftByArticle', () => {
  it('lifts a weak sentence near a strong one in an article about the topic, to just the minimum', () => {
    const a = makeArticle('a', [
      'The bloc imposed sanctions on Pellia on Monday. Ministers said more sanctions were ready.',
      'Finance Minister Karl Vos said the freeze covered accounts worth about 30 million euros.',
    ]);
    expect(lifted(a, sanctions)).toEqual([3, 3, ARTICLE_LIFT]);
  });

  it('does not lift in an article with a single passing strong mention', () => {
    const a = makeArticle('a', [
      'The bloc imposed sanctions on Pellia on Monday.',
      'Finance Minister Karl Vos said the freeze covered accounts worth about 30 million euros.',
    ]);
    expect(lifted(a, sanctions)).toEqual([3, 1]);
  });

  it('does not lift a weak sentence that another topic scores as high', () => {
    const a = makeArticle('a', [
      'The bloc imposed sanctions on Pellia on Monday. Ministers said more sanctions were ready.',
      'The freeze was discussed at talks in Rome.',
    ]);
    expect(lifted(a, sanctions)[2]).toBe(1);
  });

  it('links a term-less event sentence to a strong one of its paragraph through a rare name, not a quote', () => {
    const a = makeArticle('a', [
      'The bloc imposed sanctions on Pellia. Ministers said more sanctions were ready.',
      'Sanctions were also placed on the Dorvik shipyard. Its owner closed the Dorvik yard on Friday. "We never broke a rule at Dorvik," he said.',
      'Reporters waited outside in the rain. A band played near the harbour. The crowd left at noon.',
      'Prices rose in the capital. Traders expected calm. Analysts were divided. Nobody commented.',
    ]);
    expect(lifted(a, sanctions)).toEqual([3, 3, 3, ARTICLE_LIFT, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
