import type { Article, TimelineEvent } from '../model.ts';
import type { CompiledTopics } from '../topics/topic-scorer.ts';

/** Finds the dated events of one article (dates resolved against its publication date or dateline). */
export function extractEvents(article: Article, topics: CompiledTopics): TimelineEvent[] {
  // STUB: replaced by the timeline implementation.
  void article;
  void topics;
  return [];
}

/** Merges the same event reported by several articles; sorted by date. */
export function mergeEvents(events: TimelineEvent[]): TimelineEvent[] {
  // STUB
  return [...events].sort((a, b) => a.date.localeCompare(b.date));
}
