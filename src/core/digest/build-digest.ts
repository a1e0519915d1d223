import type { Article, Digest, DigestItem, TopicDef } from '../model.ts';
import type { CompiledTopics } from '../topics/topic-scorer.ts';
import { budget, DIGEST_CHAR_BUDGET } from './budget.ts';
import { collectCandidates, DEFAULT_MIN_SCORE, type ScoredArticle } from './candidates.ts';
import { clusterItem, MERGE_THRESHOLD, rescore, restrictClusters, type Cluster } from './cluster.ts';
import { annotateRelativeDays } from './date-note.ts';
import { selectPoints } from './select.ts';
import { MIN_SUPPORT_OVERLAP, verifyCluster } from './verify-citations.ts';
import type { Idf, StemVector } from './similarity.ts';
import { corpusStems, learnedBoost, learnTopic, topicEntry, type TopicEntry, type TopicIndex } from './topic-index.ts';
import { repeatsAny } from './changes.ts';
import { isRecap, newestDay } from './recap.ts';

/** Re-exported so the facade needs one import: an article with its per-sentence topic scores. */
export type { ScoredArticle } from './candidates.ts';
/** Re-exported so the facade needs one import: the build-time per-topic candidate index. */
export { indexTopics, type TopicIndex } from './topic-index.ts';

/** What a digest is built from. */
export interface DigestInput {
  topic: TopicDef;
  /** The articles that may contribute (narrowed by `since` here or through `accept`); duplicates are skipped. */
  articles: ScoredArticle[];
  /** At most this many points. */
  max: number;
  /**
   * Only articles it accepts contribute (a `since` bound). With an index, pass the indexed array as
   * `articles` and the bound here: the query then checks only the candidates, not every article.
   */
  accept?: (article: Article) => boolean;
  /**
   * Candidates precomputed by `indexTopics` over a superset of `articles`. With it, a query reads only
   * the topic's precomputed clusters (restricted to `articles` and `accept`) instead of every sentence;
   * passing the very array the index was built from skips even that restriction.
   */
  index?: TopicIndex;
  /** Minimum topic score of a sentence (default 2). */
  minScore?: number;
  /** Character budget of the Markdown rendering (default 3,800). */
  maxChars?: number;
  /** Similarity from which sentences count as the same point (default `MERGE_THRESHOLD`). */
  mergeThreshold?: number;
}

/** How many candidates a query without an index considers at most (the most relevant). */
const POOL_LIMIT = 300;

/** The topic's clusters of repeats and the IDF they were compared with: from the index when it fits the query. */
function clustersOf(input: DigestInput): { clusters: readonly Cluster[]; idf: Idf; related?: ReadonlySet<string>; learned?: CompiledTopics | undefined } {
  const index = input.index;
  const entry = index?.byTopic.get(input.topic.id);
  const threshold = input.mergeThreshold ?? MERGE_THRESHOLD;
  if (index && entry && threshold === MERGE_THRESHOLD && (input.minScore === undefined || input.minScore === index.minScore)) {
    const accept = input.accept;
    if (input.articles === index.articles) {
      if (!accept) return entry;
      // What's new: a new sentence that repeats what an earlier article said (same words, same numbers) is not news.
      const known = repeatsEarlier(entry, accept);
      const retold = recapOf(input.articles, accept);
      return {
        clusters: restrictClusters(entry.clusters, accept).filter((k) => !known(k) && !retold(k)),
        idf: entry.idf,
        related: entry.related,
        learned: entry.learned,
      };
    }
    const allowed = new Set<string>();
    for (const a of input.articles) if (!a.article.duplicateOf && (!accept || accept(a.article))) allowed.add(a.article.id);
    return { clusters: restrictClusters(entry.clusters, (a) => allowed.has(a.id)), idf: entry.idf, related: entry.related, learned: entry.learned };
  }
  const pool = input.accept ? input.articles.filter((a) => input.accept!(a.article)) : input.articles;
  const candidates = collectCandidates(pool, input.topic, input.minScore !== undefined ? { minScore: input.minScore } : {}, POOL_LIMIT);
  const stems = index?.stems ?? corpusStems(input.articles);
  return { ...topicEntry(candidates, input.topic, stems, threshold), learned: learnTopic(input.topic, candidates) };
}

/** Tells whether a cluster is a recap: every date it names is before the newest article `accept` rejects (what the reader saw). */
function recapOf(articles: readonly ScoredArticle[], accept: (a: Article) => boolean): (k: Cluster) => boolean {
  const seen = newestDay(articles.filter((a) => !a.article.duplicateOf && !accept(a.article)).map((a) => a.article));
  return seen === undefined ? () => false : (k) => isRecap(k.rep.text, k.rep.article, seen);
}

/** Tells whether a cluster repeats one of the topic's candidates from the articles `accept` rejects (the earlier ones). */
function repeatsEarlier(entry: TopicEntry, accept: (a: Article) => boolean): (k: Cluster) => boolean {
  const old: StemVector[] = [];
  entry.candidates.forEach((c, i) => {
    if (!accept(c.article)) old.push(entry.vectors[i]!);
  });
  return old.length === 0 ? () => false : (k) => repeatsAny(k.repVector, old, entry.idf);
}

/** Clusters verified before ranking: this many of the best (selection never reaches further down). */
const VERIFIED = 100;

/**
 * The best clusters with only the sources that report their point, ranked on those: corroboration raises
 * a point only when verified. Another article is cited only when one of its sentences reports the point
 * as shown (a topic's hand-written terms already vouch for the match, so the least overlap is asked;
 * names, numbers, polarity and dates all are).
 */
function verifiedClusters(clusters: readonly Cluster[], boost: (text: string) => number): Cluster[] {
  return clusters
    .slice(0, VERIFIED)
    .map((k) => {
      const v = k.sources.length > 1 ? rescore(verifyCluster(k, k.rep.text, MIN_SUPPORT_OVERLAP)) : k;
      const b = boost(v.rep.text);
      return b === 1 ? v : { ...v, score: v.score * b };
    })
    .sort((a, b) => b.score - a.score);
}

function toItem(cluster: Cluster): DigestItem {
  return clusterItem(cluster, annotateRelativeDays(cluster.rep.text, cluster.rep.article));
}

/**
 * Builds a topic digest: relevant, corroborated, non-redundant points, each citing every source.
 * Steps: candidates (topic score ≥ minimum, trimmed when long) → clusters of repeats across sources
 * → MMR selection with minimum scores (no padding) → points → character budget.
 */
export function buildDigest(input: DigestInput): Digest {
  if (!Number.isInteger(input.max) || input.max < 1) {
    throw new RangeError(`buildDigest: max must be a whole number of points ≥ 1, got ${input.max}`);
  }
  const { clusters, idf, related, learned } = clustersOf(input);
  const chosen = selectPoints(verifiedClusters(clusters, learnedBoost(input.topic, learned)), idf, {
    max: input.max,
    minScore: input.minScore ?? DEFAULT_MIN_SCORE,
    ...(related ? { related } : {}),
  });
  const items = budget(chosen.map(toItem), input.maxChars ?? DIGEST_CHAR_BUDGET);
  return { topic: input.topic.id, title: input.topic.title, items };
}
