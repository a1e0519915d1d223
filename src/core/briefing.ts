import { createDuplicateIndex, markDuplicates, type DuplicateIndex } from './corpus/dedupe.ts';
import { articleDisputes } from './disputes/article-disputes.ts';
import { extendDisputes, NO_DISPUTES, type ArticleDispute, type Dispute, type DisputeSide, type MergedDisputes } from './disputes/find-disputes.ts';
import { compileParties, type PartyMatcher } from './positions/parties.ts';
import { makeAsk, type QueryOptions } from './digest/ask.ts';
import { buildDigest, indexTopics, type TopicIndex } from './digest/build-digest.ts';
import { nameLeadingPronoun } from './digest/name-pronoun.ts';
import { makeReferents } from './digest/referents.ts';
import { capWords } from './digest/word-cap.ts';
import { budget } from './digest/budget.ts';
import { updateTopicIndex } from './digest/topic-index.ts';
import { disputeFor, disputeLookup, type DisputeLookup } from './disputes/dispute-for.ts';
import {
  fail,
  ok,
  type Article,
  type Digest,
  type DigestItem,
  type InputIssue,
  type PartyDef,
  type Result,
  type SourceRef,
  type Speaker,
  type SpeakersConfig,
  type Statement,
  type StatementKind,
  type TimelineEvent,
  type TopicDef,
} from './model.ts';
import { buildPositions, type Positions } from './positions/build-positions.ts';
import { extractStatements, type ExtractedStatement } from './statements/extract-statements.ts';
import { matchSpeaker, SpeakerResolver } from './statements/resolve-speakers.ts';
import { extractEvents, mergeEvents } from './timeline/extract-events.ts';
import { isNewSince, parseSince } from './timeline/since.ts';
import { compileTopics, scoreText, type CompiledTopics } from './topics/topic-scorer.ts';
import { sourceRef } from './source-ref.ts';
import { suggest } from './suggest.ts';

/** What the engine needs besides the articles. */
export interface EngineConfig {
  topics: TopicDef[];
  maxPoints?: number;
  speakers?: SpeakersConfig;
  /** Who speaks for whom, for positions and disputes. */
  parties?: PartyDef[];
}

/** Narrows `statements()`. Every field is optional; `speaker` is matched loosely. */
export interface StatementFilter {
  speaker?: string;
  topic?: string;
  article?: string;
  kind?: StatementKind;
}

/** Options of `digest()`. */
export interface DigestOptions {
  max?: number;
  /** ISO date or instant: only articles published (or added) after it contribute. */
  since?: string;
  /** Cap on the digest's words in total (cut at a point boundary, or the last point trimmed to a clause). */
  words?: number;
}

/** Everything the engine derives from one article on its own; reused when articles are added. Plain data (it crosses worker threads). */
export interface ArticleAnalysis {
  article: Article;
  scores: Record<string, number>[];
  statements: ExtractedStatement[];
  events: TimelineEvent[];
  /** Claims denied or qualified within this article, merged across articles on demand. */
  disputes: ArticleDispute[];
  /** Stages of this article's analysis that failed (each left empty), one issue each. */
  issues: InputIssue[];
}

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
  /** A new briefing with these articles added (or replaced, by id), reusing the analysis of the rest. */
  withArticles(added: Article[], issues?: InputIssue[]): Briefing;
  /** A new briefing without these articles (by id), reusing the analysis of the rest; problems with their files are dropped. */
  withoutArticles(ids: string[]): Briefing;
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
  topicIndex: TopicIndex;
  issues: InputIssue[];
  /** Disputes merged by the briefing this one grew from, and this one's new articles' disputes to merge in. */
  disputesFrom?: { base: MergedDisputes; fresh: ArticleDispute[] };
  /** The speaker resolver of the briefing this one grew from (valid while at `version`), and the new statements. */
  speakersFrom?: { resolver: SpeakerResolver; version: number; fresh: ExtractedStatement[] };
}

export { articleDate, sourceRef } from './source-ref.ts';
export { suggest } from './suggest.ts';

/** Topic ids a sentence is relevant to, from its scores. */
function topicsOfScores(scores: Record<string, number> | undefined, topicIds: string[]): string[] {
  return scores ? topicIds.filter((id) => (scores[id] ?? 0) > 0) : [];
}

/**
 * Runs one stage of one article's analysis. An exception is caught and reported as an issue naming the
 * file, the stage and the reason; the stage then yields `fallback`, and the rest of the article is served.
 */
function stage<T>(article: Article, name: string, issues: InputIssue[], fallback: T, run: () => T): T {
  try {
    return run();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    issues.push({
      file: article.file,
      code: 'analysis_failed',
      severity: 'warning',
      stage: name,
      message: `${article.file}: the ${name} stage failed (${reason}); the article is served without its ${name}`,
    });
    return fallback;
  }
}

