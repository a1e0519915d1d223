import type { Candidate } from './candidates.ts';
import type { Cluster } from './cluster.ts';
import { sameEvent } from './event-gate.ts';
import { similarity, type Idf } from './similarity.ts';

/** Options of `selectPoints`. */
export interface SelectOptions {
  max: number;
  /** A point needs at least this score (default 2). */
  minScore?: number;
  /** A point needs at least this share of the best point's score (default 0.25): no padding. */
  relativeMin?: number;
  /** Weight of redundancy against relevance in the MMR trade-off (default 0.6). */
  redundancy?: number;
  /** A cluster this similar to a chosen one is a repeat and is skipped (default 0.35). */
  repeatThreshold?: number;
  /** The topic's stems, for telling one event from another (see `sameEvent`). */
  related?: ReadonlySet<string>;
}

/** Only this many of the best clusters are considered: MMR never reaches further down for a short digest. */
const CONSIDERED = 100;

/** True when a candidate's sentence directly follows a sentence of the chosen cluster in the same article. */
function follows(c: Candidate, chosen: Cluster): boolean {
  return chosen.members.some((m) => m.article.id === c.article.id && m.sentence.index === c.sentence.index - 1);
}

/**
 * Picks up to `max` points by maximal marginal relevance: each step takes the cluster with the best
 * `score / best − redundancy × similarity to the points already chosen`, skipping weak clusters
 * (absolute and relative minimum) and near-repeats of chosen ones. A point that leans on the sentence
 * before it regains its full score once that sentence is chosen. Clusters are not changed.
 */
export function selectPoints(clusters: readonly Cluster[], idf: Idf, options: SelectOptions): Cluster[] {
  const minScore = options.minScore ?? 2;
  const relativeMin = options.relativeMin ?? 0.25;
  const lambda = options.redundancy ?? 0.6;
  const repeat = options.repeatThreshold ?? 0.35;
  const top = clusters.reduce((m, c) => Math.max(m, c.score), 0);
  // A point leaning on the sentence before it may still come in once that sentence is chosen.
  const potential = (c: Cluster) => c.score / (c.rep.leansOnPrevious ?? 1);
  const eligible = (score: number) => score >= minScore && score >= relativeMin * top;
  const pool = clusters
    .filter((c) => eligible(potential(c)))
    .sort((a, b) => b.score - a.score)
    .slice(0, CONSIDERED);
  const boost = new Array<number>(pool.length).fill(1);
  const maxSim = new Array<number>(pool.length).fill(0);
  const taken = new Array<boolean>(pool.length).fill(false);
  const chosen: Cluster[] = [];
  while (chosen.length < options.max) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      if (taken[i] || maxSim[i]! >= repeat || !eligible(pool[i]!.score * boost[i]!)) continue;
      const value = (pool[i]!.score * boost[i]!) / top - lambda * maxSim[i]!;
      if (value > bestValue) {
        best = i;
        bestValue = value;
      }
    }
    if (best < 0) break;
    taken[best] = true;
    const picked = pool[best]!;
    chosen.push(picked);
    for (let i = 0; i < pool.length; i++) {
      if (taken[i]) continue;
      let sim = similarity(picked.repVector, pool[i]!.repVector, idf);
      // A different event in similar words is redundant in part, never a repeat to skip.
      if (sim >= repeat && !sameEvent(picked.rep.sentence.text, pool[i]!.rep.sentence.text, sim, options.related)) sim = repeat * 0.9;
      maxSim[i] = Math.max(maxSim[i]!, sim);
      const rep = pool[i]!.rep;
      if (rep.leansOnPrevious && follows(rep, picked)) boost[i] = 1 / rep.leansOnPrevious;
    }
  }
  return chosen;
}
