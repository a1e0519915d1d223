import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_FORMS, attributionShape, hasAttributionWord } from '../../../src/core/statements/attribution-cues.ts';
import { findCues } from '../../../src/core/statements/cues.ts';
import { extractStatements } from '../../../src/core/statements/extract-statements.ts';
import { tokenize } from '../../../src/core/statements/tokens.ts';
import { makeArticle } from '../../helpers/statements-article.ts';

const reported = (text: string) =>
  extractStatements(makeArticle(text))
    .filter((s) => s.kind === 'reported')
    .map((s) => [s.mention?.name ?? null, s.cue, s.text]);

describe('attribution cues beyond speech (invented sentences)', () => {
  it('reads a belief with its clause and its named subject', () => {
    const out = reported('Economists believe the new levy will ruin the harvest.');
    expect(out).toHaveLength(1);
    expect(out[0]!.slice(1)).toEqual(['believe', 'the new levy will ruin the harvest']);
    expect(out[0]![0]).toMatch(/economists/i);
  });

  it('reads a stance verb with its object', () => {
    expect(reported('Ana Ruiz criticized the harbour board for its slow repairs.')).toEqual([
      ['Ana Ruiz', 'criticized', 'the harbour board for its slow repairs'],
    ]);
  });

  it('reads an evidence verb after a survey', () => {
    const out = reported('A recent survey by the Vela Institute shows that most residents oppose the toll.');
    expect(out).toHaveLength(1);
    expect(out[0]![2]).toBe('most residents oppose the toll');
  });

  it('reads an endorsement with its object alone', () => {
    expect(reported('The dockworkers’ union endorsed Ana Ruiz last week and has sent volunteers to her rallies.')).toEqual([
      [expect.stringMatching(/union/), 'endorsed', 'Ana Ruiz'],
    ]);
    expect(reported('Karl Berg opposed the toll during the council meeting.')).toEqual([['Karl Berg', 'opposed', 'the toll']]);
    expect(reported('The harbour records backed up the claim about the ferry.')).toEqual([]);
    // A preference counted in a poll is no one source's stance.
    expect(reported('Most fishermen support the toll.')).toEqual([]);
  });

  it('reads what a study found, never what somebody found', () => {
    const out = reported('A new survey of riders found that most of them want later buses.');
    expect(out.map((r) => r.slice(1))).toEqual([['found', 'most of them want later buses']]);
    expect(out[0]![0]).toMatch(/survey/);
    expect(reported('Ana Ruiz found the keys under the mat.')).toEqual([]);
    expect(reported('The harbour board found itself at the centre of the dispute.')).toEqual([]);
  });

  it('reads a belief or a finding after what it attributes', () => {
    expect(reported('The ferry lost money every winter, harbour records show.')).toEqual([['harbour records', 'show', 'The ferry lost money every winter']]);
    expect(reported('The toll will pass, most economists believe.')).toEqual([['most economists', 'believe', 'The toll will pass']]);
    // A stance needs its object: `…, the union opposes.` is no statement.
    expect(reported('The toll will pass, the union opposes.')).toEqual([]);
  });

  it('gives a poll what its respondents said', () => {
    const out = reported('A harbour survey showed that 52 percent of riders said the toll was too high.');
    expect(out).toHaveLength(1);
    expect(out[0]![0]).toMatch(/survey$/);
    expect(out[0]![2]).toBe('52 percent of riders said the toll was too high');
  });

  it('takes no noun use, no inverted subject and no speaker-less cue', () => {
    expect(reported('His support for the toll was never in doubt.')).toEqual([]);
    expect(reported('The show drew a large crowd on Monday.')).toEqual([]);
    expect(reported('Nobody knows, thinks Ruiz.')).toEqual([]);
    // A pronoun with nobody to stand for: no statement rather than a statement with no speaker.
    expect(reported('He thinks the toll will pass.')).toEqual([]);
  });

  it('leaves speech cues as they were', () => {
    expect(reported('Ana Ruiz said the toll would pass.')).toEqual([['Ana Ruiz', 'said', 'the toll would pass']]);
  });
});

describe('attribution cues on hostile text', () => {
  const words = [...ATTRIBUTION_FORMS.keys()].slice(0, 40);
  const piece = fc.oneof(
    fc.constantFrom(...words, 'the', 'that', 'to', 'Ruiz', 'he', ',', '.', '"', '“', '”', "''", '(', ')', ':', '—', 'as', "'s"),
    fc.string({ maxLength: 8 }),
  );
  it('never throws, and every cue range stays inside its sentence', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join(' ');
        const tokens = tokenize(text, 0, text.length);
        if (tokens.length === 0) return;
        const hi = tokens.length - 1;
        hasAttributionWord(tokens, 0, hi);
        for (let i = 0; i <= hi; i++) {
          const f = ATTRIBUTION_FORMS.get(tokens[i]!.lc);
          if (f) attributionShape(tokens, i, hi, f);
        }
        for (const c of findCues(tokens, 0, hi, true)) {
          expect(c.at).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeLessThanOrEqual(hi);
          for (const r of c.complement) {
            expect(r.first).toBeGreaterThanOrEqual(0);
            expect(r.last).toBeLessThanOrEqual(hi);
          }
        }
        for (const s of extractStatements(makeArticle(text))) expect(s.span.end).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a 10,000-word sentence of attribution verbs without throwing', () => {
    const text = `${Array.from({ length: 10000 }, (_, i) => words[i % words.length]).join(' ')}.`;
    expect(() => extractStatements(makeArticle(text))).not.toThrow();
  });
});
