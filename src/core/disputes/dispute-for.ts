/** Links cited points (digest items, statements) to the disputes they take part in. */
import type { Evidence } from '../model.ts';
import type { Dispute } from './dispute.ts';

const key = (e: Pick<Evidence, 'article' | 'sentence'>): string => `${e.article}#${e.sentence}`;

/** How a point takes part in a dispute: as the claim (another side denies it) or as the counter. */
export interface DisputeLink {
  dispute: Dispute;
  role: 'claim' | 'counter';
}

/**
 * The dispute a point belongs to, found by the sentences behind it: the first dispute whose claim
 * (else counter) cites one of those sentences. For a digest item: `disputed = true`, and
 * `dispute = { text: link.dispute.counter.text, sources: counter articles }` when the role is `claim`.
 */
export function disputeFor(evidence: Pick<Evidence, 'article' | 'sentence'>[], disputes: Dispute[]): DisputeLink | undefined {
  const wanted = new Set(evidence.map(key));
  for (const role of ['claim', 'counter'] as const) {
    const d = disputes.find((x) => x[role].evidence.some((e) => wanted.has(key(e))));
    if (d) return { dispute: d, role };
  }
  return undefined;
}
