/**
 * A topic index as plain data, to keep it across restarts: what `indexTopics` found (each topic's
 * candidates and how they group into repeats, the corpus background) without the objects it points
 * at. Restoring needs the same articles: a candidate names its article by id and its sentence by index,
 * and an index whose articles are not all there (or whose sentences moved) is not restored.
 */
import { sentenceAt } from '../corpus/packed-lists.ts';
import type { TopicDef } from '../model.ts';
import type { Candidate, ScoredArticle } from './candidates.ts';
import { rescore, type Cluster } from './cluster.ts';
import { makeIdf, toVector } from './similarity.ts';
import { learnTopic, topicStems, type TopicEntry, type TopicIndex } from './topic-index.ts';

/** The format of a stored index; another one is not restored. */
export const TOPIC_INDEX_FORMAT = 1;

/** One candidate as stored: article id, sentence index, scores, point text, span, stems, flags. */
export interface StoredCandidate {
  a: string;
  s: number;
  sc: number;
  r: number;
  t: string;
  sp: [number, number];
  st: string[];
  /** A weak mention. */
  w?: 1;
  /** `leansOnPrevious`. */
  l?: number;
}

/** One topic's entry as stored: its candidates, and its repeats as candidate indexes (representative first). */
export interface StoredTopicEntry {
  id: string;
  candidates: StoredCandidate[];
  clusters: number[][];
}

/** A topic index as stored. */
export interface StoredTopicIndex {
  format: number;
  minScore?: number;
  basis: number;
  /** Background stem frequencies: `[stem, sentences]` pairs, and how many sentences were counted. */
  df: [string, number][];
  count: number;
  topics: StoredTopicEntry[];
}

/** The index as plain data (JSON-safe). */
export function storeTopicIndex(index: TopicIndex): StoredTopicIndex {
  const topics: StoredTopicEntry[] = [];
  for (const [id, entry] of index.byTopic) {
    const at = new Map<Candidate, number>();
    for (const [i, c] of entry.candidates.entries()) at.set(c, i);
    topics.push({
      id,
      candidates: entry.candidates.map((c) => ({
        a: c.article.id,
        s: c.sentence.index,
        sc: c.score,
        r: c.relevance,
        t: c.text,
        sp: [c.span.start, c.span.end],
        st: c.stems,
        ...(c.support ? { w: 1 as const } : {}),
        ...(c.leansOnPrevious !== undefined ? { l: c.leansOnPrevious } : {}),
      })),
      // Every member is one of the entry's candidates (clusters are made from them).
      clusters: entry.clusters.map((k) => k.members.map((m) => at.get(m) ?? -1)),
    });
  }
  return {
    format: TOPIC_INDEX_FORMAT,
    ...(index.minScore !== undefined ? { minScore: index.minScore } : {}),
    basis: index.basis,
    df: [...index.stems.df],
    count: index.stems.count,
    topics,
  };
}

/**
 * The index a stored one describes, over `articles` (the non-duplicate articles it was made from, plus any
 * not yet in it: add those with `updateTopicIndex`); undefined when it cannot be trusted: another format,
 * other topics, a candidate whose article is not among `articles` or whose sentence is not where it was.
 */
export function restoreTopicIndex(stored: StoredTopicIndex, articles: readonly ScoredArticle[], topics: readonly TopicDef[]): TopicIndex | undefined {
  if (stored.format !== TOPIC_INDEX_FORMAT || !Array.isArray(stored.topics) || !Array.isArray(stored.df)) return undefined;
  if (stored.topics.length !== topics.length || stored.topics.some((t, i) => t.id !== topics[i]!.id)) return undefined;
  const byId = new Map(articles.map((a) => [a.article.id, a.article]));
  const stems = { df: new Map(stored.df), count: stored.count };
  const byTopic = new Map<string, TopicEntry>();
  for (const [i, saved] of stored.topics.entries()) {
    const topic = topics[i]!;
    const candidates: Candidate[] = [];
    for (const c of saved.candidates) {
      const article = byId.get(c.a);
      // One sentence object per candidate: an article's other sentences are not made for it.
      const sentence = article ? sentenceAt(article, c.s) : undefined;
      if (!article || article.duplicateOf || !sentence || sentence.index !== c.s || c.sp[0] < sentence.span.start || c.sp[1] > sentence.span.end)
        return undefined;
      candidates.push({
        article,
        sentence,
        score: c.sc,
        relevance: c.r,
        text: c.t,
        span: { start: c.sp[0], end: c.sp[1] },
        stems: c.st,
        support: c.w === 1,
        ...(c.l !== undefined ? { leansOnPrevious: c.l } : {}),
      });
    }
    const related = topicStems(topic);
    const idf = makeIdf(stems, related);
    const vectors = candidates.map((c) => toVector(c.stems, idf));
    const clusters: Cluster[] = [];
    for (const members of saved.clusters) {
      if (members.length === 0 || members.some((m) => !Number.isInteger(m) || m < 0 || m >= candidates.length)) return undefined;
      const list = members.map((m) => candidates[m]!);
      const sources = [...new Set(list.map((m) => m.article.id))];
      clusters.push(
        rescore({ rep: list[0]!, members: list, sources, score: 0, repVector: vectors[members[0]!]!, memberVectors: members.map((m) => vectors[m]!) }),
      );
    }
    // Same order as `clusterCandidates` left them (a stable sort of the stored order by score).
    clusters.sort((a, b) => b.score - a.score);
    byTopic.set(topic.id, { candidates, vectors, idf, related, clusters, learned: learnTopic(topic, candidates) });
  }
  return { byTopic, minScore: stored.minScore, stems, articles, basis: stored.basis };
}
