import { distance } from 'fastest-levenshtein';
import { suggest } from '../suggest.ts';
import { fail, ok, type Article, type Digest, type Result, type TopicDef } from '../model.ts';
import { isNewSince, parseSince } from '../timeline/since.ts';
import { matchTopic } from '../topics/match-topic.ts';
import { createArticleSearch, type ArticleSearch } from './article-search.ts';
import { buildQueryDigest } from './query-digest.ts';
import type { Referents } from './referents.ts';
import type { StemCounts } from './similarity.ts';

/**
 * The briefing's free-text entry points: a digest for any question, and `ask`, which answers a
 * configured topic when the text names one (its id, or closely its title) and the question otherwise.
 */

/** Options of a free-text digest. */
export interface QueryOptions {
  max?: number;
  /** ISO date or instant: only articles published (or added) after it give points; earlier ones are what the reader saw. */
  since?: string;
  /** Cap on the digest's words in total. */
  words?: number;
}

/** What the free-text digests need from a briefing. */
export interface AskDeps {
  topics: readonly TopicDef[];
  /** The non-duplicate articles. */
  articles: readonly Article[];
  /** Stem frequencies over the corpus sentences. */
  stems: StemCounts;
  referents: () => Referents;
  /** Default number of points. */
  maxPoints: number;
  /** A configured topic's digest (the path `digest(topic)` takes). */
  topicDigest: (id: string, options: QueryOptions) => Result<Digest>;
  /** The finishing pass every digest gets (disputes marked, fitted to one message). */
  finish: (digest: Digest) => Digest;
}

/** The free-text digests of one briefing; the retrieval index is built on first use and kept. */
export function makeAsk(deps: AskDeps): {
  query(text: string, options?: QueryOptions): Result<Digest>;
  ask(text: string, options?: QueryOptions): Result<Digest>;
} {
  let search: ArticleSearch | undefined;
  let referents: Referents | undefined;
  // Made on the first free-text question: a briefing made for each added article mostly answers configured topics.
  let byId: Map<string, Article> | undefined;
  const query = (text: string, options: QueryOptions = {}): Result<Digest> => {
    const bound = options.since ? parseSince(options.since) : undefined;
    if (bound && !bound.ok) return bound;
    byId ??= new Map(deps.articles.map((a) => [a.id, a]));
    const digest = buildQueryDigest({
      query: text,
      articles: deps.articles,
      stems: deps.stems,
      ...(bound ? { accept: (a: Article) => isNewSince(a, bound.value) } : {}),
      max: options.max ?? deps.maxPoints,
      ...(options.words !== undefined ? { words: options.words } : {}),
      byId,
      search: () => (search ??= createArticleSearch(deps.articles)),
      referents: () => (referents ??= deps.referents()),
    });
    const done = deps.finish(digest);
    return ok(options.since ? { ...done, since: options.since } : done);
  };
  return {
    query,
    ask(text, options = {}) {
      const topic = matchTopic(text, deps.topics);
      if (topic) return deps.topicDigest(topic.id, options);
      // One word a typo away from a topic id is a mistyped topic: "did you mean", not a question.
      const word = text.trim().toLowerCase();
      const ids = deps.topics.map((t) => t.id);
      if (/^[\p{L}\p{N}-]+$/u.test(word) && ids.some((id) => distance(word, id) <= Math.min(2, Math.floor(id.length / 4)))) {
        return fail({ code: 'unknown_topic', input: text, known: ids, suggestions: suggest(text, ids) });
      }
      return query(text, options);
    },
  };
}
