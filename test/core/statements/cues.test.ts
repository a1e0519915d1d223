import { describe, expect, it } from 'vitest';
import { findCues, type Cue } from '../../../src/core/statements/cues.ts';
import { tokenize } from '../../../src/core/statements/tokens.ts';

function cues(text: string) {
  const toks = tokenize(text);
  const slice = (a: number, b: number) => text.slice(toks[a]!.start, toks[b]!.end);
  const root = (c: Cue): Cue => (c.inherit ? root(c.inherit) : c);
  return findCues(toks, 0, toks.length - 1).map((c) => ({
    cue: c.lemma,
    subject: c.subject ? slice(c.subject.first, c.subject.last) : null,
    speaker: root(c).subject ? slice(root(c).subject!.first, root(c).subject!.last) : null,
    nested: c.nested,
    said: c.complement.map((r) => slice(r.first, r.last)).join(' | '),
  }));
}

describe('findCues', () => {
  it('finds the subject across adverbs, time phrases and a parenthetical', () => {
    expect(cues('Mayor Jon Vik on Monday also confirmed that the line will close.')[0]).toMatchObject({
      subject: 'Mayor Jon Vik',
      said: 'the line will close',
    });
    expect(cues('Vik, for his part, reiterated that the line will close.')[0]).toMatchObject({ subject: 'Vik' });
    expect(cues("The city's mayor, Jon Vik, insisted the line will close.")[0]).toMatchObject({ subject: 'Jon Vik' });
  });

  it('marks reports inside reports as nested, but not clauses after `, though`', () => {
    const nested = cues('Aide Pavel Orlov said the president stressed the need for talks.');
    expect(nested.map((c) => c.nested)).toEqual([false, true]);
    const two = cues('Mayor Jon Vik announced that the line will close, though the council denied any plan.');
    expect(two.map((c) => [c.subject, c.nested, c.said])).toEqual([
      ['Mayor Jon Vik', false, 'the line will close'],
      ['the council', false, 'any plan'],
    ]);
  });

  it('gives participles and coordinated verbs the main speaker', () => {
    const list = cues('Mayor Jon Vik dismissed the plan but acknowledged the cost, stating that money was short.');
    expect(list.map((c) => [c.cue, c.subject, c.speaker])).toEqual([
      ['dismiss', 'Mayor Jon Vik', 'Mayor Jon Vik'],
      ['acknowledge', null, 'Mayor Jon Vik'],
      ['state', null, 'Mayor Jon Vik'],
    ]);
  });

  it('reads `according to` before or after the clause, and a trailing attribution', () => {
    expect(cues('According to the Daily Ledger, the line will close.')[0]).toMatchObject({
      cue: 'according to',
      subject: 'the Daily Ledger',
      said: 'the line will close',
    });
    expect(cues('The line will close, according to officials.')[0]).toMatchObject({ subject: 'officials', said: 'The line will close' });
    expect(cues('The line will close, Vik noted in a briefing.')[0]).toMatchObject({ subject: 'Vik', said: 'The line will close' });
  });
});
