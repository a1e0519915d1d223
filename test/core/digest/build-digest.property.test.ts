import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDigest, indexTopics } from '../../../src/core/digest/build-digest.ts';
import { DIGEST_CHAR_BUDGET } from '../../../src/core/digest/budget.ts';
import { renderDigestMarkdown } from '../../../src/core/digest/render-markdown.ts';
import type { TopicDef } from '../../../src/core/model.ts';
import { compileTopics, scoreText } from '../../../src/core/topics/topic-scorer.ts';
import { makeArticle } from './make-article.ts';

const topic: TopicDef = {
  id: 'sanctions',
  title: 'Sanctions',
  description: '',
  terms: [
    { term: 'sanction*', weight: 3 },
    { term: 'tariffs', weight: 3 },
    { term: 'pressure', weight: 1 },
  ],
};
const compiled = compileTopics([topic]);
const word = fc.constantFrom(
  'sanctions',
  'tariffs',
  'pressure',
  'the',
  'council',
  'imposed',
  'on',
  'steel',
  'Meridia',
  '120',
  'banks',
  'said',
  'froze',
  'new',
  'talks',
);
const sentence = fc.array(word, { minLength: 3, maxLength: 30 }).map((w) => `${w.join(' ')}.`);
const article = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((ss) => ss.join(' '));
const corpus = fc.array(fc.array(article, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 });

describe('buildDigest on arbitrary corpora (property)', () => {
  it('respects max and the budget, cites real spans, and agrees with the index', () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: 1, max: 10 }), (docs, max) => {
        const articles = docs.map((paras, i) => makeArticle(`x${i}`, paras));
        const scored = articles.map((a) => ({ article: a, scores: a.sentences.map((s) => scoreText(compiled, s.text)) }));
        const d = buildDigest({ topic, articles: scored, max });
        expect(d.items.length).toBeLessThanOrEqual(max);
        expect(renderDigestMarkdown(d).length).toBeLessThanOrEqual(DIGEST_CHAR_BUDGET);
        for (const item of d.items) {
          const ids = item.sources.map((s) => s.article);
          expect(new Set(ids).size).toBe(ids.length);
          for (const e of item.evidence) {
            const a = articles.find((x) => x.id === e.article)!;
            expect(e.span.start).toBeGreaterThanOrEqual(0);
            expect(e.span.end).toBeLessThanOrEqual(a.text.length);
            expect(e.span.start).toBeLessThan(e.span.end);
          }
        }
        expect(buildDigest({ topic, articles: scored, max, index: indexTopics(scored, [topic]) })).toEqual(d);
      }),
      { numRuns: 60 },
    );
  });
});
