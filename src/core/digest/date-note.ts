import type { Article } from '../model.ts';
import { referenceDate, resolveDates } from '../timeline/dates.ts';

/**
 * Relative days in a point (`on Sunday`, `yesterday`) are relative to the article, but the digest
 * shows the point next to citations that may carry another date. The resolved day is added in
 * brackets after such an expression: `on Sunday [3 May]`.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A day named relative to the article's date (not a stated one). */
const RELATIVE = /^(?:(?:last|this|next|on)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)\b/i;
/** Cheap pre-check before resolving dates at all. */
const ANY_RELATIVE = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)\b/i;
/** A stated date right after the expression (`Sunday, May 3`, `Sunday (3 May)`): nothing to add. */
const STATED_AFTER = /^\s*(?:,\s*)?[([]?\s*(?:\d|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)/;

/**
 * Relative days resolve to the past (reporting looks back), so only a day in a clause that reports a
 * past event is annotated: a past-tense verb before it and no future or plan marker (`take effect on
 * Friday`, `will meet on Monday` are left alone).
 */
const PAST =
  /\b(?:\p{L}{2,}ed|said|met|held|told|spoke|began|took|gave|made|won|left|sent|struck|hit|fell|rose|came|went|sat|broke|signed|paid|shot|fought|ran|brought|thought|wrote|led|kept|found|held)\b/iu;
const FUTURE =
  /\b(?:will|would|shall|'ll|due|scheduled|set to|is to|are to|going to|plans?|planned|expected|takes? effect|next|prepar(?:ed|es|ing) to|ready to|aim(?:s|ed)? to|intend(?:s|ed)? to|hop(?:es|ed) to)\b/i;

/** The clause a date expression closes: from the last clause boundary before it. */
function clauseBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  let start = 0;
  for (const m of before.matchAll(CLAUSE_BOUNDARY)) start = m.index + m[0].length;
  return before.slice(start);
}

const CLAUSE_BOUNDARY = /(?:[,;:]|\b(?:that|and|but|while|when)\b)\s+/gi;

const reportsPast = (clause: string) => PAST.test(clause) && !FUTURE.test(clause);

/** Words a date note adds (`[3 May]`). */
export const NOTE_WORDS = 2;

/** How many relative days a text names (an upper bound on the date notes `annotateRelativeDays` adds). */
export function relativeDays(text: string): number {
  return (text.match(ANY_RELATIVE_ALL) ?? []).length;
}

const ANY_RELATIVE_ALL = new RegExp(ANY_RELATIVE.source, 'gi');

/** `text` with `[D Month]` after each relative day that resolves to one day against the article's date. */
export function annotateRelativeDays(text: string, article: Pick<Article, 'published' | 'dateline'>): string {
  if (!ANY_RELATIVE.test(text)) return text;
  const ref = referenceDate(article);
  if (!ref) return text;
  const notes = resolveDates(text, ref).filter(
    (m) =>
      m.basis === 'reference' &&
      m.precision === 'day' &&
      m.from.month === m.to.month &&
      m.from.day === m.to.day &&
      RELATIVE.test(m.text) &&
      !STATED_AFTER.test(text.slice(m.end)) &&
      reportsPast(clauseBefore(text, m.start)),
  );
  let out = text;
  for (const m of notes.reverse()) out = `${out.slice(0, m.end)} [${m.from.day} ${MONTHS[m.from.month - 1]}]${out.slice(m.end)}`;
  return out;
}
