import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANCHOR, contentStems, placeStem } from '../../../src/core/digest/features.ts';
import { countStems, makeIdf, similarity, toVector } from '../../../src/core/digest/similarity.ts';
import { stemWord } from '../../../src/core/topics/tokenize.ts';

const sentences = [
  'The two sides agreed to exchange 120 prisoners of war before the end of the month.',
  'Ostrelia and Norvania confirmed they would exchange 120 prisoners of war this month.',
  'The tariffs will cost producers about a tenth of the country exports.',
  'Farmers plan a protest march next week.',
];
const counts = countStems(sentences.map(contentStems));
const idf = makeIdf(counts);
const vec = (t: string) => toVector(contentStems(t), idf);

describe('contentStems', () => {
  it('drops function and reporting words and keeps content stems', () => {
    const s = contentStems('He said that the talks were useful.');
    expect(s).toContain(stemWord('talks'));
    expect(s).not.toContain('said');
    expect(s).not.toContain('the');
  });

  it('marks names and numbers as anchors, a run of capitalised words by its last word', () => {
    const s = contentStems('On Monday, US President Donald Trump met 120 delegates.');
    expect(s).toContain(`${ANCHOR}trump`);
    expect(s).toContain(`${ANCHOR}120`);
    expect(s.some((x) => x.includes('donald'))).toBe(false);
  });

  it('gives a place and its adjective one stem', () => {
    expect(placeStem(stemWord('Ukrainian'))).toBe(placeStem(stemWord('Ukraine')));
    expect(placeStem(stemWord('European'))).toBe(placeStem(stemWord('Europe')));
  });
});

describe('similarity', () => {
  it('is 1 for the same sentence and 0 for sentences sharing no content word', () => {
    expect(similarity(vec(sentences[0]!), vec(sentences[0]!), idf)).toBeCloseTo(1);
    expect(similarity(vec(sentences[0]!), vec(sentences[3]!), idf)).toBe(0);
  });

  it('ranks two reports of one event above unrelated sentences', () => {
    const same = similarity(vec(sentences[0]!), vec(sentences[1]!), idf);
    expect(same).toBeGreaterThan(similarity(vec(sentences[0]!), vec(sentences[2]!), idf));
    expect(same).toBeGreaterThan(0.29);
  });

  it('is symmetric and within [0, 1] (property)', () => {
    const word = fc.constantFrom('prisoners', 'exchange', '120', 'month', 'tariffs', 'cost', 'Geneva', 'talks', 'the', 'march', 'farmers');
    const text = fc.array(word, { minLength: 1, maxLength: 10 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const x = similarity(vec(a), vec(b), idf);
        expect(x).toBeCloseTo(similarity(vec(b), vec(a), idf), 10);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('weighs the damped topic terms less', () => {
    const damped = makeIdf(counts, new Set([stemWord('prisoners')]));
    expect(damped(stemWord('prisoners'))).toBeLessThan(idf(stemWord('prisoners')));
  });
});
