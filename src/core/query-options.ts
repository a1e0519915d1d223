/** Options of a briefing's queries: what narrows `statements()` and shapes `digest()`. */
import type { StatementKind } from './model.ts';

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
