import { ANCHOR } from './features.ts';

/** Inverse document frequency of stems within a pool of sentences: rare stems weigh more. */
export type Idf = (stem: string) => number;

/** How much more an anchor stem (a name or a number) weighs than a common word. */
export const ANCHOR_BOOST = 1.6;

const plain = (stem: string) => (stem.startsWith(ANCHOR) ? stem.slice(ANCHOR.length) : stem);

/** How often each (plain) stem occurs: in how many of `count` sentences. */
export interface StemCounts {
  df: ReadonlyMap<string, number>;
  count: number;
}

/** Counts, over every sentence given, how many sentences contain each stem (names and words alike). */
export function countStems(sentences: Iterable<readonly string[]>): StemCounts {
  const df = new Map<string, number>();
  let count = 0;
  for (const stems of sentences) {
    count++;
    for (const s of stems) {
      const p = plain(s);
      df.set(p, (df.get(p) ?? 0) + 1);
    }
  }
  return { df, count };
}

/**
 * An IDF over a background of sentences: `ln((N + 1) / (df + 1)) + 1`, times `ANCHOR_BOOST` for
 * anchors. The background is the whole corpus, so words shared by a few sentences (the event they
 * report) weigh more than filler words. Stems in `damped` (the topic's own terms, which every
 * candidate shares by construction) weigh `damping` times less.
 */
export function makeIdf(counts: StemCounts, damped: ReadonlySet<string> = new Set(), damping = 0.5): Idf {
  const n = counts.count;
  const cache = new Map<string, number>();
  return (stem) => {
    let w = cache.get(stem);
    if (w === undefined) {
      const p = plain(stem);
      w = (Math.log((n + 1) / ((counts.df.get(p) ?? 0) + 1)) + 1) * (stem.startsWith(ANCHOR) ? ANCHOR_BOOST : 1);
      if (damped.has(p)) w *= damping;
      cache.set(stem, w);
    }
    return w;
  };
}

/** A sentence prepared for comparison: its stems as a set and their total IDF weight. */
export interface StemVector {
  set: ReadonlySet<string>;
  total: number;
}

/** Prepares a stem list for repeated comparisons. */
export function toVector(stems: readonly string[], idf: Idf): StemVector {
  let total = 0;
  for (const s of stems) total += idf(s);
  return { set: new Set(stems), total };
}

/**
 * How much two sentences say the same thing, 0–1: the IDF weight of the stems they share over the
 * weight of the smaller sentence, damped by the Jaccard-style share of the larger one so a short
 * sentence is not a "repeat" of every long sentence that contains its few words. Each shared
 * specific quantity (not a day or a year) adds `QUANTITY_BONUS`.
 */
export function similarity(a: StemVector, b: StemVector, idf: Idf): number {
  const [small, large] = a.set.size <= b.set.size ? [a, b] : [b, a];
  const least = Math.min(a.total, b.total);
  if (least === 0) return 0;
  let shared = 0;
  let quantities = 0;
  for (const s of small.set) {
    if (!large.set.has(s)) continue;
    shared += idf(s);
    if (isQuantity(s)) quantities++;
  }
  if (shared === 0) return 0;
  const containment = shared / least;
  const union = a.total + b.total - shared;
  const jaccard = shared / union;
  return Math.min(1, Math.sqrt(containment * jaccard) + QUANTITY_BONUS * Math.min(quantities, 2));
}

/** Added to the similarity per shared specific quantity (at most two): "120 prisoners" is one event. */
export const QUANTITY_BONUS = 0.08;

/** A number that is not a day of the month or a year: a count or amount specific to one event. */
function isQuantity(stem: string): boolean {
  const p = plain(stem);
  if (!/^\d+$/.test(p)) return false;
  const n = Number(p);
  return n > 31 && !(n >= 1900 && n <= 2100);
}
