import { describe, expect, it } from 'vitest';
import { createDuplicateIndex, markDuplicates, metadataRichness } from '../../../src/core/corpus/dedupe.ts';
import { parse } from './seed.ts';

const BODY = [
  'Harbour workers and the port authority signed a two-year wage deal on Thursday after a week of strikes at the docks.',
  'The agreement raises pay by six percent and limits night shifts to three a week, the union said.',
  'Shipping companies said cargo traffic would return to normal within days once the backlog is cleared.',
  'The port authority said the deal would cost about 40 million a year and would be paid from higher fees.',
].join('\n\n');

/** A year-less wire copy first in file order, then the dated original with front matter. */
const bare = () => parse(`Dock strike ends with wage deal\n\nPORTVILLE, May 8 (Coast Wire) - ${BODY}\n`, 'a-wire-copy.txt');
const dated = () =>
  parse(`---\ntitle: Dock workers sign wage deal\nsource: Harbour Herald\npublished: 2026-05-08\nurl: https://example.org/dock\n---\n${BODY}\n`, 'b-herald.md');

describe('which copy of a duplicate is the original', () => {
  it('ranks metadata: a publication date, then a source, a URL, a front-matter title', () => {
    expect(metadataRichness(dated())).toBeGreaterThan(metadataRichness(bare()));
    expect(metadataRichness(bare())).toBeGreaterThan(0); // the dateline gives an outlet
  });

  it('keeps the dated copy as the original in a batch, whatever the file order', () => {
    const r = markDuplicates([bare(), dated()]);
    expect(r.articles.map((a) => a.duplicateOf)).toEqual(['b-herald', undefined]);
    expect(r.issues.map((i) => i.file)).toEqual(['a-wire-copy.txt']);
    expect(r.issues[0]!.message).toContain('b-herald.md');
  });

  it('keeps file order among copies of equal metadata', () => {
    const r = markDuplicates([parse(BODY, 'x.txt'), parse(BODY, 'y.txt')]);
    expect(r.articles.map((a) => a.duplicateOf)).toEqual([undefined, 'x']);
  });

  it('tells an incremental caller when a new, richer copy replaces an earlier original', () => {
    const index = createDuplicateIndex();
    expect(index.check(bare()).replaces).toBeUndefined();
    const r = index.check(dated());
    expect(r.replaces).toBe('a-wire-copy');
    expect(r.article.duplicateOf).toBeUndefined();
    expect(r.issue).toMatchObject({ file: 'a-wire-copy.txt', code: 'duplicate' });
    // A third, poorer copy now points at the new original.
    expect(index.check(parse(BODY, 'c.txt')).article.duplicateOf).toBe('b-herald');
  });
});
