import type { Article, Digest, TopicDef } from '../model.ts';
import { parseQuery } from '../topics/query-parser.ts';
import { expandTerms, expandTopic, QUERY_TOPIC_ID, queryTopic, queryWeight } from '../topics/query-topic.ts';
import { compileTopics, scoreText, type CompiledTopics } from '../topics/topic-scorer.ts';
import type { ArticleSearch } from './article-search.ts';
import { budget, DIGEST_CHAR_BUDGET } from './budget.ts';
import { collectCandidates, type ScoredArticle } from './candidates.ts';
import { knownBefore, superseded } from './changes.ts';
import { clusterItem, type Cluster } from './cluster.ts';
import { compress } from './compress.ts';
import { isCompleteClause } from './event-gate.ts';
import { annotateRelativeDays, NOTE_WORDS, relativeDays } from './date-note.ts';
import { wordCount } from './features.ts';
import { standAlone, type Referents } from './referents.ts';
import { SALIENCE, selectSalient, type SalienceCandidate } from './salience.ts';
import type { StemCounts } from './similarity.ts';
import { cleanOpening, dropAsides, dropReportDay } from './standalone.ts';
import { topicEntry, topicStems } from './topic-index.ts';
import { verifyCluster } from './verify-citations.ts';
import { isRecap, newestDay } from './recap.ts';
import { inTimeOrder } from './time-order.ts';
import { capWords } from './word-cap.ts';

/**
 * A digest for any question: the question's words weighted by rarity and expanded from the corpus,
 * the sentences that answer it, grouped into points with verified sources, chosen for salience
 * (relevance, centrality, corroboration, novelty), made to stand alone, and cut to a word budget.
 */

/** What a free-text (or expanded topic) digest is built from. */
export interface QueryDigestInput {
  /** The question; ignored when `topic` is given. */
  query: string;
  /** A configured topic to answer instead of a question: its terms are the starting point of the expansion. */
  topic?: TopicDef;
  /** The corpus's non-duplicate articles. */
  articles: readonly Article[];
  /** Stem frequencies over the corpus sentences (the background for rarity). */
  stems: StemCounts;
  /** Only articles it accepts contribute points (a `since` bound); the others are what the reader saw. */
  accept?: (article: Article) => boolean;
  max: number;
  /** Total word budget of the digest (points cut at a point boundary, or the last trimmed to a clause). */
  words?: number;
  /** Character budget of the Markdown rendering (default 3,800). */
  maxChars?: number;
  /** The articles by id (made from `articles` when absent). */
  byId?: ReadonlyMap<string, Article>;
  /** Retrieval for large corpora (built on first use). */
  search?: () => ArticleSearch;
  /** Speakers behind sentences and names, to name a point's referent. */
  referents?: () => Referents;
}

/** Above this many articles, only the best retrieved ones are read. */
export const POOL_ARTICLES = 40;
/** Points shorter than this many words are checked for a verb (longer ones nearly always have one). */
const SHORT_POINT = 12;
/** Words of the question retrieval searches with (the rarest). */
const SEARCH_TERMS = 4;
/** Sentences that best match the question, read to expand it. */
const FEEDBACK = 12;
/** Articles read for the expansion on a large corpus (the best retrieved). */
const FEEDBACK_ARTICLES = 15;
/** Candidates kept per digest. */
const CANDIDATES = 200;
/** Points considered for selection: the best clusters (a digest of a few points never reaches further down). */
const CONSIDERED = 80;

function scoreAll(articles: readonly Article[], compiled: CompiledTopics): ScoredArticle[] {
  return articles.map((article) => ({ article, scores: article.sentences.map((s) => scoreText(compiled, s.text)) }));
}

/** The best-matching sentences of the articles for a topic, as texts. */
function feedback(scored: readonly ScoredArticle[], id: string): string[] {
  const all: { text: string; score: number }[] = [];
  for (const { article, scores } of scored) {
    article.sentences.forEach((s, i) => {
      const v = scores[i]?.[id] ?? 0;
      if (v > 0 && s.kind !== 'subhead') all.push({ text: s.text, score: v });
    });
  }
  return all
    .sort((a, b) => b.score - a.score)
    .slice(0, FEEDBACK)
    .map((x) => x.text);
}

