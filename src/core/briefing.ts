import type { DuplicateIndex } from './corpus/dedupe.ts';
import { dedupeFrom, restoreFrom, saveBriefing, type SavedBriefing, type TimelineFrom } from './briefing-saved.ts';
import { lazyIndex, type LazyIndex } from './lazy-index.ts';
import type { Dispute, DisputeSide } from './disputes/find-disputes.ts';
import { compileParties, type PartyMatcher } from './positions/parties.ts';
import { makeAsk, type QueryOptions } from './digest/ask.ts';
import { buildDigest, indexTopics, type TopicIndex } from './digest/build-digest.ts';
import { nameLeadingPronoun } from './digest/name-pronoun.ts';
import { makeReferents } from './digest/referents.ts';
import { capWords } from './digest/word-cap.ts';
import { budget } from './digest/budget.ts';
import { updateTopicIndex } from './digest/topic-index.ts';
import { disputeFor } from './disputes/dispute-for.ts';
import {
  fail,
  ok,
  type Article,
  type Digest,
  type DigestItem,
  type InputIssue,
  type Result,
  type SourceRef,
  type Speaker,
  type Statement,
  type TimelineEvent,
  type TopicDef,
} from './model.ts';
import { buildPositions, type Positions } from './positions/build-positions.ts';
import type { ExtractedStatement } from './statements/extract-statements.ts';
import { matchSpeaker, type SpeakerResolver } from './statements/resolve-speakers.ts';
import { isNewSince, parseSince } from './timeline/since.ts';
import { compileTopics, type CompiledTopics } from './topics/topic-scorer.ts';
import { sourceRef } from './source-ref.ts';
import { suggest } from './suggest.ts';
import { BriefingCaches, type DisputesAt, type DisputesFrom, type MergerAt } from './briefing-caches.ts';
import { analyse, skippedAnalysis, type ArticleAnalysis, type EngineConfig } from './analyse-article.ts';

export { analyseArticle, type ArticleAnalysis, type EngineConfig } from './analyse-article.ts';
export type { SavedBriefing } from './briefing-saved.ts';

import type { DigestOptions, StatementFilter } from './query-options.ts';
export type { DigestOptions, StatementFilter } from './query-options.ts';

/** A built, queryable briefing over a corpus. Pure: every answer is computed from the articles and config. */
export interface Briefing {
  /** Articles in corpus order, duplicates included (marked with `duplicateOf`). */
  readonly articles: readonly Article[];
  /** Problems found with the input, one per file and reason. */
  readonly issues: readonly InputIssue[];
  topics(): TopicDef[];
  digest(topic: string, options?: DigestOptions): Result<Digest>;
  /** A digest answering any question (free text), same shape as a topic digest. */
  query(text: string, options?: QueryOptions): Result<Digest>;
  /** The digest of the configured topic a text names (its id, or closely its title), else of the text as a question. */
  ask(text: string, options?: QueryOptions): Result<Digest>;
  statements(filter?: StatementFilter): Result<Statement[]>;
  speakers(): Speaker[];
  timeline(options?: { topic?: string }): Result<TimelineEvent[]>;
  /** What each party has said on a topic, side by side, disputed parties marked. */
  positions(topic: string): Result<Positions>;
  /** Claims one side makes that another denies or qualifies, across the corpus. */
  disputes(): Dispute[];
  sources(): SourceRef[];
  /** A source reference for one article id. */
  sourceOf(articleId: string): SourceRef | undefined;
  /** The analysis of one article (an empty one, `skipped`, for a duplicate), to keep it for a restart. */
  analysisOf(articleId: string): ArticleAnalysis | undefined;
  /** A new briefing with these articles added (or replaced, by id), reusing the analysis of the rest. */
  withArticles(added: Article[], issues?: InputIssue[]): Briefing;
  /** A new briefing without these articles (by id), reusing the analysis of the rest; problems with their files are dropped. */
  withoutArticles(ids: string[]): Briefing;
  /**
   * What this briefing computed across its corpus, as plain data, for the next start (`buildBriefing`'s
   * `saved`): the topic index, the merged disputes and the timeline merge, when computed (`compute` computes them first).
   */
  saved(options?: { compute?: boolean }): SavedBriefing;
  /**
   * False when a part of the saved state it started from proved malformed and was computed afresh (so it
   * is worth saving again); `check` first uses the parts not used yet.
   */
  heldSaved(options?: { check?: boolean }): boolean;
}

