import { describe, expect, it } from 'vitest';
import { contentStems } from '../../../src/core/digest/features.ts';
import { buildQueryDigest } from '../../../src/core/digest/query-digest.ts';
import { countStems } from '../../../src/core/digest/similarity.ts';
import type { Article } from '../../../src/core/model.ts';
import { makeArticle } from './make-article.ts';

/** What's new since: a question's digest over new articles, with the earlier ones as what the reader saw. */
describe('a free-text digest with since', () => {
  const old = makeArticle('old', ['The harbour levy in Tarvik rose to 120 crowns a tonne on Monday, the port authority said.'], { published: '2026-03-02' });
  const repeat = makeArticle('repeat', ['The harbour levy in Tarvik rose to 120 crowns a tonne on Monday, the port authority said again.'], {
    published: '2026-03-05',
  });
  const changed = makeArticle('changed', ['The harbour levy in Tarvik rose to 340 crowns a tonne after a second increase, the port authority said.'], {
    published: '2026-03-06',
  });
  const other = makeArticle('other', ['Dockers in Tarvik walked out over the harbour levy and closed two of the port’s quays.'], { published: '2026-03-06' });
  const filler = Array.from({ length: 20 }, (_, i) =>
    makeArticle(`f${i}`, [`The choir of district ${i} sang at the spring fair.`], { published: '2026-03-01' }),
  );
  const articles: Article[] = [old, repeat, changed, other, ...filler];
  const stems = countStems(articles.flatMap((a) => a.sentences.map((s) => contentStems(s.text))));
  const digest = buildQueryDigest({
    query: 'harbour levy in Tarvik',
    articles,
    stems,
    accept: (a) => (a.published ?? '') > '2026-03-03',
    max: 5,
  });
  const texts = digest.items.map((i) => i.text);

  it('does not repeat a fact the reader saw before, and says it again when its number changed', () => {
    // The repeat and the change look alike: grouped as one point, the repeat would hide the change.
    expect(texts.some((t) => /\b120\b/.test(t))).toBe(false);
    expect(texts.some((t) => /\b340\b/.test(t))).toBe(true);
  });

  it('takes points only from the new articles', () => {
    for (const item of digest.items) for (const s of item.sources) expect(['repeat', 'changed', 'other']).toContain(s.article);
  });
});
