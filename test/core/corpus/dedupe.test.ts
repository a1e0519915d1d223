import { describe, expect, it } from 'vitest';
import { markDuplicates } from '../../../src/core/corpus/dedupe.ts';
import { parse, seed, seedRaw } from './seed.ts';

const ALL = ['000', '001', '002', '003', '004'];

describe('markDuplicates', () => {
  it('marks nothing in the seed corpus: different articles on the same story are not duplicates', () => {
    const articles = ALL.map(seed);
    const r = markDuplicates(articles);
    expect(r.issues).toEqual([]);
    expect(r.articles.every((a) => a.duplicateOf === undefined)).toBe(true);
    for (const [i, a] of r.articles.entries()) expect(a).toBe(articles[i]);
  });

  it('marks the same text under another file name as a duplicate of the first, naming both files', () => {
    const { raw } = seedRaw('001');
    const first = parse(raw, '001_original.txt');
    const copy = parse(raw, '009_copy.txt');
    const r = markDuplicates([first, seed('004'), copy]);
    expect(r.articles[2]!.duplicateOf).toBe('001_original');
    expect(r.articles[0]!.duplicateOf).toBeUndefined();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ file: '009_copy.txt', code: 'duplicate', severity: 'warning' });
    expect(r.issues[0]!.message).toContain('001_original.txt');
    expect(r.issues[0]!.message).toContain('009_copy.txt');
  });

  it('marks a near-identical copy from another outlet: one sentence changed, different boilerplate', () => {
    const { raw } = seedRaw('002');
    const changed = raw
      .replace('The details, however, remain vague.', 'Officials declined to give further details on the plan.')
      .replace('By Samir Kr. Singh : Editor-In-Chief', 'By Another Writer')
      .replace('Leave a Reply', 'Share this:\n\nFollow us on Twitter');
    expect(changed).not.toBe(raw);
    const r = markDuplicates([seed('000'), parse(raw, 'a.txt'), parse(changed, 'b.txt')]);
    expect(r.articles[2]!.duplicateOf).toBe('a');
    expect(r.issues.map((i) => i.file)).toEqual(['b.txt']);
  });

  it('marks a short article with one changed sentence out of four', () => {
    const a = parse(
      'Leaders met in the capital on Monday to discuss a ceasefire plan. The meeting lasted three hours and ended without a joint statement. Officials said another round of talks would follow next week. Both delegations described the atmosphere as constructive and businesslike.',
      'a.txt',
    );
    const b = parse(
      'Leaders met in the capital on Monday to discuss a ceasefire plan. The meeting lasted three hours and ended without a joint statement. Officials said another round of talks would follow next week. The host government called the talks a useful first step.',
      'b.txt',
    );
    expect(markDuplicates([a, b]).articles[1]!.duplicateOf).toBe('a');
  });

  it('points a third copy at the first article, not at the second', () => {
    const { raw } = seedRaw('003');
    const r = markDuplicates([parse(raw, 'x.txt'), parse(raw, 'y.txt'), parse(raw, 'z.txt')]);
    expect(r.articles.map((a) => a.duplicateOf)).toEqual([undefined, 'x', 'x']);
    expect(r.issues).toHaveLength(2);
  });

  it('clears a stale mark when the original is gone', () => {
    const a = { ...seed('001'), duplicateOf: 'gone' };
    const r = markDuplicates([a]);
    expect(r.articles[0]!.duplicateOf).toBeUndefined();
    expect(a.duplicateOf).toBe('gone');
  });

  it('does not mark articles that only share common phrases', () => {
    const base = 'Officials said the talks would resume next week in the capital.';
    const a = parse(`${base} The finance minister presented a new budget with higher spending on roads and schools.`, 'a.txt');
    const b = parse(`${base} Farmers protested outside parliament against the import of cheap grain from abroad.`, 'b.txt');
    expect(markDuplicates([a, b]).issues).toEqual([]);
  });

  describe('variants of every seed article', () => {
    const variants: Record<string, (raw: string) => string> = {
      'exact copy': (raw) => raw,
      'one sentence changed': (raw) => {
        const lines = raw.split('\n');
        const longest = lines.reduce((a, b) => (b.length > a.length ? b : a));
        const first = longest.split(/(?<=\.) /)[0]!;
        return raw.replace(first, 'An entirely different sentence was written here by the second outlet instead.');
      },
      'other boilerplate': (raw) =>
        `Breaking News\n\nBy Some Reporter\n\n${raw.replace(/No comments:|Post a Comment|Leave a Reply|Related Articles/g, '')}\n\nShare this:\nFollow us on Telegram\n© 2025 Other Outlet. All rights reserved.\n`,
      'CRLF and BOM': (raw) => `\uFEFF${raw.replace(/\n/g, '\r\n')}`,
    };
    for (const prefix of ALL) {
      for (const [name, make] of Object.entries(variants)) {
        it(`${prefix}: ${name} is a duplicate of the original`, () => {
          const { raw } = seedRaw(prefix);
          const copy = make(raw);
          const others = ALL.filter((p) => p !== prefix).map(seed);
          const r = markDuplicates([...others, parse(raw, 'original.txt'), parse(copy, 'copy.txt')]);
          expect(r.articles.at(-1)!.duplicateOf).toBe('original');
          expect(r.issues.map((i) => i.file)).toEqual(['copy.txt']);
        });
      }
    }
  });
});
