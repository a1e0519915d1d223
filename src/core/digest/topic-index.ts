import type { TopicDef } from '../model.ts';
import { expandTerms, expandTopic } from '../topics/query-topic.ts';
import { compileTopics, scoreText, type CompiledTopics } from '../topics/topic-scorer.ts';
import { stemWord, tokenize, words } from '../topics/tokenize.ts';
import { collectCandidates, type Candidate, type CandidateOptions, type ScoredArticle } from './candidates.ts';
import { clusterCandidates, MERGE_THRESHOLD, type Cluster } from './cluster.ts';
import { contentStems } from './features.ts';
import { countStems, makeIdf, toVector, type Idf, type StemCounts, type StemVector } from './similarity.ts';

/** One topic's precomputed candidates, with what comparing them needs. */
export interface TopicEntry {
  /** Candidate sentences: possible points first (most relevant first), then weak mentions. */
  candidates: readonly Candidate[];
  /** `vectors[i]` is the stem vector of `candidates[i]`. */
  vectors: readonly StemVector[];
  /** The IDF the vectors were made with (corpus background, topic terms damped). */
  idf: Idf;
  /** The topic's own stems: verbs among them (`swap`, `release`) may name one event. */
  related: ReadonlySet<string>;
  /** The candidates grouped into repeats with the default threshold, best first. */
  clusters: readonly Cluster[];
  /** The topic with its learned (expansion) words, compiled: they raise a point's rank a little (`learnedBoost`). */
  learned?: CompiledTopics | undefined;
}

/** Per-topic candidate sentences, computed once at build time so a digest query scans no corpus. */
export interface TopicIndex {
  /** Topic id → its candidates, at most `perTopic` possible points and `perTopic` weak mentions. */
  byTopic: ReadonlyMap<string, TopicEntry>;
  /** The minimum score the candidates were chosen with. */
  minScore: number | undefined;
  /** Stem frequencies over (a sample of) the corpus sentences: the background for comparing sentences. */
  stems: StemCounts;
  /** The articles indexed; a query over this very array needs no filtering. */
  articles: readonly ScoredArticle[];
  /** How many sentences `stems` was counted over; an update rebuilds the index once the corpus outgrows it. */
  basis: number;
  /** How many sentences `articles` has (non-duplicates), when known (not kept across restarts). */
  sentences?: number;
}

/** Options of `indexTopics`. */
export interface IndexOptions extends CandidateOptions {
  /** Keep at most this many candidates per topic (default 300). */
  perTopic?: number;
  /** Count stem frequencies over at most this many sentences, evenly sampled (default 40,000). */
  sampleSentences?: number;
  /** The background stem counts of these very articles, counted already (`corpusStems`, with the same sample): not counted again. */
  stems?: StemCounts;
  /** For `updateTopicIndex`: the added articles' ids are new to the index (none replaces one), so no candidate is looked up by id. */
  addedAreNew?: boolean;
}

/** Stem frequencies over the sentences of the non-duplicate articles, every k-th when there are more than `sample`. */
export function corpusStems(articles: readonly ScoredArticle[], sample = 40_000): StemCounts {
  let total = 0;
  for (const { article } of articles) if (!article.duplicateOf) total += article.sentences.length;
  const stride = Math.max(1, Math.ceil(total / sample));
  function* all() {
    let i = 0;
    for (const { article } of articles) {
      if (article.duplicateOf) continue;
      for (const s of article.sentences) if (i++ % stride === 0 && s.kind !== 'subhead') yield contentStems(s.text);
    }
  }
  return countStems(all());
}

/** The stems of a topic's own terms (a wildcard term by its prefix): every candidate shares them. */
export function topicStems(topic: TopicDef): Set<string> {
  const out = new Set<string>();
  for (const t of topic.terms) for (const w of words(t.term)) out.add(stemWord(w));
  return out;
}