function analyse(article: Article, compiled: CompiledTopics, parties: PartyMatcher | undefined): ArticleAnalysis {
  const issues: InputIssue[] = [];
  const scores = stage(article, 'topics', issues, [] as Record<string, number>[], () => article.sentences.map((s) => scoreText(compiled, s.text)));
  const statements = stage(article, 'statements', issues, [] as ExtractedStatement[], () => extractStatements(article));
  const topicIds = compiled.defs.map((t) => t.id);
  return {
    article,
    scores,
    statements,
    events: stage(article, 'timeline', issues, [] as TimelineEvent[], () => extractEvents(article, compiled)),
    disputes: stage(article, 'disputes', issues, [] as ArticleDispute[], () =>
      articleDisputes(article, statements, (i) => topicsOfScores(scores[i], topicIds), parties),
    ),
    issues,
  };
}

/**
 * Builds a briefing over a corpus of parsed articles (ids unique). `analysed` may hold analyses made
 * elsewhere with `analyseArticle` (in worker threads) and the same config; they are used for the
 * articles whose text they match, and the rest are analysed here.
 */
export function buildBriefing(articles: Article[], config: EngineConfig, issues: InputIssue[] = [], analysed?: ReadonlyMap<string, ArticleAnalysis>): Briefing {
  const parties = config.parties?.length ? compileParties(config.parties) : undefined;
  return fromScratch(articles, config, compileTopics(config.topics), parties, issues, analysed);
}

const compiledConfigs = new WeakMap<EngineConfig, { compiled: CompiledTopics; parties: PartyMatcher | undefined }>();

/** Analyses one article on its own, as `buildBriefing` does for each: pure, so it can run in a worker thread. */
export function analyseArticle(article: Article, config: EngineConfig): ArticleAnalysis {
  let c = compiledConfigs.get(config);
  if (!c) {
    c = { compiled: compileTopics(config.topics), parties: config.parties?.length ? compileParties(config.parties) : undefined };
    compiledConfigs.set(config, c);
  }
  return analyse(article, c.compiled, c.parties);
}

function fromScratch(
  articles: Article[],
  config: EngineConfig,
  compiled: CompiledTopics,
  parties: PartyMatcher | undefined,
  issues: InputIssue[],
  previous?: ReadonlyMap<string, ArticleAnalysis>,
): Briefing {
  const duplicates = createDuplicateIndex();
  const deduped = markDuplicates(articles, duplicates);
  const analyses = new Map<string, ArticleAnalysis>();
  for (const a of deduped.articles) {
    const prev = previous?.get(a.id);
    // An article whose text did not change keeps its analysis; only its duplicate mark may differ.
    analyses.set(a.id, prev && prev.article.text === a.text ? { ...prev, article: a } : analyse(a, compiled, parties));
  }
  const unique = [...analyses.values()].filter((a) => !a.article.duplicateOf);
  return makeBriefing({
    config,
    compiled,
    parties,
    analyses,
    unique,
    duplicates,
    topicIndex: indexTopics(unique, config.topics),
    issues: [...issues, ...deduped.issues, ...[...analyses.values()].flatMap((a) => a.issues)],
  });
}

/** Adds articles with new ids to a briefing's state, reusing everything already analysed. */
function addArticles(
  state: BriefingState,
  added: Article[],
  moreIssues: InputIssue[],
  merged: MergedDisputes | undefined,
  speakers: { resolver: SpeakerResolver; version: number } | undefined,
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
    const analysis = analyse(checked.article, state.compiled, state.parties);
    issues.push(...analysis.issues);
    analyses.set(a.id, analysis);
    if (!checked.article.duplicateOf) fresh.push(analysis);
  }
  const unique = [...state.unique, ...fresh];
  const topicIndex = fresh.length ? updateTopicIndex(state.topicIndex, unique, fresh, state.config.topics) : state.topicIndex;
  const next: BriefingState = { ...state, analyses, unique, topicIndex, issues };
  if (merged) next.disputesFrom = { base: merged, fresh: fresh.flatMap((a) => a.disputes) };
  else delete next.disputesFrom;
  if (speakers) next.speakersFrom = { ...speakers, fresh: fresh.flatMap((a) => a.statements) };
  else delete next.speakersFrom;
  return makeBriefing(next);
}