/** The engine's state behind one briefing; what `withArticles` carries over instead of recomputing. */
interface BriefingState {
  config: EngineConfig;
  compiled: CompiledTopics;
  parties: PartyMatcher | undefined;
  analyses: Map<string, ArticleAnalysis>;
  /** Non-duplicate analyses, in corpus order. */
  unique: ArticleAnalysis[];
  duplicates: DuplicateIndex;
  /** The per-topic candidates, computed on the first digest (a start that only answers /whosaid never pays for it). */
  topicIndex: LazyIndex;
  /** The index of the briefing this one grew from, once computed, and the articles added since. */
  indexFrom?: { base: TopicIndex; fresh: ArticleAnalysis[] };
  issues: InputIssue[];
  /** Disputes merged by the briefing this one grew from (and their lookup), and this one's new articles' disputes to merge in. */
  disputesFrom?: DisputesFrom;
  /** The speaker resolver of the briefing this one grew from (valid while at `version`), and the new statements. */
  speakersFrom?: { resolver: SpeakerResolver; version: number; fresh: ExtractedStatement[] };
  /** The timeline merger of the briefing this one grew from (valid while at `version`), and the new events. */
  timelineFrom?: TimelineFrom;
}

export { articleDate, sourceRef } from './source-ref.ts';
export { suggest } from './suggest.ts';

/**
 * Builds a briefing over a corpus of parsed articles (ids unique). `analysed` may hold analyses made
 * elsewhere with `analyseArticle` (in worker threads) and the same config; they are used for the
 * articles whose text they match, and the rest are analysed here.
 */
export function buildBriefing(
  articles: Article[],
  config: EngineConfig,
  issues: InputIssue[] = [],
  analysed?: ReadonlyMap<string, ArticleAnalysis>,
  saved?: SavedBriefing,
): Briefing {
  const parties = config.parties?.length ? compileParties(config.parties) : undefined;
  return fromScratch(articles, config, compileTopics(config.topics), parties, issues, analysed, saved);
}

function fromScratch(
  articles: Article[],
  config: EngineConfig,
  compiled: CompiledTopics,
  parties: PartyMatcher | undefined,
  issues: InputIssue[],
  previous?: ReadonlyMap<string, ArticleAnalysis>,
  saved?: SavedBriefing,
): Briefing {
  const deduped = dedupeFrom(articles, saved);
  const duplicates = deduped.index;
  const analyses = new Map<string, ArticleAnalysis>();
  for (const a of deduped.articles) {
    const prev = previous?.get(a.id);
    // An article whose text did not change keeps its analysis; only its duplicate mark may differ. A
    // duplicate is not analysed (its original speaks for it) until it becomes an original.
    const reusable = prev && prev.article.text === a.text && (!prev.skipped || a.duplicateOf);
    // (The same article keeps the very analysis: parts a cache decodes on first read stay undecoded.)
    const kept = reusable ? (prev.article === a ? prev : { ...prev, article: a }) : undefined;
    analyses.set(a.id, kept ?? (a.duplicateOf ? skippedAnalysis(a) : analyse(a, compiled, parties)));
  }
  const unique = [...analyses.values()].filter((a) => !a.article.duplicateOf);
  // What an earlier start computed is used when all it covers is still here (the rest is added to it).
  const restored = restoreFrom(saved, unique, config.topics);
  const state: BriefingState = {
    config,
    compiled,
    parties,
    analyses,
    unique,
    duplicates,
    topicIndex: lazyIndex(restored.topicIndex, restored.freshIndex ? { articles: unique, topics: config.topics } : undefined),
    issues: [...issues, ...deduped.issues, ...[...analyses.values()].flatMap((a) => a.issues)],
  };
  if (restored.disputesFrom) state.disputesFrom = restored.disputesFrom;
  if (restored.timelineFrom) state.timelineFrom = restored.timelineFrom;
  return makeBriefing(state);
}