/** The topic the digest answers: the question (or configured topic) with its corpus expansion. */
function answerTopic(input: QueryDigestInput, pool: readonly Article[]): TopicDef {
  const parsed = parseQuery(input.query);
  const seed = input.topic ?? queryTopic(parsed, input.stems);
  // On a large corpus the best-ranked articles (retrieval order) are enough to learn the story's vocabulary.
  const ranked = input.articles.length > POOL_ARTICLES && input.search !== undefined;
  const first = scoreAll(ranked ? pool.slice(0, FEEDBACK_ARTICLES) : pool, compileTopics([seed]));
  const asked = topicStems(seed);
  const expansion = expandTerms(feedback(first, seed.id), input.stems, asked, input.topic ? { max: 8, maxWeight: 0.5 } : {});
  if (input.topic) return expandTopic(input.topic, expansion);
  return queryTopic(parsed, input.stems, expansion);
}

/** Questions with at most this many subject words are specific (`what did X say about Y`); from `BROAD_TERMS` on, a story's description. */
const SPECIFIC_TERMS = 3;
const BROAD_TERMS = 7;

/** 0–1: how specific a question of `terms` subject words is (1 at `SPECIFIC_TERMS` or fewer, 0 from `BROAD_TERMS`). */
export function specificity(terms: number): number {
  return Math.min(1, Math.max(0, (BROAD_TERMS - terms) / (BROAD_TERMS - SPECIFIC_TERMS)));
}