function makeBriefing(state: BriefingState): Briefing {
  const { config, compiled, parties, analyses, unique, topicIndex, issues } = state;
  const articles = [...analyses.values()].map((a) => a.article);
  const topicIds = config.topics.map((t) => t.id);
  let resolved: { statements: Statement[]; speakers: Speaker[]; bySpeaker: Map<string, Statement[]>; extracted: ExtractedStatement[] } | undefined;
  let named: Map<string, { speaker: string; speakerId: string }> | undefined;

  /** How each article named a speaker → the speaker it was resolved to (for disputes, which are found per article). */
  const getNamed = () => {
    if (!named) {
      const { extracted, statements } = getResolved();
      named = new Map();
      extracted.forEach((e, i) => {
        const st = statements[i];
        if (e.mention && st?.speaker && st.speakerId) named!.set(`${e.article}\u0000${e.mention.name}`, { speaker: st.speaker, speakerId: st.speakerId });
      });
    }
    return named;
  };
  let timeline: TimelineEvent[] | undefined;
  let merged: MergedDisputes | undefined;
  let resolverAt: { resolver: SpeakerResolver; version: number } | undefined;
  let disputes: Dispute[] | undefined;
  let lookup: DisputeLookup | undefined;

  const findTopic = (id: string): Result<TopicDef> => {
    const t = config.topics.find((x) => x.id === id.trim().toLowerCase());
    return t ? ok(t) : fail({ code: 'unknown_topic', input: id, known: topicIds, suggestions: suggest(id, topicIds) });
  };

  const getResolved = () => {
    if (!resolved) {
      const extracted = unique.flatMap((a) => a.statements);
      // Continue the resolver of the briefing this one grew from, if nobody has moved it on since.
      const from = state.speakersFrom;
      const resolver = from && from.resolver.version === from.version ? from.resolver : new SpeakerResolver(config.speakers);
      resolver.add(resolver === from?.resolver ? from.fresh : extracted);
      resolverAt = { resolver, version: resolver.version };
      const r = resolver.resolve(extracted);
      const statements = r.statements as Statement[];
      for (const s of statements) s.topics = topicsOfScores(analyses.get(s.article)?.scores[s.sentence], topicIds);
      const bySpeaker = new Map<string, Statement[]>();
      for (const st of statements) {
        if (!st.speakerId) continue;
        const list = bySpeaker.get(st.speakerId);
        if (list) list.push(st);
        else bySpeaker.set(st.speakerId, [st]);
      }
      resolved = { statements, speakers: r.speakers, bySpeaker, extracted };
    }
    return resolved;
  };

  /** A dispute side with the speaker as resolved across the corpus, where the article's statement names them. */
  const resolveSide = (side: DisputeSide): DisputeSide => {
    const article = side.evidence[0]?.article;
    const who = article && side.speaker ? getNamed().get(`${article}\u0000${side.speaker}`) : undefined;
    return who ? { ...side, ...who } : { ...side, speakerId: null };
  };

  const getDisputes = (): Dispute[] => {
    if (!disputes) {
      const from = state.disputesFrom;
      merged = from
        ? extendDisputes(from.base, from.fresh)
        : extendDisputes(
            NO_DISPUTES,
            unique.flatMap((a) => a.disputes),
          );
      disputes = merged.merged.map((f) => f.dispute);
    }
    return disputes;
  };

  const namePronoun = (item: DigestItem): DigestItem => nameLeadingPronoun(item, (id) => analyses.get(id));

  /** Marks a digest's points that another party denies or qualifies, citing the other side. */
  const finishItems = (digest: Digest): Digest => {
    const all = getDisputes();
    if (all.length > 0) lookup ??= disputeLookup(all);
    const index = lookup;
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
      stems: topicIndex.stems,
      referents: () => makeReferents(getResolved().statements, getResolved().speakers),
      maxPoints: config.maxPoints ?? 8,
      topicDigest: (id, options) => briefing.digest(id, options),
      finish: finishItems,
    }));

  const briefing: Briefing = {
    articles,
    issues,
    topics: () => config.topics,
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
        buildDigest({ topic: topic.value, articles: unique, ...(accept ? { accept } : {}), index: topicIndex, max: options.max ?? config.maxPoints ?? 8 }),
      );
      const capped = options.words ? { ...digest, items: capWords(digest.items, options.words) } : digest;
      return ok(since ? { ...capped, since } : capped);
    },
    query: (text, options) => getAsk().query(text, options),
    ask: (text, options) => getAsk().ask(text, options),
    statements(filter = {}) {
      let list = getResolved().statements;
      if (filter.speaker) {
        const m = matchSpeaker(getResolved().speakers, filter.speaker);
        if (!m.speaker) return fail({ code: 'unknown_speaker', input: filter.speaker, suggestions: m.suggestions });
        list = getResolved().bySpeaker.get(m.speaker.id) ?? [];
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
    speakers: () => getResolved().speakers,
    timeline(options = {}) {
      timeline ??= mergeEvents(unique.flatMap((a) => a.events));
      if (!options.topic) return ok(timeline);
      const t = findTopic(options.topic);
      if (!t.ok) return t;
      return ok(timeline.filter((e) => e.topics.includes(t.value.id)));
    },
    positions(topicId) {
      const t = findTopic(topicId);
      if (!t.ok) return t;
      const r = getResolved();
      return ok(buildPositions({ topic: t.value, statements: r.statements, speakers: r.speakers, parties: config.parties ?? [], disputes: getDisputes() }));
    },
    disputes: () => getDisputes().map((d) => ({ ...d, claim: resolveSide(d.claim), counter: resolveSide(d.counter) })),
    sources: () => unique.map((a) => sourceRef(a.article)),
    withArticles(added, moreIssues = []) {
      const ids = new Set(added.map((a) => a.id));
      const linear = state.duplicates.checked === analyses.size;
      if (linear && ids.size === added.length && !added.some((a) => analyses.has(a.id))) return addArticles(state, added, moreIssues, merged, resolverAt);
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