/** Adds articles with new ids to a briefing's state, reusing everything already analysed. */
function addArticles(
  state: BriefingState,
  added: Article[],
  moreIssues: InputIssue[],
  merged: DisputesAt | undefined,
  speakers: { resolver: SpeakerResolver; version: number } | undefined,
  timeline: MergerAt | undefined,
): Briefing {
  const analyses = new Map(state.analyses);
  const fresh: ArticleAnalysis[] = [];
  const issues = [...state.issues, ...moreIssues];
  for (const a of added) {
    const checked = state.duplicates.check(a);
    if (checked.replaces) {
      // A richer copy of an article already here becomes the original: redo the duplicate marks.
      const current = [...state.analyses.values()].map((x) => x.article);
      return fromScratch(
        [...current, ...added],
        state.config,
        state.compiled,
        state.parties,
        [...state.issues.filter((i) => i.code !== 'duplicate' && i.code !== 'analysis_failed'), ...moreIssues],
        state.analyses,
      );
    }
    if (checked.issue) issues.push(checked.issue);
    const analysis = checked.article.duplicateOf ? skippedAnalysis(checked.article) : analyse(checked.article, state.compiled, state.parties);
    issues.push(...analysis.issues);
    analyses.set(a.id, analysis);
    if (!checked.article.duplicateOf) fresh.push(analysis);
  }
  const unique = [...state.unique, ...fresh];
  // (An index begun by a digest, one topic's entry alone, is finished: the new one continues from it.)
  const computed = state.topicIndex.computed ?? (state.topicIndex.begun ? state.topicIndex.get() : undefined);
  const indexFrom = computed
    ? { base: computed, fresh }
    : state.indexFrom
      ? { base: state.indexFrom.base, fresh: [...state.indexFrom.fresh, ...fresh] }
      : undefined;
  const topics = state.config.topics;
  const topicIndex = lazyIndex(() =>
    indexFrom
      ? indexFrom.fresh.length
        ? updateTopicIndex(indexFrom.base, unique, indexFrom.fresh, topics, { addedAreNew: true })
        : indexFrom.base
      : indexTopics(unique, topics),
  );
  const next: BriefingState = { ...state, analyses, unique, topicIndex, issues };
  if (indexFrom) next.indexFrom = indexFrom;
  // The corpus-wide parts continue from this briefing's (or, when it never computed them, from what it
  // would have continued), taking in only the new articles' share.
  const newDisputes = fresh.flatMap((a) => a.disputes);
  const newStatements = fresh.flatMap((a) => a.statements);
  const newEvents = fresh.flatMap((a) => a.events);
  if (merged) next.disputesFrom = { base: merged.merged, lookup: merged.lookup, fresh: newDisputes };
  else if (state.disputesFrom) next.disputesFrom = { ...state.disputesFrom, fresh: [...state.disputesFrom.fresh, ...newDisputes] };
  if (speakers) next.speakersFrom = { ...speakers, fresh: newStatements };
  else if (state.speakersFrom) next.speakersFrom = { ...state.speakersFrom, fresh: [...state.speakersFrom.fresh, ...newStatements] };
  if (timeline) next.timelineFrom = { ...timeline, fresh: newEvents };
  else if (state.timelineFrom) next.timelineFrom = { ...state.timelineFrom, fresh: [...state.timelineFrom.fresh, ...newEvents] };
  return makeBriefing(next);
}

