import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/model.ts';
import { extractStatements } from '../../../src/core/statements/extract-statements.ts';
import { resolveSpeakers } from '../../../src/core/statements/resolve-speakers.ts';
import { makeArticle } from '../../helpers/statements-article.ts';

/** One paragraph, one sentence: the worst case for per-sentence work. */
function onePiece(text: string): Article {
  const span = { start: 0, end: text.length };
  return {
    id: 'big',
    file: 'big.txt',
    title: 'big',
    text,
    paragraphs: [{ index: 0, span, kind: 'body' }],
    sentences: [{ index: 0, paragraph: 0, span, text, kind: 'body' }],
    debris: [],
  };
}

function checkSpans(article: Article) {
  for (const s of extractStatements(article)) {
    expect(s.span.start).toBeGreaterThanOrEqual(0);
    expect(s.span.end).toBeLessThanOrEqual(article.text.length);
    expect(s.span.start).toBeLessThanOrEqual(s.span.end);
    if (s.kind === 'direct') expect(article.text.slice(s.span.start, s.span.end)).toBe(s.text);
  }
}

const pieces = [
  '“',
  '”',
  '"',
  "'",
  '‘',
  '’',
  ', ',
  '. ',
  ': ',
  '\n',
  'said',
  'told reporters',
  'according to',
  'He',
  'She',
  'they',
  'the minister',
  'Anna Berg',
  'Berg',
  'Mr',
  'stating that',
  'insisted',
  ' ',
  'and',
  'not',
  '{',
  '}',
  '=',
  'é',
  '\u0301',
  '😀',
  'Ü',
];
const newsish = fc.array(fc.constantFrom(...pieces), { maxLength: 200 }).map((xs) => xs.join(' '));

describe('extraction never throws and keeps valid spans', () => {
  it('on random Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => checkSpans(makeArticle(text))),
      { numRuns: 300 },
    );
  });

  it('on news-like fragments with unbalanced quotes', () => {
    fc.assert(
      fc.property(newsish, (text) => {
        checkSpans(makeArticle(text));
        checkSpans(onePiece(text));
        const r = resolveSpeakers(extractStatements(makeArticle(text)));
        for (const s of r.statements) expect(s.speaker === null || r.speakers.some((p) => p.id === s.speakerId)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on a 1 MB single paragraph, and the work grows linearly with the size', () => {
    const unit = 'Minister Anna Berg said on Monday that "the talks, which she called “useful,” will go on, and he said so. ';
    const sizes = [256 * 1024, 1024 * 1024];
    const counts: number[] = [];
    for (const size of sizes) {
      const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
      const t0 = performance.now();
      const got = extractStatements(onePiece(text));
      const ms = performance.now() - t0;
      counts.push(got.length);
      console.log(`[statements] one ${Math.round(size / 1024)} KB paragraph: ${got.length} statements in ${ms.toFixed(0)} ms`);
    }
    // Four times the text gives four times the statements: nothing is dropped or repeated as the input grows.
    const ratio = counts[1]! / counts[0]!;
    expect(ratio).toBeGreaterThan(3.6);
    expect(ratio).toBeLessThan(4.4);
  });
});

describe('throughput', () => {
  it('measures statements per second on a large synthetic corpus', () => {
    const paragraphs = [
      'Interior Minister Sara Lind said on Tuesday that the border would reopen next month, stating that talks had gone well.',
      '“We are not closing the border,” Lind told reporters. “We are asking for fairness.”',
      'Her counterpart, Trade Minister Rosa Diaz, rejected that account. She warned the talks could fail.',
      'The plan, officials argued, was sound, according to a senior aide to the president.',
      'President Paul Adams described the talks as “constructive” and urged both sides to continue.',
    ];
    const articles = Array.from({ length: 2000 }, (_, i) =>
      makeArticle(`${paragraphs.slice(i % 3).join('\n')}\n${paragraphs.slice(0, i % 3).join('\n')}`, `a${i}`),
    );
    const t0 = performance.now();
    let n = 0;
    const all = [];
    for (const a of articles) {
      const s = extractStatements(a);
      n += s.length;
      all.push(...s);
    }
    const ms = performance.now() - t0;
    const r = resolveSpeakers(all);
    console.log(
      `[statements] ${articles.length} articles, ${n} statements in ${ms.toFixed(0)} ms: ${Math.round(n / (ms / 1000))} statements/s, ${(ms / articles.length).toFixed(3)} ms/article; ${r.speakers.length} speakers`,
    );
    expect(n).toBeGreaterThan(articles.length * 5);
  });
});
