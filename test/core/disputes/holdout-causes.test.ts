/** Dispute failures found by the blind hold-out evaluation, reproduced on a story of my own. */
import { describe, expect, it } from 'vitest';
import { findDisputes } from '../../../src/core/disputes/find-disputes.ts';
import { accusationIn, isCounterAccusation, speechSubject } from '../../../src/core/disputes/claim-cues.ts';
import { makeArticle, makeStatement } from '../../fixtures/timeline/make-article.ts';

const river = () =>
  makeArticle('river', [
    'Upland proposed an immediate 60-day freeze on new dams, Water Minister Ida Varga said.',
    'Lowland rejected a freeze before a final settlement, saying a pause would only help Upland build more.',
    'Upland ombudsman Tom Rell said Lowland had withheld 12 engineers whose names were on the agreed list.',
    'The Lowland interior ministry denied the claim, saying every person on the list had been released.',
    'A Lowland negotiator, speaking on condition of anonymity, said Upland had privately agreed to share the reservoir.',
    'Varga denied this, calling the claim "pure fiction".',
    'On Friday, Upland accused Lowland of breaking the water truce by closing the northern sluice.',
    "Lowland's water agency said it had closed only one gate for repairs, and accused Upland of draining the lake.",
    'Lowland rejects the plan.',
  ]);

describe('disputes on a story of my own', () => {
  const article = river();
  const statements = [
    makeStatement(article, 'Upland proposed an immediate 60-day freeze on new dams', { speaker: 'Ida Varga' }),
    makeStatement(article, 'Lowland had withheld 12 engineers whose names were on the agreed list', { speaker: 'Tom Rell' }),
  ];
  const disputes = findDisputes({ articles: [article], statements });
  const pairs = disputes.map((d) => `${d.claim.speaker} / ${d.counter.speaker} (${d.cue})`);

  it('does not treat turning down a proposal or a plan as contesting a fact', () => {
    expect(disputes.some((d) => /rejected a freeze|rejects the plan/.test(d.counter.text))).toBe(false);
  });

  it('pairs a denial of "the claim" or "this" with the claim of the previous sentence', () => {
    expect(pairs.some((p) => /^Tom Rell \/ (?:The )?Lowland interior ministry \(denied\)$/.test(p))).toBe(true);
    expect(pairs).toContain('A Lowland negotiator / Varga (denied)');
    const d = disputes.find((x) => x.claim.speaker === 'A Lowland negotiator')!;
    expect(d.claim.text).toContain('privately agreed to share the reservoir');
  });

  it('treats an accusation answered by a counter-accusation as a dispute', () => {
    const d = disputes.find((x) => x.cue === 'accused');
    expect(d?.claim.speaker).toBe('Upland');
    expect(d?.claim.text).toMatch(/^Upland accused Lowland of breaking the water truce/);
    expect(d?.counter.speaker).toBe("Lowland's water agency");
    expect(d?.counter.text).toContain('accused Upland of draining');
  });

  it('finds exactly these three', () => {
    expect(disputes).toHaveLength(3);
  });
});

describe('claim cues', () => {
  it('finds the subject of a reported claim past a date phrase and appositives', () => {
    expect(speechSubject('A Lowland negotiator, speaking on condition of anonymity, said Upland had agreed.')?.subject).toBe('A Lowland negotiator');
    expect(speechSubject('On Friday, Upland accused Lowland of theft.')?.subject).toBe('Upland');
    expect(speechSubject('the officials said nothing.')).toBeUndefined();
  });

  it('recognises an accusation answered in kind, and not two accusations by the same side', () => {
    const a = accusationIn('On Friday, Upland accused Lowland of breaking the truce.')!;
    const b = accusationIn("Lowland's water agency said it had closed one gate, and accused Upland of draining the lake.")!;
    const c = accusationIn('Upland officials also accused Lowland of lying.')!;
    expect(isCounterAccusation(a, b)).toBe(true);
    expect(isCounterAccusation(a, c)).toBe(false);
  });
});
