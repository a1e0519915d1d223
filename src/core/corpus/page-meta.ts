/**
 * Page metadata that scrapers leave as lines of their own: a publication stamp (`Published 6 May
 * 2026, 09:15 GMT`, `Posted on May 6, 2026`, `Updated: 2026-05-06`) and a navigation breadcrumb
 * (`Example News | World | Europe`). Both are debris, not content; they can still give the
 * publication date and the outlet when nothing better does.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';

const STAMP = /^(?:(first published|published|posted|last updated|updated|modified)(?:\s+(?:on|at))?\s*:?\s*)([\p{L}\p{N},:. /+()-]{1,60})$/iu;
const DAY_MONTH_YEAR = new RegExp(`^(?:[A-Z][a-z]+,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+((?:19|20)\\d{2})\\b`, 'i');
const MONTH_DAY_YEAR = new RegExp(`^(?:[A-Z][a-z]+,?\\s+)?${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b`, 'i');
const ISO = /^((?:19|20)\d{2})-(\d{2})-(\d{2})\b/;

/** A publication stamp line's date. */
export interface PageStamp {
  /** `YYYY-MM-DD`. */
  date: string;
  /** True for `Updated …`/`Modified …` stamps, which say when the page last changed, not when it appeared. */
  updated: boolean;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1) return undefined;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const monthOf = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** The date of a whole-line publication stamp (`Published 6 May 2026, 09:15 GMT`), if the line is one with a full date. */
export function pageStamp(line: string): PageStamp | undefined {
  const m = STAMP.exec(line.trim());
  if (!m) return undefined;
  const rest = (m[2] ?? '').trim();
  const updated = /updated|modified/i.test(m[1] ?? '');
  let date: string | undefined;
  const iso = ISO.exec(rest);
  if (iso) date = validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = DAY_MONTH_YEAR.exec(rest);
  if (!date && dmy) date = validDay(Number(dmy[3]), monthOf(dmy[2] ?? ''), Number(dmy[1]));
  const mdy = MONTH_DAY_YEAR.exec(rest);
  if (!date && mdy) date = validDay(Number(mdy[3]), monthOf(mdy[1] ?? ''), Number(mdy[2]));
  return date ? { date, updated } : undefined;
}

/** A capitalised word of a breadcrumb segment (`World`, `Europe`, `U.S.`, `&`). */
const CRUMB_WORD = /^(?:\p{Lu}[\p{L}\p{N}.'’&-]*|&|and|of|the)$/u;
const CRUMB_SEPARATOR = /\s+(?:\||›|»|>|\/)\s+/;

/**
 * The segments of a breadcrumb line (`Example News | World | Europe`): at least two segments of one
 * to three capitalised words each, separated by `|`, `›`, `»`, `>` or `/` with spaces around.
 */
export function breadcrumb(line: string): string[] | undefined {
  if (line.length > 120) return undefined;
  const parts = line.trim().split(CRUMB_SEPARATOR);
  if (parts.length < 2) return undefined;
  for (const p of parts) {
    const words = p.split(/\s+/).filter(Boolean);
    if (words.length === 0 || words.length > 3 || !words.every((w) => CRUMB_WORD.test(w)) || !/^\p{Lu}/u.test(words[0]!)) return undefined;
  }
  return parts.map((p) => p.trim());
}

/** The outlet a breadcrumb names first (`Example News` of `Example News | World`): a segment of two or more words, not a section. */
export function breadcrumbOutlet(parts: string[]): string | undefined {
  const first = parts[0];
  if (!first || first.split(/\s+/).length < 2) return undefined;
  if (/^(?:home|news|world|top stories|latest news)$/i.test(first)) return undefined;
  return first;
}
