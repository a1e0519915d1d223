import type { Cluster } from './cluster.ts';
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
}

/** Only this many of the best clusters are considered: MMR never reaches further down for a short digest. */
const CONSIDERED = 100;

/**
 * Picks up to `max` points by maximal marginal relevance: each step takes the cluster with the best
 * `score / best − redundancy × similarity to the points already chosen`, skipping weak clusters
 * (absolute and relative minimum) and near-repeats of chosen ones. Clusters are not changed.
 */
export function selectPoints(clusters: readonly Cluster[], idf: Idf, options: SelectOptions): Cluster[] {
  const minScore = options.minScore ?? 2;
  const relativeMin = options.relativeMin ?? 0.25;
  const lambda = options.redundancy ?? 0.6;
  const repeat = options.repeatThreshold ?? 0.35;
  const top = clusters.reduce((m, c) => Math.max(m, c.score), 0);
  const pool = clusters
    .filter((c) => c.score >= minScore && c.score >= relativeMin * top)
    .sort((a, b) => b.score - a.score)
    .slice(0, CONSIDERED);
  const maxSim = new Array<number>(pool.length).fill(0);
  const taken = new Array<boolean>(pool.length).fill(false);
  const chosen: Cluster[] = [];
  while (chosen.length < options.max) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      if (taken[i] || maxSim[i]! >= repeat) continue;
      const value = pool[i]!.score / top - lambda * maxSim[i]!;
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
      if (!taken[i]) maxSim[i] = Math.max(maxSim[i]!, similarity(picked.repVector, pool[i]!.repVector, idf));
    }
  }
  return chosen;
}
