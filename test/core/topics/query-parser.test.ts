import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, parseQuery } from '../../../src/core/topics/query-parser.ts';
import { stemWord } from '../../../src/core/topics/tokenize.ts';

describe('parseQuery', () => {
  it('keeps the subject words of a question and drops the words of asking', () => {
    const q = parseQuery('What did Velmora say about the Ostrel dam?');
    expect(q.terms.map((t) => t.word)).toEqual(['velmora', 'ostrel', 'dam']);
    expect(q.phrases).toEqual(['ostrel dam']);
  });

  it('drops request framing of a title-and-narrative question', () => {
    const q = parseQuery('Grain tariffs. Describe the reactions to the tariffs and include any predictions reported in the press.');
    const words = q.terms.map((t) => t.word);
    expect(words).toContain('grain');
    expect(words).toContain('tariffs');
    expect(words).toContain('reactions');
    for (const w of ['describe', 'include', 'reported', 'press', 'the', 'any']) expect(words).not.toContain(w);
  });

  it('counts a repeated word once, with its count, under one stem', () => {
    const q = parseQuery('tariffs, tariff and more tariffs');
    const t = q.terms.find((x) => x.stem === stemWord('tariffs'))!;
    expect(t.count).toBe(3);
    expect(q.terms.filter((x) => x.stem === t.stem)).toHaveLength(1);
  });

  it('keeps a four-digit year but not a bare small number', () => {
    expect(parseQuery('floods in 1999').terms.map((t) => t.word)).toEqual(['floods', '1999']);
    expect(parseQuery('the 3 floods').terms.map((t) => t.word)).toEqual(['floods']);
  });

  it('gives no terms for an empty or all-function-word question', () => {
    expect(parseQuery('').terms).toEqual([]);
    expect(parseQuery('   what is the  ').terms).toEqual([]);
  });

  it('never throws and yields well-formed terms on hostile input (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 3000 }),
          fc.string({ unit: 'grapheme', maxLength: 500 }),
          fc.array(fc.constantFrom('the', 'dam', '“', '’s', '\u0000', '1999', 'Ünïcode', '--', '*'), { maxLength: 60 }).map((a) => a.join(' ')),
        ),
        (input) => {
          const q = parseQuery(input);
          expect(q.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
          const stems = new Set<string>();
          q.terms.forEach((t, i) => {
            expect(t.word.length).toBeGreaterThanOrEqual(2);
            expect(t.stem).toBe(stemWord(t.word));
            expect(t.count).toBeGreaterThanOrEqual(1);
            expect(t.order).toBe(i);
            expect(stems.has(t.stem)).toBe(false);
            stems.add(t.stem);
          });
          for (const p of q.phrases) expect(p.split(' ')).toHaveLength(2);
        },
      ),
      { numRuns: 300 },
    );
  });
});
