/**
 * "What's new": whether an article counts as new since a date or instant. Pure: `since` is given.
 */
import { fail, ok, type Article, type Result } from '../model.ts';
import { parseDay } from './day.ts';

/** A validated `since` bound: a whole day (`YYYY-MM-DD`) or an instant (epoch milliseconds). */
export type SinceBound = { kind: 'date'; date: string } | { kind: 'instant'; instant: string; ms: number };

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Validates a `since` string: `YYYY-MM-DD` (a real calendar day) or an ISO instant such as
 * `2025-09-07T18:00:00Z` (an instant without a zone is read as UTC).
 */
export function parseSince(input: string): Result<SinceBound> {
  const s = input.trim();
  const bad = (why: string) =>
    fail({
      code: 'bad_date' as const,
      input,
      message: `since "${input}" ${why}: use a date YYYY-MM-DD (e.g. 2025-09-07) or an ISO instant (e.g. 2025-09-07T18:00:00Z)`,
    });
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const d = parseDay(s);
    return d && d.year !== undefined ? ok({ kind: 'date', date: s }) : bad('is not a real calendar day');
  }
  const m = INSTANT.exec(s);
  if (!m) return bad('is not a date or an instant');
  const day = parseDay(m[1] ?? '');
  if (!day || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return bad('is not a real date and time');
  const ms = Date.parse(m[5] ? s : `${s}Z`);
  if (Number.isNaN(ms)) return bad('is not a real date and time');
  return ok({ kind: 'instant', instant: s, ms });
}

/** The UTC calendar day of an epoch instant, `YYYY-MM-DD`. */
function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * True when the article counts as new since `since`: published after it, or, with no publication
 * date, added to the corpus after it. A date-only `since` means "after that whole day", so an
 * article published on that day is not new. Against an instant, a date-only publication counts
 * as new only when its day is after the instant's UTC day. An article with neither date is never new.
 * Throws on an invalid `since`; call `parseSince` first to report it as a value.
 */
export function isNewSince(article: Pick<Article, 'published' | 'addedAt'>, since: string | SinceBound): boolean {
  let bound: SinceBound;
  if (typeof since === 'string') {
    const r = parseSince(since);
    if (!r.ok) throw new Error(r.error.code === 'bad_date' ? r.error.message : `bad since "${since}"`);
    bound = r.value;
  } else bound = since;
  const when = article.published ?? article.addedAt;
  if (!when) return false;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(when);
  const ms = dateOnly ? NaN : Date.parse(when);
  if (bound.kind === 'date') {
    const day = dateOnly ? when : Number.isNaN(ms) ? undefined : utcDay(ms);
    return day !== undefined && day > bound.date;
  }
  if (dateOnly) return when > utcDay(bound.ms);
  return !Number.isNaN(ms) && ms > bound.ms;
}
