import type { Article, DigestItem, Evidence } from '../model.ts';
import { sourceRef } from '../source-ref.ts';
import type { Candidate } from './candidates.ts';
import { sameEvent } from './event-gate.ts';
import { numbersDiffer } from './numbers.ts';
import { similarity, type Idf, type StemVector } from './similarity.ts';

/** Sentences that report the same thing, possibly across articles; one of them speaks for all. */
export interface Cluster {
  /** The sentence whose text becomes the point (a body sentence when there is one). */
  rep: Candidate;
  /** Every sentence behind the point, the representative first. */
  members: Candidate[];
  /** Distinct article ids of the members, in member order. */
  sources: string[];
  /** Ranking value: the best member's relevance, raised by corroboration. */
  score: number;
  /** Stem vector of the representative. */
  repVector: StemVector;
  /** `memberVectors[i]` is the stem vector of `members[i]` (kept to re-lead a restricted cluster). */
  memberVectors: StemVector[];
}

/** Default similarity from which two sentences count as reporting the same thing. */
export const MERGE_THRESHOLD = 0.29;

const isSummary = (c: Candidate) => c.sentence.kind === 'takeaway' || c.sentence.kind === 'bullet';

/** How much the corroboration by `k` distinct sources raises a point. */
export function corroboration(k: number): number {
  return 1 + 0.6 * Math.log(k);
}

/**
 * Groups candidates that say the same thing as a group's representative (no chaining through other
 * members, so a group never drifts from what its point says). Greedy, most relevant first; body
 * sentences before takeaways and bullets, so a summary line corroborates a body sentence rather than
 * replacing it; weak mentions last, and only into an existing group. Similar words are not enough: the
 * two must report the same event (`sameEvent`: main predicate and modality; `related` are the topic's stems)
 * with the same numbers (other numbers are a change of the fact, see `superseded`).
 * `vectors[i]` belongs to `candidates[i]`.
 */
export function clusterCandidates(
  candidates: readonly Candidate[],
  vectors: readonly StemVector[],
  idf: Idf,
  threshold = MERGE_THRESHOLD,
  related?: ReadonlySet<string>,
): Cluster[] {
  const tier = (c: Candidate) => (c.support ? 2 : isSummary(c) ? 1 : 0);
  const order = candidates.map((_, i) => i);
  order.sort((a, b) => tier(candidates[a]!) - tier(candidates[b]!) || candidates[b]!.relevance - candidates[a]!.relevance);
  const clusters: Cluster[] = [];
  const seen: Set<string>[] = [];
  for (const i of order) {
    const c = candidates[i]!;
    const v = vectors[i]!;
    let best = -1;
    let bestSim = threshold;
    for (let k = 0; k < clusters.length; k++) {
      const sim = similarity(clusters[k]!.repVector, v, idf);
      // A report with other numbers (a toll that rose) is a change, kept apart so the later one can supersede it.
      if (sim >= bestSim && !numbersDiffer(clusters[k]!.repVector, v) && sameEvent(clusters[k]!.rep.sentence.text, c.sentence.text, sim, related)) {
        best = k;
        bestSim = sim;
      }
    }
    if (best >= 0) {
      const k = clusters[best]!;
      k.members.push(c);
      k.memberVectors.push(v);
      if (!seen[best]!.has(c.article.id)) {
        seen[best]!.add(c.article.id);
        k.sources.push(c.article.id);
      }
    } else if (!c.support) {
      clusters.push({ rep: c, members: [c], sources: [c.article.id], score: 0, repVector: v, memberVectors: [v] });
      seen.push(new Set([c.article.id]));
    }
  }
  for (const k of clusters) k.score = clusterScore(k.members, k.sources.length);
  return clusters.sort((a, b) => b.score - a.score);
}

/** The cluster ranked on the sources it has (after verification dropped the ones that do not report it). */
export function rescore(cluster: Cluster): Cluster {
  return { ...cluster, score: clusterScore(cluster.members, cluster.sources.length) };
}

function clusterScore(members: readonly Candidate[], sources: number): number {
  let top = 0;
  for (const m of members) if (!m.support && m.relevance > top) top = m.relevance;
  return top * corroboration(sources);
}

/**
 * The clusters as they would be over a subset of the articles (a `since` query over a prebuilt
 * index): members from other articles are dropped, a cluster whose representative went is led by its
 * next member that may be a point, and scores are recomputed. Input clusters are not changed.
 */
export function restrictClusters(clusters: readonly Cluster[], allowed: (article: Article) => boolean): Cluster[] {
  const out: Cluster[] = [];
  for (const k of clusters) {
    const members = k.members.filter((m) => allowed(m.article));
    const rep = members.find((m) => !m.support);
    if (!rep) continue;
    const sources = [...new Set(members.map((m) => m.article.id))];
    const repVector = rep === k.rep ? k.repVector : k.memberVectors[k.members.indexOf(rep)]!;
    out.push({ rep, members: [rep, ...members.filter((m) => m !== rep)], sources, score: clusterScore(members, sources.length), repVector, memberVectors: [] });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** A digest point from a cluster: `text`, cited to every article of the cluster, with the evidence of each member. */
export function clusterItem(cluster: Cluster, text: string): DigestItem {
  const byId = new Map(cluster.members.map((m) => [m.article.id, m.article]));
  const sources = cluster.sources.map((id) => sourceRef(byId.get(id)!));
  const evidence: Evidence[] = cluster.members.map((m) => ({
    article: m.article.id,
    sentence: m.sentence.index,
    span: m === cluster.rep ? m.span : m.sentence.span,
  }));
  return { text, sources, evidence };
}