/** How much a configured topic's learned words may raise a candidate's rank, at most (they never make a sentence a candidate). */
export const TOPIC_EXPANSION_WEIGHT = 0.1;
/** A configured topic learns at most this many words, each in at least this many of its best candidates (strong company only). */
const TOPIC_LEARNED_MAX = 5;
const TOPIC_LEARNED_MIN_COUNT = 3;
/** The best candidates a configured topic learns its companion words from. */
const TOPIC_FEEDBACK = 12;

/**
 * A configured topic with the corpus expansion a question gets (its hand-written terms the starting
 * point): the words that keep company with its best candidates far more than with its other mentions,
 * as learned terms; undefined when none. Counted over the topic's own candidates (not the corpus
 * background), so an index updated article by article learns what one built from all of them does.
 */
export function learnTopic(topic: TopicDef, candidates: readonly Candidate[]): CompiledTopics | undefined {
  if (candidates.length < TOPIC_FEEDBACK * 2) return undefined;
  const order = (a: Candidate, b: Candidate) =>
    b.relevance - a.relevance || (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : a.sentence.index - b.sentence.index);
  const feedback = candidates
    .filter((c) => !c.support)
    .sort(order)
    .slice(0, TOPIC_FEEDBACK)
    .map((c) => c.sentence.text);
  const background = countStems(candidates.map((c) => tokenize(c.sentence.text).map((t) => t.stem)));
  const expansion = expandTerms(feedback, background, topicStems(topic), { max: TOPIC_LEARNED_MAX, minCount: TOPIC_LEARNED_MIN_COUNT, maxWeight: 0.5 });
  return expansion.length ? compileTopics([expandTopic(topic, expansion)]) : undefined;
}

/**
 * What a configured topic's learned words make of a point's rank: a factor from 1 to
 * `1 + TOPIC_EXPANSION_WEIGHT`, in proportion to what they add to the topic's own terms in its text. The
 * words the story is told in break ties between points the topic's own terms already chose; they never
 * make a sentence a candidate, nor change which sentences are repeats of one another.
 */
export function learnedBoost(topic: TopicDef, learned: CompiledTopics | undefined): (text: string) => number {
  if (!learned) return () => 1;
  const own = compileTopics([topic]);
  return (text) => {
    const mine = scoreText(own, text)[topic.id] ?? 0;
    const extra = (scoreText(learned, text)[topic.id] ?? 0) - mine;
    return mine > 0 && extra > 0 ? 1 + TOPIC_EXPANSION_WEIGHT * Math.min(1, extra / mine) : 1;
  };
}

/** Prepares a topic's candidates for comparison and groups their repeats. */
export function topicEntry(
  candidates: readonly Candidate[],
  topic: TopicDef,
  stems: StemCounts,
  threshold = MERGE_THRESHOLD,
  /** The entry these candidates update, made with the same topic and `stems`: its candidates' vectors are reused. */
  previous?: TopicEntry,
): TopicEntry {
  const related = topicStems(topic);
  const idf = previous?.idf ?? makeIdf(stems, related);
  const known = new Map<Candidate, StemVector>();
  if (previous) for (const [i, c] of previous.candidates.entries()) known.set(c, previous.vectors[i]!);
  const vectors = candidates.map((c) => known.get(c) ?? toVector(c.stems, idf));
  return { candidates, vectors, idf, related, clusters: clusterCandidates(candidates, vectors, idf, threshold, related) };
}

/** Precomputes, per topic, the candidate sentences sorted by relevance (top `perTopic`) and their vectors. */
export function indexTopics(articles: readonly ScoredArticle[], topics: readonly TopicDef[], options: IndexOptions = {}): TopicIndex {
  const perTopic = options.perTopic ?? 300;
  const stems = options.stems ?? corpusStems(articles, options.sampleSentences);
  const byTopic = new Map<string, TopicEntry>();
  for (const topic of topics) {
    const candidates = collectCandidates(articles, topic, options, perTopic);
    byTopic.set(topic.id, { ...topicEntry(candidates, topic, stems), learned: learnTopic(topic, candidates) });
  }
  const basis = sentenceCount(articles);
  return { byTopic, minScore: options.minScore, stems, articles, basis, sentences: basis };
}

