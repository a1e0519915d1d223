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
export function disputeFor(evidence: Pick<Evidence, 'article' | 'sentence'>[], disputes: Dispute[] | DisputeLookup): DisputeLink | undefined {
  const lookup = Array.isArray(disputes) ? disputeLookup(disputes) : disputes;
  for (const role of ['claim', 'counter'] as const) {
    let first: { dispute: Dispute; order: number } | undefined;
    for (const e of evidence) {
      const link = lookup[role].get(key(e));
      if (link && (!first || link.order < first.order)) first = link;
    }
    if (first) return { dispute: first.dispute, role };
  }
  return undefined;
}

/** Disputes indexed by the sentences of each side, so linking a point costs a few map look-ups. */
export interface DisputeLookup {
  claim: Map<string, { dispute: Dispute; order: number }>;
  counter: Map<string, { dispute: Dispute; order: number }>;
}

/** Indexes disputes by the sentences behind their claims and counters (the first dispute per sentence wins). */
export function disputeLookup(disputes: Dispute[]): DisputeLookup {
  const out: DisputeLookup = { claim: new Map(), counter: new Map() };
  disputes.forEach((dispute, order) => {
    for (const role of ['claim', 'counter'] as const) {
      for (const e of dispute[role].evidence) if (!out[role].has(key(e))) out[role].set(key(e), { dispute, order });
    }
  });
  return out;
}
