import { describe, expect, it } from 'vitest';
import { buildDigest, indexTopics, type ScoredArticle } from '../../../src/core/digest/build-digest.ts';
import { DIGEST_CHAR_BUDGET } from '../../../src/core/digest/budget.ts';
import { renderDigestMarkdown } from '../../../src/core/digest/render-markdown.ts';
import type { Article, TopicDef } from '../../../src/core/model.ts';
import { compileTopics, scoreText } from '../../../src/core/topics/topic-scorer.ts';
import { makeArticle } from './make-article.ts';

const prisoners: TopicDef = {
  id: 'prisoner-exchange',
  title: 'Prisoners',
  description: '',
  terms: [
    { term: 'prisoners of war', weight: 3 },
    { term: 'prisoner swap', weight: 3 },
    { term: 'detainees', weight: 2 },
    { term: 'release', weight: 1 },
  ],
};
const truce: TopicDef = {
  id: 'truce',
  title: 'Truce',
  description: '',
  terms: [
    { term: 'truce', weight: 3 },
    { term: 'ceasefire', weight: 3 },
  ],
};

function scored(articles: Article[], topics: TopicDef[] = [prisoners, truce]): ScoredArticle[] {
  const c = compileTopics(topics);
  return articles.map((article) => ({ article, scores: article.sentences.map((s) => scoreText(c, s.text)) }));
}

const a = makeArticle('a', [
  'Valdoria and Kestria agreed on Friday to exchange 120 prisoners of war before the end of the month.',
  'The Red Cross will check the lists of detainees and oversee the handover at the Sava bridge.',
  'The agreement was reached after nine hours of talks in a hotel by the lake.',
]);
const b = makeArticle('b', [
  { kind: 'subhead', text: 'Prisoners of war to go home' },
  'Officials in Kestria confirmed that 120 prisoners of war would be exchanged with Valdoria this month.',
  'Separately, the national football team won its qualifier on Saturday.',
]);
const c = makeArticle('c', [
  { kind: 'takeaway', text: 'Valdoria and Kestria will swap 120 prisoners of war.' },
  'The finance minister presented a budget that raises fuel taxes by two percent and cuts farm subsidies.',
]);

describe('buildDigest', () => {
  const input = { topic: prisoners, articles: scored([a, b, c]), max: 8 };

  it('merges one fact reported by several articles into one point citing all of them', () => {
    const d = buildDigest(input);
    const swap = d.items.filter((i) => /120 prisoners of war/.test(i.text));
    expect(swap).toHaveLength(1);
    expect(swap[0]!.sources.map((s) => s.article).sort()).toEqual(['a', 'b', 'c']);
    expect(new Set(swap[0]!.evidence.map((e) => e.article))).toEqual(new Set(['a', 'b', 'c']));
  });

  it('prefers a body sentence over a takeaway as the text of a point', () => {
    const swap = buildDigest(input).items.find((i) => /120 prisoners of war/.test(i.text))!;
    const rep = swap.evidence[0]!;
    expect([a, b, c].find((x) => x.id === rep.article)!.sentences[rep.sentence]!.kind).toBe('body');
  });

  it('cites the point text back to its place in the article', () => {
    for (const item of buildDigest(input).items) {
      const e = item.evidence[0]!;
      const article = [a, b, c].find((x) => x.id === e.article)!;
      expect(article.text.slice(e.span.start, e.span.end).replace(/[.,;]$/, '')).toBe(item.text.replace(/[.,;]$/, ''));
    }
  });

  it('never makes a sub-heading or an off-topic sentence a point', () => {
    const texts = buildDigest(input).items.map((i) => i.text);
    expect(texts).not.toContain('Prisoners of war to go home');
    expect(texts.some((t) => /football|budget|hotel/.test(t))).toBe(false);
  });

  it('gives a short digest when coverage is thin instead of padding it', () => {
    const d = buildDigest({ topic: truce, articles: scored([a, b, c]), max: 8 });
    expect(d.items).toEqual([]);
    const one = makeArticle('t', ['The two armies began a truce at midnight along the whole front.', 'Markets were calm.']);
    const d2 = buildDigest({ topic: truce, articles: scored([one]), max: 8 });
    expect(d2.items.map((i) => i.text)).toEqual(['The two armies began a truce at midnight along the whole front.']);
  });

  it('never lets a passing mention (one weak term) become a point', () => {
    const weak = makeArticle('w', ['The union asked for the release of the report before the vote on Tuesday.']);
    expect(buildDigest({ topic: prisoners, articles: scored([weak]), max: 8 }).items).toEqual([]);
  });

  it('skips articles marked as duplicates', () => {
    const dup = makeArticle(
      'dup',
      a.paragraphs.map((p) => a.text.slice(p.span.start, p.span.end)),
      { duplicateOf: 'a' },
    );
    const d = buildDigest({ ...input, articles: scored([a, b, c, dup]) });
    expect(d.items.flatMap((i) => i.sources.map((s) => s.article))).not.toContain('dup');
  });

  it('returns at most max points, and no two with the same text', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      makeArticle(`m${i}`, [
        `In town number ${i * 7 + 3}, officials released ${i + 40} detainees held over a ${['tax', 'land', 'water', 'road', 'school', 'port'][i % 6]} protest.`,
      ]),
    );
    const d = buildDigest({ topic: prisoners, articles: scored(many), max: 3 });
    expect(d.items.length).toBeLessThanOrEqual(3);
    expect(new Set(d.items.map((i) => i.text)).size).toBe(d.items.length);
  });

  it('keeps the attribution of a trimmed claim', () => {
    const long = makeArticle('long', [
      'The envoy claimed that Kestria had signalled on Friday that it could release all prisoners of war held since the spring offensive, which would be the largest such release in the history of the conflict between the two neighbouring states and their allies in the region.',
    ]);
    const d = buildDigest({ topic: prisoners, articles: scored([long]), max: 8 });
    expect(d.items).toHaveLength(1);
    expect(d.items[0]!.text).toMatch(/^The envoy claimed that Kestria/);
  });

  it('keeps the rendered digest within one message', () => {
    const words = 'prisoners of war were exchanged at the border crossing after long talks between the two sides';
    const many = Array.from({ length: 25 }, (_, i) =>
      makeArticle(`p${i}`, [`In district ${i * 13 + 101} the ${i}th group of ${i + 200} ${words} ${'and more detail '.repeat(12)}${i}.`]),
    );
    const d = buildDigest({ topic: prisoners, articles: scored(many), max: 25 });
    expect(d.items.length).toBeGreaterThan(0);
    expect(renderDigestMarkdown(d).length).toBeLessThanOrEqual(DIGEST_CHAR_BUDGET);
  });

  it('rejects a bad max with a message naming it', () => {
    expect(() => buildDigest({ ...input, max: 0 })).toThrow(/max must be a whole number/);
  });
});