function sentenceCount(articles: readonly ScoredArticle[]): number {
  let n = 0;
  for (const { article } of articles) if (!article.duplicateOf) n += article.sentences.length;
  return n;
}

/** Growth of the corpus (share of the sentences indexed) after which an update recounts the background. */
const REBUILD_GROWTH = 0.1;

/**
 * The index after adding (or replacing, by id) a few articles, without re-reading the corpus: each topic
 * keeps its candidates, takes the new articles' ones, and regroups its repeats only when its list
 * changed. The background stem counts are kept while one article barely moves them; once the corpus has
 * grown by a tenth since they were counted, the whole index is rebuilt (amortised: rare on a large corpus).
 */
export function updateTopicIndex(
  index: TopicIndex,
  articles: readonly ScoredArticle[],
  added: readonly ScoredArticle[],
  topics: readonly TopicDef[],
  options: IndexOptions = {},
): TopicIndex {
  // With only new articles, the corpus is the indexed one and them: its sentences are counted from theirs.
  const sentences =
    options.addedAreNew && index.sentences !== undefined && articles.length === index.articles.length + added.length
      ? index.sentences + sentenceCount(added)
      : sentenceCount(articles);
  if (sentences > index.basis * (1 + REBUILD_GROWTH)) return indexTopics(articles, topics, options);
  const perTopic = options.perTopic ?? 300;
  const replaced = new Set(options.addedAreNew ? [] : added.map((a) => a.article.id));
  const byTopic = new Map<string, TopicEntry>();
  for (const topic of topics) {
    const entry = index.byTopic.get(topic.id);
    const fresh = collectCandidates(added, topic, options, perTopic);
    const stale = replaced.size > 0 && (entry?.candidates.some((c) => replaced.has(c.article.id)) ?? false);
    if (entry && fresh.length === 0 && !stale) {
      byTopic.set(topic.id, entry);
      continue;
    }
    const kept = stale ? entry!.candidates.filter((c) => !replaced.has(c.article.id)) : (entry?.candidates ?? []);
    const merged = (support: boolean) =>
      mergeByRelevance(
        kept.filter((c) => c.support === support),
        fresh.filter((c) => c.support === support),
        perTopic,
      );
    const candidates = [...merged(false), ...merged(true)];
    // None of the added sentences made it in: the entry stands as it is.
    if (entry && !stale && candidates.length === entry.candidates.length && candidates.every((c, i) => c === entry.candidates[i])) {
      byTopic.set(topic.id, entry);
      continue;
    }
    // Learned again from the merged candidates, so an updated index ranks as one built from all the articles.
    byTopic.set(topic.id, { ...topicEntry(candidates, topic, index.stems, MERGE_THRESHOLD, entry), learned: learnTopic(topic, candidates) });
  }
  return { byTopic, minScore: index.minScore, stems: index.stems, articles, basis: index.basis, sentences };
}

/**
 * The first `max` of `kept` and `fresh` by relevance, highest first, as a stable sort of the two lists one
 * after the other gives them; merged in one pass when `kept` is in that order already (it is: an index's
 * list), so an add costs its few new candidates, not a sort of the topic's hundreds.
 */
export function mergeByRelevance(kept: readonly Candidate[], fresh: readonly Candidate[], max: number): Candidate[] {
  const byRelevance = (a: Candidate, b: Candidate) => b.relevance - a.relevance;
  let ordered = true;
  for (let i = 1; i < kept.length && ordered; i++) ordered = kept[i - 1]!.relevance >= kept[i]!.relevance;
  if (!ordered || fresh.some((c) => Number.isNaN(c.relevance))) return [...kept, ...fresh].sort(byRelevance).slice(0, max);
  const add = [...fresh].sort(byRelevance);
  const out: Candidate[] = [];
  let i = 0;
  let j = 0;
  while (out.length < max && (i < kept.length || j < add.length)) {
    if (j < add.length && (i >= kept.length || add[j]!.relevance > kept[i]!.relevance)) out.push(add[j++]!);
    else out.push(kept[i++]!);
  }
  return out;
}