function poolOf(input: QueryDigestInput): Article[] {
  if (input.articles.length <= POOL_ARTICLES || !input.search) return [...input.articles];
  const terms = input.topic
    ? [...topicStems(input.topic)].map((stem) => ({ stem, weight: 1 }))
    : parseQuery(input.query).terms.map((t) => ({ stem: t.stem, weight: queryWeight(input.stems, t.stem) }));
  // The rarest words find the story; the common ones would only make the search slower.
  const ids = input.search().top([...terms].sort((a, b) => b.weight - a.weight).slice(0, SEARCH_TERMS), POOL_ARTICLES);
  const byId = input.byId ?? new Map(input.articles.map((a) => [a.id, a]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Builds the digest answering a question (or an expanded configured topic). */
export function buildQueryDigest(input: QueryDigestInput): Digest {
  if (!Number.isInteger(input.max) || input.max < 1) throw new RangeError(`buildQueryDigest: max must be a whole number ≥ 1, got ${input.max}`);
  const pool = poolOf(input);
  // With `since`, the question's expansion is learned from the new articles: the words the story is now told in.
  const topic = answerTopic(input, input.accept ? pool.filter(input.accept) : pool);
  const title = input.topic?.title ?? topic.title;
  const empty: Digest = { topic: input.topic?.id ?? QUERY_TOPIC_ID, title, items: [] };
  if (topic.terms.length === 0 || pool.length === 0) return empty;
  const compiled = compileTopics([topic]);
  const accept = input.accept;
  const fresh = accept ? pool.filter(accept) : pool;
  const old = accept ? pool.filter((a) => !accept(a)) : [];
  const candidates = collectCandidates(scoreAll(fresh, compiled), topic, { minScore: SALIENCE.minScore }, CANDIDATES, compiled);
  const entry = topicEntry(candidates, topic, input.stems);
  const stale = superseded(entry.clusters, entry.idf);
  const relevant = (text: string) => (scoreText(compiled, text)[topic.id] ?? 0) >= 1;
  const known = old.length ? knownBefore(old, entry.idf, relevant, SALIENCE.seenRepeat) : () => false;
  const top = entry.clusters.reduce((m, c) => Math.max(m, c.rep.relevance), 0) || 1;
  // A point must answer the question, not only be central to the articles: a floor on its relevance.
  const pointable = entry.clusters
    .filter((c) => !c.rep.support && c.rep.relevance >= SALIENCE.relevanceFloor * top && !stale.has(c) && !known(c))
    .slice(0, CONSIDERED);
  // Relevance by the question's own words (its learned expansion aside): what a specific question is answered by.
  const own = compileTopics([{ ...topic, terms: topic.terms.filter((t) => !t.learned) }]);
  const asked = pointable.map((c) => scoreText(own, c.rep.text)[topic.id] ?? 0);
  const topAsked = Math.max(0, ...asked) || 1;
  // What the reader saw runs to the newest earlier article: a point dated wholly before it retells the story.
  const seenDay = old.length && SALIENCE.recap ? newestDay(old) : undefined;
  const verified = new Map<SalienceCandidate, Cluster>();
  const candidatesOf = pointable.map((c, i) => {
    const v = verifyCluster(c, cleanOpening(c.rep.text));
    const cand: SalienceCandidate = { cluster: c, sources: v.sources.length, relevance: c.rep.relevance / top, asked: asked[i]! / topAsked };
    if (seenDay && isRecap(c.rep.text, c.rep.article, seenDay)) cand.recap = true;
    verified.set(cand, v);
    return cand;
  });
  const referents = input.referents?.();
  const completeness = new Map<SalienceCandidate, boolean>();
  const complete = (c: SalienceCandidate, text: string) => {
    let v = completeness.get(c);
    if (v === undefined) {
      v = isCompleteClause(text);
      completeness.set(c, v);
    }
    return v;
  };
  // The point's own text (opening cleaned) does not change while points are chosen.
  const bases = new Map<SalienceCandidate, string>();
  const base = (c: SalienceCandidate) => {
    let t = bases.get(c);
    if (t === undefined) {
      t = dropAsides(cleanOpening(c.cluster.rep.text));
      if (SALIENCE.reportDay) t = dropReportDay(t);
      // Words the reader does not need are cut, never a word of the question.
      const asked = scoreText(compiled, t)[topic.id] ?? 0;
      t = compress(t, (trimmed) => (scoreText(compiled, trimmed)[topic.id] ?? 0) >= asked);
      bases.set(c, t);
    }
    return t;
  };
  const mentioned = new Set<string>();
  const where = (c: SalienceCandidate) => ({ article: c.cluster.rep.article.id, sentence: c.cluster.rep.sentence.index, text: c.cluster.rep.article.text });
  const spec = input.topic ? 0 : specificity(parseQuery(input.query).terms.length);
  const chosen = selectSalient(candidatesOf, {
    max: input.max,
    ...(input.words !== undefined ? { words: input.words } : {}),
    focus: topicStems(topic),
    specificity: spec,
    fresh,
    selected: candidates.map((c) => ({ article: c.article, text: c.sentence.text })),
    old,
    textOf: (c) => {
      const text = base(c);
      // A short line without a verb (`Acme and Bolt, producers.`) is a caption, not a point.
      if (wordCount(text) < SHORT_POINT && !complete(c, text)) return undefined;
      return standAlone(text, where(c), referents, new Set(mentioned));
    },
    onChoose: (c) => void standAlone(base(c), where(c), referents, mentioned),
    // Dating relative days is costly: the budget counts the words a date note may add, the notes come after.
    length: (text) => wordCount(text) + NOTE_WORDS * relativeDays(text),
  });
  // A story's description is told in time order; a specific question's answer comes first.
  const told =
    SALIENCE.timeOrder && spec === 0
      ? inTimeOrder(
          chosen.map((x) => ({
            ...x,
            published: x.candidate.cluster.rep.article.published ?? '',
            article: x.candidate.cluster.rep.article.id,
            sentence: x.candidate.cluster.rep.sentence.index,
          })),
        )
      : chosen;
  let items = told.map(({ candidate, text }) => clusterItem(verified.get(candidate)!, annotateRelativeDays(text, candidate.cluster.rep.article)));
  if (input.words !== undefined) items = capWords(items, input.words);
  return { ...empty, items: budget(items, input.maxChars ?? DIGEST_CHAR_BUDGET) };
}