function makeBriefing(state: BriefingState): Briefing {
  const { config, compiled, parties, analyses, unique, topicIndex, issues } = state;
  const articles = [...analyses.values()].map((a) => a.article);
  const topicIds = config.topics.map((t) => t.id);
  const caches = new BriefingCaches(state);

  const findTopic = (id: string): Result<TopicDef> => {
    const t = config.topics.find((x) => x.id === id.trim().toLowerCase());
    return t ? ok(t) : fail({ code: 'unknown_topic', input: id, known: topicIds, suggestions: suggest(id, topicIds) });
  };

  /** A dispute side with the speaker as resolved across the corpus, where the article's statement names them. */
  const resolveSide = (side: DisputeSide): DisputeSide => {
    const article = side.evidence[0]?.article;
    const who = article && side.speaker ? caches.named().get(`${article}\u0000${side.speaker}`) : undefined;
    return who ? { ...side, ...who } : { ...side, speakerId: null };
  };

  const namePronoun = (item: DigestItem): DigestItem => nameLeadingPronoun(item, (id) => analyses.get(id));

  /** Marks a digest's points that another party denies or qualifies, citing the other side. */
  const finishItems = (digest: Digest): Digest => {
    const index = caches.lookup();
    const items = digest.items.map((raw) => {
      const item = namePronoun(raw);
      const link = index ? disputeFor(item.evidence, index) : undefined;
      if (!link) return item;
      const other = link.role === 'claim' ? link.dispute.counter : link.dispute.claim;
      const sources = other.articles.flatMap((id) => {
        const a = analyses.get(id)?.article;
        return a ? [sourceRef(a)] : [];
      });
      return { ...item, disputed: true, dispute: { text: other.text, sources, side: link.role === 'claim' ? ('counter' as const) : ('claim' as const) } };
    });
    // The other side of a dispute is shown too: the digest must still fit one message.
    return { ...digest, items: budget(items) };
  };

  let asking: ReturnType<typeof makeAsk> | undefined;
  const getAsk = () =>
    (asking ??= makeAsk({
      topics: config.topics,
      articles: unique.map((a) => a.article),
      // Read by free-text questions only: a configured topic's digest does not wait for the whole index.
      get stems() {
        return topicIndex.get().stems;
      },
      referents: () => makeReferents(caches.resolved().statements, caches.resolved().speakers),
      maxPoints: config.maxPoints ?? 8,
      topicDigest: (id, options) => briefing.digest(id, options),
      finish: finishItems,
    }));

  const briefing: Briefing = {
    articles,
    issues,
    topics: () => config.topics,
    analysisOf: (id) => analyses.get(id),
    sourceOf: (id) => {
      const a = analyses.get(id)?.article;
      return a ? sourceRef(a) : undefined;
    },
    digest(topicId, options = {}) {
      const topic = findTopic(topicId);
      if (!topic.ok) return topic;
      const since = options.since;
      const bound = since ? parseSince(since) : undefined;
      if (bound && !bound.ok) return bound;
      const accept = bound ? (a: Article) => isNewSince(a, bound.value) : undefined;
      const digest = finishItems(
        buildDigest({
          topic: topic.value,
          articles: unique,
          ...(accept ? { accept } : {}),
          index: topicIndex.of(topic.value.id),
          max: options.max ?? config.maxPoints ?? 8,
        }),
      );
      const capped = options.words ? { ...digest, items: capWords(digest.items, options.words) } : digest;
      return ok(since ? { ...capped, since } : capped);
    },
    query: (text, options) => getAsk().query(text, options),
    ask: (text, options) => getAsk().ask(text, options),
    statements(filter = {}) {
      let list = caches.resolved().statements;
      if (filter.speaker) {
        const m = matchSpeaker(caches.resolved().speakers, filter.speaker);
        if (!m.speaker) return fail({ code: 'unknown_speaker', input: filter.speaker, suggestions: m.suggestions });
        list = caches.resolved().bySpeaker.get(m.speaker.id) ?? [];
      }
      if (filter.topic) {
        const t = findTopic(filter.topic);
        if (!t.ok) return t;
        list = list.filter((s) => s.topics.includes(t.value.id));
      }
      if (filter.article) list = list.filter((s) => s.article === filter.article);
      if (filter.kind) list = list.filter((s) => s.kind === filter.kind);
      return ok(list);
    },
    speakers: () => caches.resolved().speakers,
    timeline(options = {}) {
      const timeline = caches.timeline();
      if (!options.topic) return ok(timeline);
      const t = findTopic(options.topic);
      if (!t.ok) return t;
      return ok(timeline.filter((e) => e.topics.includes(t.value.id)));
    },
    positions(topicId) {
      const t = findTopic(topicId);
      if (!t.ok) return t;
      const r = caches.resolved();
      const input = { topic: t.value, statements: r.statements, speakers: r.speakers, parties: config.parties ?? [], disputes: caches.disputes() };
      return ok(buildPositions(parties ? { ...input, matcher: parties } : input));
    },
    disputes: () => caches.disputes().map((d) => ({ ...d, claim: resolveSide(d.claim), counter: resolveSide(d.counter) })),
    sources: () => unique.map((a) => sourceRef(a.article)),
    withArticles(added, moreIssues = []) {
      const ids = new Set(added.map((a) => a.id));
      const linear = state.duplicates.checked === analyses.size;
      if (linear && ids.size === added.length && !added.some((a) => analyses.has(a.id)))
        return addArticles(state, added, moreIssues, caches.disputesAt, caches.resolverAt, caches.mergerAt);
      // A replaced article can change which others are duplicates: recheck them all, reusing analyses.
      const rest = articles.filter((a) => !ids.has(a.id));
      return fromScratch(
        [...rest, ...added],
        config,
        compiled,
        parties,
        [...issues.filter((i) => i.code !== 'duplicate' && i.code !== 'analysis_failed'), ...moreIssues],
        analyses,
      );
    },
    saved(options = {}) {
      if (options.compute) {
        topicIndex.get();
        caches.disputes();
        caches.timeline();
        // A digest made its topic's entry alone: the rest of the index it deferred is made to be kept.
      } else if (topicIndex.begun) topicIndex.get();
      const at = caches.mergerAt;
      const merger = at && at.merger.version === at.version ? at.merger : undefined;
      return saveBriefing(articles, unique, issues, topicIndex.computed, caches.disputesAt?.merged, merger);
    },
    heldSaved(options = {}) {
      if (options.check) caches.timeline();
      return !caches.lostSaved;
    },
    withoutArticles(ids) {
      const gone = new Set(ids);
      const files = new Set(articles.filter((a) => gone.has(a.id)).map((a) => a.file));
      if (files.size === 0) return briefing;
      const rest = articles.filter((a) => !gone.has(a.id));
      const about = (i: InputIssue) => [...files].some((f) => i.file === f || i.file.endsWith(`/${f}`));
      return fromScratch(
        rest,
        config,
        compiled,
        parties,
        issues.filter((i) => i.code !== 'duplicate' && i.code !== 'analysis_failed' && !about(i)),
        analyses,
      );
    },
  };
  return briefing;
}
