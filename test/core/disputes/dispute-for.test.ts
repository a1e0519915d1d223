import { describe, expect, it } from 'vitest';
import { disputeFor, disputeLookup, extendLookup } from '../../../src/core/disputes/dispute-for.ts';
import type { Dispute, DisputeSide } from '../../../src/core/disputes/dispute.ts';
import { findDisputes } from '../../../src/core/disputes/find-disputes.ts';
import { HARBOUR_PARTIES, HARBOUR_SPEAKERS, harbourArticle, harbourStatements } from '../../fixtures/positions/harbour-deal.ts';
import { sentenceWith } from '../../fixtures/timeline/make-article.ts';

describe('disputeFor', () => {
  const a = harbourArticle();
  const disputes = findDisputes({ articles: [a], statements: harbourStatements(a), speakers: HARBOUR_SPEAKERS, parties: HARBOUR_PARTIES });
  const at = (phrase: string) => [{ article: a.id, sentence: sentenceWith(a, phrase).index }];

  it('finds the dispute of a claimed point, and of a countering point', () => {
    const claim = disputeFor(at('customs accord next month'), disputes);
    expect(claim?.role).toBe('claim');
    expect(claim?.dispute.counter.speaker).toBe('Ana Soto');
    const counter = disputeFor(at('dismissed the idea'), disputes);
    expect(counter?.role).toBe('counter');
    expect(counter?.dispute.claim.speaker).toBe('Lucia Ferreyra');
  });

  it('finds nothing for an undisputed point or another article', () => {
    expect(disputeFor(at('Exporters welcomed'), disputes)).toBeUndefined();
    expect(disputeFor([{ article: 'other', sentence: 0 }], disputes)).toBeUndefined();
  });
});

describe('extendLookup', () => {
  const side = (speaker: string, cites: [string, number][]): DisputeSide => ({
    text: `${speaker} spoke`,
    speaker,
    speakerId: null,
    evidence: cites.map(([article, sentence]) => ({ article, sentence, span: { start: 0, end: 1 } })),
    articles: [...new Set(cites.map(([article]) => article))],
  });
  const dispute = (claim: [string, number][], counter: [string, number][]): Dispute => ({
    claim: side('Jane Doe', claim),
    counter: side('Ms. Alder', counter),
    cue: 'denied',
    topics: [],
  });
  const first = dispute([['a', 1]], [['a', 2]]);
  const second = dispute([['b', 1]], [['b', 2]]);

  it('finds what a merged copy of a dispute cites now, and a dispute merged in after the others', () => {
    const before = disputeLookup([first, second]);
    // The first dispute merged with a later report of it (it now cites b#4 too); a third cites b#1 and c#3.
    const grown = {
      ...first,
      claim: side('Jane Doe', [
        ['a', 1],
        ['b', 4],
      ]),
    };
    const third = dispute(
      [
        ['b', 1],
        ['c', 3],
      ],
      [['c', 5]],
    );
    const after = extendLookup(before, [grown, second, third]);
    expect(after.find('claim', 'a#1')?.dispute).toBe(grown);
    expect(after.find('claim', 'b#4')).toEqual({ dispute: grown, order: 0 });
    // b#1 stays with the earlier dispute that cited it first.
    expect(after.find('claim', 'b#1')).toEqual({ dispute: second, order: 1 });
    expect(after.find('claim', 'c#3')).toEqual({ dispute: third, order: 2 });
    expect(after.find('counter', 'c#5')?.dispute).toBe(third);
    expect(after.find('counter', 'c#3')).toBeUndefined();
    // The lookup it grew from still answers for the disputes it was made of.
    expect(before.find('claim', 'b#4')).toBeUndefined();
    expect(before.find('claim', 'a#1')?.dispute).toBe(first);
  });

  it('moves a sentence to an earlier dispute that cites it once merged', () => {
    const before = disputeLookup([first, second]);
    const grown = {
      ...first,
      counter: side('Ms. Alder', [
        ['a', 2],
        ['b', 2],
      ]),
    };
    const after = extendLookup(before, [grown, second]);
    expect(after.find('counter', 'b#2')).toEqual({ dispute: grown, order: 0 });
    expect(disputeFor([{ article: 'b', sentence: 2 }], after)).toEqual({ dispute: grown, role: 'counter' });
  });
});
