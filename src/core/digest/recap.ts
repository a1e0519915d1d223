import type { Article } from '../model.ts';
import { referenceDate, resolveDates } from '../timeline/dates.ts';
import type { Day } from '../timeline/day.ts';

/**
 * A recap: a new article's sentence about an event the reader could already have read of. News
 * articles retell the story so far (`the ferry ran aground on Oct. 7, 1998`, `The 7.4 quake
 * struck at 3 a.m. on Aug. 17`); when every date such a sentence names falls before the newest article
 * the reader saw, it reports what was known then, not what is new since.
 */

const key = (d: Day, year: number) => `${String(d.year ?? year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** The day (`YYYY-MM-DD`) of the newest of the articles, or undefined when none is dated. */
export function newestDay(articles: readonly Article[]): string | undefined {
  let best: string | undefined;
  for (const a of articles) {
    const d = a.published?.slice(0, 10);
    if (d && (!best || d > best)) best = d;
  }
  return best;
}

/** A date that anchors a later fact instead of dating the sentence's own (`since Aug. 17`, `a week after the March 1 launch`). */
const ANCHOR_BEFORE = /\b(?:since|after|before|until|following|ago|prompted|anniversary|marking|mark)\b[^,;.]{0,40}$/i;
const ANCHOR_AFTER = /^[^,;.]{0,25}\b(?:ago|anniversary|later|since)\b/i;
/** The sentence speaks of the present or of what has happened since (`is`, `have been`, `still`, `now`). */
const PRESENT = /\b(?:is|are|has|have|now|still|today|tonight|this (?:morning|afternoon|evening|week|month|year)|continues?|remains?)\b/i;

/**
 * True when the sentence names at least one date, every one of them ends before `seen` (`YYYY-MM-DD`)
 * and dates the sentence's own fact (no `since …`, `after …`), and the sentence does not speak of the
 * present (`… are still living in tents`, `have been introduced`).
 */
export function isRecap(text: string, article: Pick<Article, 'published' | 'dateline'>, seen: string): boolean {
  if (PRESENT.test(text)) return false;
  const ref = referenceDate(article);
  const year = ref?.year ?? Number(article.published?.slice(0, 4));
  if (!Number.isFinite(year)) return false;
  const dates = resolveDates(text, ref).filter((m) => m.precision !== 'weekday' && m.basis !== 'previous');
  if (dates.length === 0) return false;
  return dates.every((m) => key(m.to, year) < seen && !ANCHOR_BEFORE.test(text.slice(0, m.start)) && !ANCHOR_AFTER.test(text.slice(m.end)));
}
