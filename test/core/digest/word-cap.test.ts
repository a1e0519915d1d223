import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordCount } from '../../../src/core/digest/features.ts';
import { capWords, clauseWithin } from '../../../src/core/digest/word-cap.ts';
import type { DigestItem } from '../../../src/core/model.ts';

const item = (text: string): DigestItem => ({
  text,
  sources: [{ article: 'a', title: 'A' }],
  evidence: [{ article: 'a', sentence: 0, span: { start: 0, end: 1 } }],
});

describe('capWords', () => {
  it('keeps whole points while they fit, then trims one to a clause', () => {
    const out = capWords([item('one two three four five.'), item('The council approved the new dam on Monday, after a long debate in the chamber.')], 13);
    expect(out.map((i) => i.text)).toEqual(['one two three four five.', 'The council approved the new dam on Monday.']);
  });

  it('never cuts off the attribution of a claim', () => {
    expect(clauseWithin('The dam will flood three villages next spring, the minister said.', 8)).toBeUndefined();
    expect(capWords([item('The dam will flood three villages next spring, the minister said.')], 8)).toEqual([]);
  });

  it('stays within the budget and keeps points unchanged or trimmed to a prefix (property)', () => {
    const word = fc.constantFrom('dam', 'council', 'said', 'the', 'flood,', 'villages;', 'minister', 'approved', '—', 'spring.');
    const text = fc.array(word, { minLength: 1, maxLength: 40 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), fc.integer({ min: 1, max: 120 }), (texts, limit) => {
        const out = capWords(texts.map(item), limit);
        expect(out.reduce((n, i) => n + wordCount(i.text), 0)).toBeLessThanOrEqual(limit);
        for (const i of out) expect(texts.some((t) => t === i.text || t.startsWith(i.text.slice(0, -1)))).toBe(true);
      }),
    );
  });
});

describe('clauseWithin: asides', () => {
  it('does not cut inside an aside that the sentence goes on after (the verb would be lost)', () => {
    const s = 'Opening statements were made after a jury of ten men and six women, including four alternates, was seated in the trial of the two men.';
    expect(clauseWithin(s, 16)).toBeUndefined();
    const t = 'The council approved the dam on a close vote, including two members who had opposed it last year.';
    expect(clauseWithin(t, 12)).toBe('The council approved the dam on a close vote.');
  });
});