describe('buildDigest with a precomputed index', () => {
  const articles = scored([a, b, c]);
  const index = indexTopics(articles, [prisoners, truce]);

  it('gives the same digest as without the index', () => {
    const withIndex = buildDigest({ topic: prisoners, articles, max: 8, index });
    const without = buildDigest({ topic: prisoners, articles, max: 8 });
    expect(withIndex).toEqual(without);
  });

  it('restricts the points and citations to accepted articles, and does not repeat what an earlier one said (a since query)', () => {
    const accept = (x: Article) => x.id !== 'a';
    const d = buildDigest({ topic: prisoners, articles, max: 8, index, accept });
    const cited = d.items.flatMap((i) => i.sources.map((s) => s.article));
    expect(cited).not.toContain('a');
    // The swap of 120 was already reported by the earlier article: not news.
    expect(d.items.find((i) => /120 prisoners of war/.test(i.text))).toBeUndefined();
  });

  it('says a fact again when its number changed since (a since query)', () => {
    const later = makeArticle('d', ['Valdoria and Kestria agreed on Monday to exchange 150 prisoners of war before the end of the month.']);
    const all = scored([a, later]);
    const d = buildDigest({ topic: prisoners, articles: all, max: 8, index: indexTopics(all, [prisoners, truce]), accept: (x) => x.id === 'd' });
    expect(d.items.map((i) => i.text)).toContain(later.sentences[0]!.text);
    const same = makeArticle('e', ['Valdoria and Kestria agreed on Monday to exchange 120 prisoners of war before the end of the month.']);
    const again = scored([a, same]);
    const r = buildDigest({ topic: prisoners, articles: again, max: 8, index: indexTopics(again, [prisoners, truce]), accept: (x) => x.id === 'e' });
    expect(r.items.map((i) => i.text)).not.toContain(same.sentences[0]!.text);
  });

  it('does not retell, in a since query, what happened before the newest article the reader saw', () => {
    const seen = makeArticle('s', ['Valdoria and Kestria agreed to exchange prisoners of war at the Sava bridge.'], { published: '2026-05-12' });
    const later = makeArticle(
      'n',
      [
        'The two states had agreed on May 4, 2026 to free all prisoners of war held in the camps.',
        'The Red Cross began the release of 40 prisoners of war from the northern camps.',
      ],
      { published: '2026-05-20' },
    );
    const all = scored([seen, later]);
    const d = buildDigest({ topic: prisoners, articles: all, max: 8, index: indexTopics(all, [prisoners, truce]), accept: (x) => x.id === 'n' });
    const texts = d.items.map((i) => i.text);
    expect(texts.some((t) => /Red Cross began/.test(t))).toBe(true);
    expect(texts.some((t) => /May 4/.test(t))).toBe(false);
    // Without the earlier article nothing is a recap.
    const alone = scored([later]);
    const all2 = buildDigest({ topic: prisoners, articles: alone, max: 8, index: indexTopics(alone, [prisoners, truce]) });
    expect(all2.items.some((i) => /May 4/.test(i.text))).toBe(true);
  });

  it('restricts to a subset passed as articles too', () => {
    const subset = articles.filter((x) => x.article.id === 'b');
    const d = buildDigest({ topic: prisoners, articles: subset, max: 8, index });
    expect(d.items.flatMap((i) => i.sources.map((s) => s.article))).toEqual(['b']);
  });
});
