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
  /\b(?:will|would|shall|'ll|due|scheduled|set to|is to|are to|going to|plans?|planned|expected|takes? effect|next|prepar(?:ed|es|ing) to|ready to|aim(?:s|ed)? to|intend(?:s|ed)? to|hop(?:e|es|ed) to)\b/i;

/** The clause a date expression closes: from the last clause boundary before it. */
function clauseBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  let start = 0;
  for (const m of before.matchAll(CLAUSE_BOUNDARY)) start = m.index + m[0].length;
  return before.slice(start);
}

const CLAUSE_BOUNDARY = /(?:[,;:]|\b(?:that|and|but|while|when)\b)\s+/gi;

const reportsPast = (clause: string) => PAST.test(clause) && !FUTURE.test(clause);

/** The words right after a date expression, to the next clause boundary: the verb of `Vela Tuesday demanded …`. */
function clauseAfter(text: string, end: number): string {
  const after = text.slice(end, end + 60);
  const stop = /[;:]|\b(?:that|and|but|while|when)\b/i.exec(after);
  return stop ? after.slice(0, stop.index) : after;
}

/** A day that needs no tense to be placed: it is the article's own day or the one before. */
const ABSOLUTE_RELATIVE = /^(?:yesterday|today|tonight)$/i;

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY = /\b(?:(?:on|by|next|this|until|before)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/gi;

/** The first such weekday after the reference day (a plan names the coming one); undefined on the same weekday. */
function comingDay(ref: { year?: number; month: number; day: number }, weekday: string): { month: number; day: number } | undefined {
  if (ref.year === undefined) return undefined;
  const base = Date.UTC(ref.year, ref.month - 1, ref.day);
  const ahead = (WEEKDAYS.indexOf(weekday.toLowerCase()) - new Date(base).getUTCDay() + 7) % 7;
  if (ahead === 0) return undefined;
  const d = new Date(base + ahead * 86_400_000);
  return { month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

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
  const notes: { end: number; day: { month: number; day: number } }[] = [];
  for (const m of resolveDates(text, ref)) {
    if (m.basis !== 'reference' || m.precision !== 'day' || m.from.month !== m.to.month || m.from.day !== m.to.day) continue;
    if (!RELATIVE.test(m.text) || STATED_AFTER.test(text.slice(m.end))) continue;
    const before = clauseBefore(text, m.start);
    const after = clauseAfter(text, m.end);
    const absolute = ABSOLUTE_RELATIVE.test(m.text.replace(/^(?:last|this|next|on)\s+/i, ''));
    // A past report (its verb before the day, or just after it: `Vela Tuesday demanded`), or a day that needs no tense.
    if (absolute || reportsPast(before) || (!FUTURE.test(before) && reportsPast(after))) notes.push({ end: m.end, day: m.from });
  }
  // A weekday in a plan (`will meet on Monday`, `hope to land by Saturday`) is the coming one.
  for (const m of text.matchAll(WEEKDAY)) {
    const end = m.index + m[0].length;
    if (notes.some((n) => n.end === end) || STATED_AFTER.test(text.slice(end))) continue;
    // The plan may be stated a clause earlier (`They hope to reach the coast, perhaps by Saturday`).
    const before = clauseBefore(text, m.index);
    if (reportsPast(before) || (!FUTURE.test(before) && reportsPast(clauseAfter(text, end)))) continue;
    if (!FUTURE.test(`${text.slice(Math.max(0, m.index - 80), m.index)} ${clauseAfter(text, end)}`)) continue;
    const day = comingDay(ref, m[1]!);
    if (day) notes.push({ end, day });
  }
  // A possessive day keeps its ending before the note (`Tuesday's [17 August] quake`).
  for (const n of notes) n.end += /^['’]s\b/.exec(text.slice(n.end))?.[0].length ?? 0;
  let out = text;
  for (const n of notes.sort((a, b) => b.end - a.end)) out = `${out.slice(0, n.end)} [${n.day.day} ${MONTHS[n.day.month - 1]}]${out.slice(n.end)}`;
  return out;
}
