import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutPoint, DEFAULT_LIMITS } from '../../../src/core/corpus/limits.ts';
import { parseArticle } from '../../../src/core/corpus/parse-article.ts';
import { splitSentences } from '../../../src/core/corpus/sentences.ts';

/**
 * Work per article is bounded. These inputs are sized so that any step quadratic in the article's
 * length or line count would run for minutes and time the test out; the assertions count what was kept.
 */
const MB = 1024 * 1024;
const repeatTo = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length));

describe('bounded work per article', () => {
  it.each([
    ['one line of dateline fragments', repeatTo('WESTBURY, Aug 26 (Example Wire): ', 3.9 * MB)],
    ['dateline fragments on lines of their own', repeatTo('WESTBURY, Aug 26 (Example Wire):\n', 3.9 * MB)],
    ['dateline paragraphs', repeatTo('WESTBURY, Aug 26 (Example Wire): Talks resumed.\n\n', 3.9 * MB)],
    ['one-word lines (kickers above a headline)', repeatTo('Word\n', 1 * MB)],
    ['short headline-like paragraphs', `${repeatTo('Talks resume\n\n', 1 * MB)}The talks resumed.`],
    ['initials', repeatTo('A. ', 1 * MB)],
    ['quotes that never close', repeatTo('“a ', 1 * MB)],
  ])('reads at most the limits of %s, and says so naming the file', (_, text) => {
    const { article, issues } = parseArticle('huge.txt', text);
    const warning = issues.find((i) => i.code === 'too_large');
    expect(warning?.file).toBe('huge.txt');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/split it into separate articles/);
    expect(warning?.message).toMatch(/over the 100,000 characters read per article|more than 1,?000 sentences/);
    if (article) {
      expect(article.text.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxChars);
      expect(article.sentences.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxSentences);
      for (const s of article.sentences) expect(s.text.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxSentenceChars);
    }
  });

  it('takes custom limits', () => {
    const { article, issues } = parseArticle('a.txt', repeatTo('The talks resumed. ', 10_000), { maxChars: 5_000, maxSentences: 10, maxSentenceChars: 100 });
    expect(article?.sentences).toHaveLength(10);
    expect(issues.map((i) => i.code)).toEqual(['too_large', 'too_large']);
  });

  it('reports nothing for an article within the limits', () => {
    expect(parseArticle('a.txt', 'Talks resume\n\nThe talks resumed on Monday.').issues).toEqual([]);
  });

  it('front matter over the limit is refused without parsing it', () => {
    const { article, issues } = parseArticle('fm.txt', `---\n${repeatTo('key: value\n', 100_000)}---\nText.`);
    expect(article).toBeUndefined();
    expect(issues[0]?.code).toBe('bad_front_matter');
    expect(issues[0]?.message).toMatch(/over 16 KB/);
  });
});

describe('cutPoint', () => {
  it('cuts at the last paragraph break, else line break, else space before the limit', () => {
    expect(cutPoint('aaaa\n\nbbbb cccc', 12)).toBe(4);
    expect(cutPoint('aaaa bbbb\ncccc', 12)).toBe(9);
    expect(cutPoint('aaaa bbbb cccc', 12)).toBe(9);
    expect(cutPoint('short', 12)).toBe(5);
  });

  it('never splits a surrogate pair and never exceeds the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 2, max: 200 }), (text, max) => {
        const cut = cutPoint(text, max);
        expect(cut).toBeLessThanOrEqual(Math.max(max, 0));
        expect(cut).toBeLessThanOrEqual(text.length);
        const code = text.charCodeAt(cut - 1);
        expect(cut < text.length && code >= 0xd800 && code <= 0xdbff).toBe(false);
      }),
    );
  });
});

describe('sentence length cap', () => {
  it('cuts a run without sentence ends into pieces at word boundaries', () => {
    const text = repeatTo('word ', 10_000);
    const spans = splitSentences(text, 0, text.length, 100);
    expect(spans.length).toBeGreaterThanOrEqual(100);
    for (const s of spans) {
      expect(s.end - s.start).toBeLessThanOrEqual(100);
      expect(text.slice(s.start, s.end)).toMatch(/^word( word)*$/);
    }
  });

  it('keeps every character that is not white space, in order, within the cap', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 4, max: 60 }), (text, max) => {
        const spans = splitSentences(text, 0, text.length, max);
        let last = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end - s.start).toBeLessThanOrEqual(max);
          last = s.end;
        }
        const kept = spans
          .map((s) => text.slice(s.start, s.end))
          .join('')
          .replace(/\s/g, '');
        expect(kept).toBe(text.replace(/\s/g, ''));
      }),
      { numRuns: 300 },
    );
  });
});
