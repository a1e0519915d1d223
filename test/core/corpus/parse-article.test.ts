import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleId, parseArticle } from '../../../src/core/corpus/parse-article.ts';
import type { Article } from '../../../src/core/model.ts';
import { seed } from './seed.ts';

function checkInvariants(a: Article): void {
  let lastEnd = -1;
  for (const s of a.sentences) {
    expect(a.text.slice(s.span.start, s.span.end)).toBe(s.text);
    expect(s.text.length).toBeGreaterThan(0);
    expect(s.text).toBe(s.text.trim());
    expect(s.span.start).toBeGreaterThanOrEqual(lastEnd);
    lastEnd = s.span.end;
    const p = a.paragraphs[s.paragraph]!;
    expect(s.span.start).toBeGreaterThanOrEqual(p.span.start);
    expect(s.span.end).toBeLessThanOrEqual(p.span.end);
  }
  for (const d of a.debris) {
    expect(d.start).toBeLessThan(d.end);
    expect(d.end).toBeLessThanOrEqual(a.text.length);
    for (const s of a.sentences) expect(d.end <= s.span.start || d.start >= s.span.end).toBe(true);
  }
  if (a.titleSpan) expect(a.text.slice(a.titleSpan.start, a.titleSpan.end)).toBe(a.title);
  if (a.dateline) expect(a.text.slice(a.dateline.span.start, a.dateline.span.end)).toBe(a.dateline.raw);
  expect(a.title.length).toBeGreaterThan(0);
}

describe('parseArticle', () => {
  it('parses every seed article with ids, titles and content', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const a = seed(prefix);
      expect(a.id.startsWith(prefix)).toBe(true);
      expect(a.file).toBe(`${a.id}.txt`);
      expect(a.sentences.filter((s) => s.kind === 'body').length).toBeGreaterThanOrEqual(8);
      checkInvariants(a);
    }
  });

  it('splits the seed articles at the hand-checked sentence boundaries', () => {
    const a000 = seed('000');
    expect(a000.sentences.filter((s) => s.kind === 'body')).toHaveLength(15);
    expect(a000.sentences.map((s) => s.text)).toContain('Asked if there had been further contact, Trump replied, “Yes, I have.”');
    expect(a000.sentences.some((s) => s.text.startsWith('“Every conversation') && s.text.endsWith('peace on the ground.'))).toBe(true);
    expect(seed('004').sentences).toHaveLength(13);
    const a002 = seed('002').sentences.map((s) => s.text);
    expect(a002).toContain('Zelensky, for his part, reiterated after the summit that he is prepared to meet with Putin “without conditions.”');
    expect(a002).toContain(
      'He noted that Russia first proposed a bilateral meeting with Ukraine, followed by a trilateral session including the United States.',
    );
    expect(a002).toContain('The details, however, remain vague.');
    expect(seed('003').sentences.at(-1)!.text).toBe('He concluded with, "Everyone is very happy about the possibility of peace for Russia/Ukraine."');
  });

  it('names the source from a credit line when there is no dateline outlet', () => {
    expect(seed('001').source).toBe('ANI');
  });

  it('derives the id from the file name', () => {
    expect(articleId('dir/002_x.md')).toBe('002_x');
    expect(articleId('a.b.TXT')).toBe('a.b');
  });

  it('reports a file with nothing but boilerplate as no_content', () => {
    const r = parseArticle('junk.txt', 'Share this:\nLeave a Reply\nAdvertisement\n');
    expect(r.article).toBeUndefined();
    expect(r.issues).toEqual([expect.objectContaining({ file: 'junk.txt', code: 'no_content', severity: 'error' })]);
    expect(r.issues[0]!.message).toMatch(/no article text/);
  });

  it('keeps its invariants on arbitrary mixtures of prose, quotes, bullets and boilerplate', () => {
    const fragment = fc.constantFrom(
      'The talks ended. ',
      'U.S. officials met Gen. Smith on Aug. 5. ',
      '“We will see. Maybe,” he said. ',
      '"Yes." ',
      'Ministers Meet Again',
      '- a takeaway point.',
      '  • a bullet,',
      'Key Takeaways',
      'Share this:',
      'By Jane Doe',
      'LONDON, Aug 26 (Wire): ',
      'Washington, D.C. — ',
      '---',
      'title: x',
      '\n',
      '\r\n',
      '\n\n',
      '\uFEFF',
      '  ',
      '…',
      'é',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        const r = parseArticle('prop.txt', parts.join(''));
        if (r.article) checkInvariants(r.article);
        else expect(r.issues).toHaveLength(1);
      }),
      { numRuns: 400 },
    );
  });

  it('survives long pathological lines', () => {
    const lines = ['a'.repeat(5000), `${'{ a: b; '.repeat(300)}`, `By ${'Abc '.repeat(400)}`, `${'“'.repeat(2000)}.`, `${'U.S. '.repeat(1000)}`];
    for (const line of lines) {
      const r = parseArticle('long.txt', `${line}\n\nThe talks ended.\n`);
      expect(r.article?.sentences.some((s) => s.text === 'The talks ended.')).toBe(true);
    }
  });
});
