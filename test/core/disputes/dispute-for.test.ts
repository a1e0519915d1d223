import { describe, expect, it } from 'vitest';
import { disputeFor } from '../../../src/core/disputes/dispute-for.ts';
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
