/**
 * What a briefing computed across its corpus, as plain data, so a restart over the same articles (or
 * more) does not compute it again: making it from a briefing's parts, and starting from it.
 */
import type { ArticleAnalysis } from './analyse-article.ts';
import { applyDuplicates, createDuplicateIndex, markDuplicates, type DuplicateIndex } from './corpus/dedupe.ts';
import { indexTopics, type TopicIndex } from './digest/build-digest.ts';
import { updateTopicIndex } from './digest/topic-index.ts';
import { restoreTopicIndex, storeTopicIndex, type StoredTopicIndex } from './digest/topic-index-store.ts';
import { restoreDisputes, storeDisputes, type ArticleDispute, type MergedDisputes, type StoredDisputes } from './disputes/find-disputes.ts';
import type { Article, InputIssue, TopicDef } from './model.ts';
import type { EventMerger } from './timeline/merge-events.ts';
import { restoreTimeline, storeTimeline, type StoredTimeline } from './timeline/merger-store.ts';
import type { ExtractedEvent } from './timeline/extracted-event.ts';

/**
 * What a briefing computed across its corpus, as plain data (JSON-safe). Made by `Briefing.saved`; used only
 * when every article it covers is still a non-duplicate article of the corpus with the same analysis (the
 * caller checks texts).
 */
export interface SavedBriefing {
  /** The non-duplicate articles it was computed over, by id. */
  covered: string[];
  /** Every article of the corpus it was computed over (duplicates too), in corpus order, by id. */
  articles?: string[];
  /** The duplicate verdicts over `articles`: `[copy id, original id]`, and the warnings given. */
  duplicates?: { copies: [string, string][]; issues: InputIssue[] };
  topicIndex?: StoredTopicIndex;
  disputes?: StoredDisputes;
  /** The timeline merge over `covered` (articles by their number in it). */
  timeline?: StoredTimeline;
}

/** Where a briefing's timeline merge continues from: a merger (or its maker, run once), valid while at `version`, and the events new since. */
export interface TimelineFrom {
  merger: EventMerger | (() => EventMerger | undefined);
  version: number;
  fresh: ExtractedEvent[];
}

/** The state as plain data, from what a briefing holds (its index and disputes only when computed). */
export function saveBriefing(
  articles: readonly Article[],
  unique: readonly ArticleAnalysis[],
  issues: readonly InputIssue[],
  index: TopicIndex | undefined,
  merged: MergedDisputes | undefined,
  merger?: EventMerger,
): SavedBriefing {
  const timeline = merger ? storeTimeline(merger, unique) : undefined;
  return {
    covered: unique.map((a) => a.article.id),
    articles: articles.map((a) => a.id),
    duplicates: {
      copies: articles.flatMap((a) => (a.duplicateOf ? [[a.id, a.duplicateOf] as [string, string]] : [])),
      issues: issues.filter((i) => i.code === 'duplicate'),
    },
    ...(index ? { topicIndex: storeTopicIndex(index) } : {}),
    ...(merged ? { disputes: storeDisputes(merged) } : {}),
    ...(timeline ? { timeline } : {}),
  };
}

/** Duplicate marks: the verdicts of an earlier start over exactly these articles stand, else they are found. */
export function dedupeFrom(articles: Article[], saved: SavedBriefing | undefined): { index: DuplicateIndex; articles: Article[]; issues: InputIssue[] } {
  const same = saved?.articles?.length === articles.length && saved.articles.every((id, i) => articles[i]!.id === id);
  if (same && saved?.duplicates) return applyDuplicates(articles, new Map(saved.duplicates.copies), saved.duplicates.issues);
  const index = createDuplicateIndex();
  return { index, ...markDuplicates(articles, index) };
}

/** Whether a saved state covers only articles still here, and the articles it does not cover (a function of its own, so the closures of `restoreFrom` hold no sets of ids). */
function coverage(saved: SavedBriefing | undefined, unique: readonly ArticleAnalysis[]): { covered: boolean; fresh: ArticleAnalysis[] } {
  const ids = new Set(unique.map((a) => a.article.id));
  if (!saved?.covered.every((id) => ids.has(id))) return { covered: false, fresh: [] };
  const covered = new Set(saved.covered);
  return { covered: true, fresh: unique.filter((a) => !covered.has(a.article.id)) };
}

/**
 * What starts from a saved state, when all it covers is still among `unique` (the rest is added to it): the
 * topic index maker (a fresh build when nothing usable was saved) and the disputes to continue from.
 */
export function restoreFrom(
  saved: SavedBriefing | undefined,
  unique: readonly ArticleAnalysis[],
  topics: readonly TopicDef[],
): {
  topicIndex: () => TopicIndex;
  /** True when `topicIndex` builds the index afresh over `unique` (no saved index to start from). */
  freshIndex: boolean;
  disputesFrom?: { base: MergedDisputes; fresh: ArticleDispute[] };
  timelineFrom?: TimelineFrom;
} {
  const { covered, fresh } = coverage(saved, unique);
  // The closures below hold only the saved parts they still need, and let each go once used (a start
  // keeps no copy of what it restored).
  let storedIndex = covered ? saved?.topicIndex : undefined;
  const topicIndex = () => {
    const index = storedIndex ? restoreTopicIndex(storedIndex, unique, topics) : undefined;
    storedIndex = undefined;
    if (!index) return indexTopics(unique, topics);
    return fresh.length ? updateTopicIndex(index, unique, fresh, topics) : index;
  };
  const freshIndex = !covered || !saved?.topicIndex;
  if (!covered || !saved) return { topicIndex, freshIndex };
  const out: ReturnType<typeof restoreFrom> = { topicIndex, freshIndex };
  if (saved.disputes) out.disputesFrom = { base: restoreDisputes(saved.disputes), fresh: fresh.flatMap((a) => a.disputes) };
  const timeline = saved.timeline;
  if (timeline) {
    let pending: { stored: StoredTimeline; covered: string[] } | undefined = { stored: timeline, covered: saved.covered };
    let made: { merger: EventMerger | undefined } | undefined;
    const merger = () => {
      if (!made) {
        const { stored, covered: ids } = pending!;
        pending = undefined;
        const byId = new Map(unique.map((a) => [a.article.id, a]));
        made = {
          merger: restoreTimeline(
            stored,
            ids.map((id) => byId.get(id)!),
          ),
        };
      }
      return made.merger;
    };
    out.timelineFrom = { merger, version: timeline.version, fresh: fresh.flatMap((a) => a.events) };
  }
  return out;
}
