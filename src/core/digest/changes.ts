import type { Article } from '../model.ts';
import type { Cluster } from './cluster.ts';
import { contentStems } from './features.ts';
import { numbersDiffer } from './numbers.ts';
import { similarity, toVector, type Idf, type StemVector } from './similarity.ts';

/**
 * Facts that changed, and facts the reader already knows. Two reports of one fact that disagree on its
 * numbers (a toll, a count, a sum) are a change when one article is later: the later report is current
 * and the earlier is not shown as if it were. With a `since` bound, a new sentence that repeats what an
 * earlier article already said (same words, same numbers) is not news; one that changes its numbers is.
 */

/** Similarity from which two sentences are about the same fact (for changes and repeats). */
export const SAME_FACT = 0.45;
/** Similarity from which a new sentence repeats an earlier one. */
export const REPEAT = 0.55;

const day = (a: Article) => a.published?.slice(0, 10) ?? '';

/**
 * The clusters a later report supersedes: about the same fact (similar words) with different numbers,
 * from an article published earlier than the other's.
 */
export function superseded(clusters: readonly Cluster[], idf: Idf): Set<Cluster> {
  const out = new Set<Cluster>();
  for (let i = 0; i < clusters.length; i++) {
    for (let j = i + 1; j < clusters.length; j++) {
      const a = clusters[i]!;
      const b = clusters[j]!;
      const da = day(a.rep.article);
      const db = day(b.rep.article);
      if (!da || !db || da === db) continue;
      if (!numbersDiffer(a.repVector, b.repVector) || similarity(a.repVector, b.repVector, idf) < SAME_FACT) continue;
      out.add(da < db ? a : b);
    }
  }
  return out;
}

/** Tells whether a sentence repeats one of earlier articles' sentences (same fact, same numbers). */
export function knownBefore(old: readonly Article[], idf: Idf, relevant: (text: string) => boolean, threshold = REPEAT): (c: Cluster) => boolean {
  const vectors: StemVector[] = [];
  for (const a of old) for (const s of a.sentences) if (s.kind !== 'subhead' && relevant(s.text)) vectors.push(toVector(contentStems(s.text), idf));
  return (c) => repeatsAny(c.repVector, vectors, idf, threshold);
}

/** True when a sentence repeats one of `earlier` (similar words, no changed number). */
export function repeatsAny(v: StemVector, earlier: readonly StemVector[], idf: Idf, threshold = REPEAT): boolean {
  return earlier.some((o) => similarity(v, o, idf) >= threshold && !numbersDiffer(v, o));
}
