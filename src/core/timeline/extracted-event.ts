/**
 * A timeline event as `extractEvents` returns it: a `TimelineEvent` plus optional hints that only
 * `mergeEvents` reads (and strips), so corpus-level inferences happen at merge time while extraction
 * stays per article.
 */
import type { TimelineEvent } from '../model.ts';

/** An extracted event with its merge hints. */
export interface ExtractedEvent extends TimelineEvent {
  /**
   * For an event dated only by a bare weekday whose year was unknown (`date` is the week-long range
   * ending on the reference day): the weekday named, 0 = Sunday. `mergeEvents` resolves the day when
   * the reports around it give the year.
   */
  weekday?: number;
  /**
   * How directly the date dates the sentence's main event: 2 for a date phrase that opens the
   * sentence or follows its main verb, 1 by default, 0 for a date inside reported speech
   * (`X said the strike on April 28 showed …`). Merged reports show the most direct sentence.
   */
  directness?: number;
}

/** The public event without the merge hints. */
export function withoutHints(e: ExtractedEvent): TimelineEvent {
  if (e.weekday === undefined && e.directness === undefined) return e;
  const { weekday: _w, directness: _d, ...rest } = e;
  return rest;
}
