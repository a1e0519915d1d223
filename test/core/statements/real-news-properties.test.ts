import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../../src/core/statements/extract-statements.ts';
import { findQuotations } from '../../../src/core/statements/quotes.ts';
import { tokenize } from '../../../src/core/statements/tokens.ts';
import { parseArticle } from '../../../src/core/corpus/parse-article.ts';

// Hostile text for the real-news conventions: runs of apostrophes and backticks, titles with and without stops,
// party tags, parentheses, colons at paragraph ends, possessives after `s`.
const pieces = [
  "''",
  "'''",
  "''''",
  '``',
  "'",
  '’',
  '‘',
  '"',
  '“',
  '”',
  '«',
  '»',
  'Mr.',
  'Sen.',
  'R.',
  'Jr.',
  'D-Xyz.,',
  '(D-Xyz.)',
  'said',
  'said:',
  'asked',
  'continued:',
  'Ana Ruiz,',
  'Ruiz',
  'he',
  'she',
  "voters'",
  "Walters'",
  '46 percent',
  'nine in 10',
  ',',
  '.',
  '?',
  '!',
  ':',
  '\n\n',
  'the governor',
  'who',
  'when',
  'Speaking in Vela,',
  'calling him',
  'a',
  'fellow',
];
const hostile = fc.array(fc.constantFrom(...pieces), { maxLength: 120 }).map((xs) => xs.join(' '));

describe('real-news conventions never break the parsers', () => {
  it('quotations stay inside the range, in order, with content inside the marks', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        let last = -1;
        for (const q of findQuotations(text, 0, text.length)) {
          expect(q.open).toBeGreaterThan(last);
          expect(q.content.start).toBeGreaterThan(q.open);
          expect(q.content.end).toBeGreaterThan(q.content.start);
          expect(q.close).toBeLessThanOrEqual(text.length);
          expect(q.content.end).toBeLessThanOrEqual(q.close);
          last = q.close - 1;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('tokens cover the text they name, in order', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        let end = 0;
        for (const t of tokenize(text)) {
          expect(text.slice(t.start, t.end)).toBe(t.text);
          expect(t.start).toBeGreaterThanOrEqual(end);
          end = t.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('extraction through the real loader never throws and keeps spans in the text', () => {
    fc.assert(
      fc.property(hostile, (body) => {
        const parsed = parseArticle('p.txt', `---\ntitle: "P"\n---\n${body}\n`);
        if (!parsed.article) return;
        const text = parsed.article.text;
        for (const s of extractStatements(parsed.article)) {
          expect(s.span.start).toBeGreaterThanOrEqual(0);
          expect(s.span.end).toBeLessThanOrEqual(text.length);
          if (s.kind === 'direct') expect(text.slice(s.span.start, s.span.end)).toBe(s.text);
        }
      }),
      { numRuns: 300 },
    );
  });
});
