import { closest, distance } from 'fastest-levenshtein';
import type { PartiesConfig, SpeakersConfig } from '../config/briefing-config.schema.ts';
import { markDuplicates } from './corpus/dedupe.ts';
import { findDisputes, type Dispute } from './disputes/find-disputes.ts';
import { buildDigest, indexTopics } from './digest/build-digest.ts';
import {
  fail,
  ok,
  type Article,
  type Digest,
  type InputIssue,
  type Result,
  type SourceRef,
  type Speaker,
  type Statement,
  type StatementKind,
  type TimelineEvent,
  type TopicDef,
} from './model.ts';
import { buildPositions, type Positions } from './positions/build-positions.ts';
import { extractStatements, type ExtractedStatement } from './statements/extract-statements.ts';
import { matchSpeaker, resolveSpeakers } from './statements/resolve-speakers.ts';
import { extractEvents, mergeEvents } from './timeline/extract-events.ts';
import { isNewSince, parseSince } from './timeline/since.ts';
import { compileTopics, scoreText, type CompiledTopics } from './topics/topic-scorer.ts';

/** What the engine needs besides the articles. */
export interface EngineConfig {
  topics: TopicDef[];
  maxPoints?: number;
  speakers?: SpeakersConfig;
  /** Who speaks for whom, for positions and disputes. */
  parties?: PartiesConfig['parties'];
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
}

/** Everything the engine derives from one article on its own; reused when articles are added. */
interface ArticleAnalysis {
  article: Article;
  scores: Record<string, number>[];
  statements: ExtractedStatement[];
  events: TimelineEvent[];
}

/** A built, queryable briefing over a corpus. Pure: every answer is computed from the articles and config. */
export interface Briefing {
  /** Articles in corpus order, duplicates included (marked with `duplicateOf`). */
  readonly articles: readonly Article[];
  /** Problems found with the input, one per file and reason. */
  readonly issues: readonly InputIssue[];
  topics(): TopicDef[];
  digest(topic: string, options?: DigestOptions): Result<Digest>;
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
}

/** Formats an article's date for citation: its publication date, else the dateline's month and day. */
export function articleDate(article: Article): string | undefined {
  if (article.published) return article.published.slice(0, 10);
  const d = article.dateline;
  if (d?.month && d.day) return `--${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  return undefined;
}

/** The citation for an article. */
export function sourceRef(article: Article): SourceRef {
  const ref: SourceRef = { article: article.id, title: article.title };
  const date = articleDate(article);
  if (date) ref.date = date;
  if (article.source) ref.source = article.source;
  if (article.url) ref.url = article.url;
  return ref;
}

function analyse(article: Article, compiled: CompiledTopics): ArticleAnalysis {
  return {
    article,
    scores: article.sentences.map((s) => scoreText(compiled, s.text)),
    statements: extractStatements(article),
    events: extractEvents(article, compiled),
  };
}

/** Suggests the known values closest to an unknown one ("did you mean"). */
export function suggest(input: string, known: string[], max = 3): string[] {
  if (known.length === 0) return [];
  const q = input.toLowerCase();
  const ranked = known
    .map((k) => ({ k, d: k.toLowerCase().includes(q) || q.includes(k.toLowerCase()) ? 0 : distance(q, k.toLowerCase()) }))
    .sort((a, b) => a.d - b.d);
  const best = closest(q, known.map((k) => k.toLowerCase()));
  const out = ranked.filter((r) => r.d <= Math.max(3, Math.floor(q.length / 2))).map((r) => r.k);
  if (out.length === 0 && best) out.push(known.find((k) => k.toLowerCase() === best) ?? best);
  return out.slice(0, max);
}

/** Builds a briefing over a corpus of parsed articles. */
export function buildBriefing(articles: Article[], config: EngineConfig, issues: InputIssue[] = []): Briefing {
  const compiled = compileTopics(config.topics);
  const deduped = markDuplicates(articles);
  const analyses = new Map<string, ArticleAnalysis>();
  for (const a of deduped.articles) analyses.set(a.id, analyse(a, compiled));
  return makeBriefing(analyses, config, compiled, [...issues, ...deduped.issues]);
}

function makeBriefing(
  analyses: Map<string, ArticleAnalysis>,
  config: EngineConfig,
  compiled: CompiledTopics,
  issues: InputIssue[],
): Briefing {
  const all = [...analyses.values()];
  const articles = all.map((a) => a.article);
  const unique = all.filter((a) => !a.article.duplicateOf);
  // Per-topic digest candidates, precomputed so a digest query reads a short list, not the corpus.
  const topicIndex = indexTopics(unique, config.topics);
  const topicIds = config.topics.map((t) => t.id);
  let resolved: { statements: Statement[]; speakers: Speaker[] } | undefined;
  let timeline: TimelineEvent[] | undefined;
  let disputes: Dispute[] | undefined;

  const findTopic = (id: string): Result<TopicDef> => {
    const t = config.topics.find((x) => x.id === id.trim().toLowerCase());
    return t ? ok(t) : fail({ code: 'unknown_topic', input: id, known: topicIds, suggestions: suggest(id, topicIds) });
  };

  const getResolved = () => {
    if (!resolved) {
      const r = resolveSpeakers(unique.flatMap((a) => a.statements), config.speakers);
      const statements = r.statements.map((s) => {
        const scores = scoreText(compiled, s.sentenceText);
        return { ...s, topics: topicIds.filter((id) => (scores[id] ?? 0) > 0) };
      });
      resolved = { statements, speakers: r.speakers };
    }
    return resolved;
  };

  const getDisputes = (): Dispute[] => {
    if (!disputes) {
      const r = getResolved();
      disputes = findDisputes({ articles: unique.map((a) => a.article), statements: r.statements, speakers: r.speakers, parties: config.parties ?? [] });
    }
    return disputes;
  };

  return {
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
      const digest = buildDigest({ topic: topic.value, articles: unique, accept, index: topicIndex, max: options.max ?? config.maxPoints ?? 8 });
      return ok(since ? { ...digest, since } : digest);
    },
    statements(filter = {}) {
      let list = getResolved().statements;
      if (filter.topic) {
        const t = findTopic(filter.topic);
        if (!t.ok) return t;
        list = list.filter((s) => s.topics.includes(t.value.id));
      }
      if (filter.speaker) {
        const m = matchSpeaker(getResolved().speakers, filter.speaker);
        if (!m.speaker) return fail({ code: 'unknown_speaker', input: filter.speaker, suggestions: m.suggestions });
        const id = m.speaker.id;
        list = list.filter((s) => s.speakerId === id);
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
    disputes: () => getDisputes(),
    sources: () => unique.map((a) => sourceRef(a.article)),
    withArticles(added, moreIssues = []) {
      const next = new Map(analyses);
      const allArticles = [...[...next.values()].map((a) => a.article).filter((a) => !added.some((b) => b.id === a.id)), ...added];
      const deduped = markDuplicates(allArticles);
      for (const a of deduped.articles) {
        const prev = next.get(a.id);
        if (prev && prev.article === a) continue;
        if (prev && !added.includes(a) && prev.article.text === a.text) next.set(a.id, { ...prev, article: a });
        else next.set(a.id, analyse(a, compiled));
      }
      return makeBriefing(next, config, compiled, [...issues, ...moreIssues, ...deduped.issues]);
    },
  };
}
