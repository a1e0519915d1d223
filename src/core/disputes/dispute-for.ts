/** Links cited points (digest items, statements) to the disputes they take part in. */
import type { Evidence } from '../model.ts';
import type { Dispute } from './dispute.ts';

const key = (e: Pick<Evidence, 'article' | 'sentence'>): string => `${e.article}#${e.sentence}`;

type Role = 'claim' | 'counter';
const ROLES = ['claim', 'counter'] as const;
type Orders = Record<Role, Map<string, number>>;

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
  for (const role of ROLES) {
    let first: { dispute: Dispute; order: number } | undefined;
    for (const e of evidence) {
      const link = lookup.find(role, key(e));
      if (link && (!first || link.order < first.order)) first = link;
    }
    if (first) return { dispute: first.dispute, role };
  }
  return undefined;
}

/**
 * Disputes indexed by the sentences of each side, so linking a point costs a few map look-ups. A sentence
 * maps to the place (order) of the first dispute citing it; the dispute is read from `disputes` at that place.
 */
export interface DisputeLookup {
  /** The disputes indexed, in merge order. */
  readonly disputes: readonly Dispute[];
  /** The first dispute (and its place) whose side `role` cites the sentence `key` (`article#sentence`). */
  find(role: Role, key: string): { dispute: Dispute; order: number } | undefined;
}

/** The index: a base built at once, and the places that disputes merged in since added or lowered. */
class LayeredLookup implements DisputeLookup {
  constructor(
    readonly disputes: readonly Dispute[],
    readonly base: Orders,
    readonly overlay: Orders,
  ) {}

  find(role: Role, k: string): { dispute: Dispute; order: number } | undefined {
    const order = this.overlay[role].get(k) ?? this.base[role].get(k);
    if (order === undefined) return undefined;
    const dispute = this.disputes[order];
    return dispute ? { dispute, order } : undefined;
  }

  order(role: Role, k: string): number | undefined {
    return this.overlay[role].get(k) ?? this.base[role].get(k);
  }
}

/** Indexes disputes by the sentences behind their claims and counters (the first dispute per sentence wins). */
export function disputeLookup(disputes: readonly Dispute[]): DisputeLookup {
  const base: Orders = { claim: new Map(), counter: new Map() };
  disputes.forEach((dispute, order) => {
    for (const role of ROLES) {
      const map = base[role];
      for (const e of dispute[role].evidence) {
        const k = key(e);
        if (!map.has(k)) map.set(k, order);
      }
    }
  });
  return new LayeredLookup(disputes, base, { claim: new Map(), counter: new Map() });
}

/**
 * The lookup of `disputes` continuing `previous` (the lookup of the disputes they were merged from: the same
 * places, some replaced by a merged copy citing more sentences, and more disputes after them). Costs the
 * new sentences, not the whole index; equal to `disputeLookup(disputes)`.
 */
export function extendLookup(previous: DisputeLookup, disputes: readonly Dispute[]): DisputeLookup {
  if (!(previous instanceof LayeredLookup) || previous.disputes.length > disputes.length) return disputeLookup(disputes);
  const overlay: Orders = { claim: new Map(previous.overlay.claim), counter: new Map(previous.overlay.counter) };
  const next = new LayeredLookup(disputes, previous.base, overlay);
  for (let order = 0; order < disputes.length; order++) {
    const dispute = disputes[order]!;
    if (order < previous.disputes.length && previous.disputes[order] === dispute) continue;
    for (const role of ROLES) {
      for (const e of dispute[role].evidence) {
        const k = key(e);
        const had = next.order(role, k);
        if (had === undefined || had > order) overlay[role].set(k, order);
      }
    }
  }
  // Once the additions outgrow a quarter of the base, one index built at once is smaller and as fast.
  const size = overlay.claim.size + overlay.counter.size;
  return size * 4 > previous.base.claim.size + previous.base.counter.size + 64 ? disputeLookup(disputes) : next;
}
