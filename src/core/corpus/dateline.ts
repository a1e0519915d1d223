/**
 * Parses the dateline that opens a news story: `BERLIN, Aug 26 (Example News):`,
 * `Paris, Aug 19 (Wire Service) -`, `LONDON, 26 August (Reuters) —`, `Springfield, Ill. —`, and the
 * underscore of older wire copy (`WASHINGTON _`).
 */
import type { Dateline } from '../model.ts';
import { MONTHS } from './abbreviations.ts';

const WORD = "\\p{Lu}[\\p{L}'’.-]*";
const PLACE = `${WORD}(?:[ ](?:${WORD}|of|de|del|da|la|el|am|upon|on)){0,3}`;
const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY = '(?:[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?';
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const DATE = `(?:(?<mon1>${MONTH})\\s+(?<day1>${DAY})|(?<day2>${DAY})\\s+(?<mon2>${MONTH})|(?<weekday>${WEEKDAY}))(?:,?\\s+\\d{4})?`;
const REGION = "\\p{Lu}[\\p{L}.'’-]*(?:\\s\\p{Lu}[\\p{L}.'’-]*)?";
const DATELINE = new RegExp(
  `^(?<place>${PLACE})(?:,\\s*(?!(?:${MONTH}|${WEEKDAY})\\b)(?<region>${REGION}))?(?:,\\s*${DATE})?\\s*(?:\\((?<outlet>[^()\\n]{1,40})\\))?\\s*(?<sep>:|—|–|--?|_)\\s+`,
  'u',
);

function isAllCaps(text: string): boolean {
  return /\p{Lu}{2}/u.test(text) && text === text.toUpperCase();
}

/**
 * Parses a dateline at `text[start]`, within `text[start, end)`. Returns it with its span (which
 * includes the separator and the space after it), or undefined. A bare `Place —` without a date or
 * outlet counts only when the place is in capitals or has a region (`Springfield, Ill. —`).
 */
export function parseDateline(text: string, start: number, end: number): Dateline | undefined {
  const head = text.slice(start, Math.min(end, start + 160));
  const m = DATELINE.exec(head);
  if (!m?.groups) return undefined;
  const g = m.groups;
  const place = g.place!;
  const monthName = g.mon1 ?? g.mon2;
  const day = g.day1 ?? g.day2;
  const hasDate = monthName !== undefined || g.weekday !== undefined;
  if (!hasDate && !g.outlet) {
    const dash = g.sep !== ':';
    if (!(isAllCaps(place) || (dash && g.region !== undefined))) return undefined;
  }
  if (m[0].length >= end - start) return undefined;
  const after = text[start + m[0].length]!;
  if (after !== after.toUpperCase()) return undefined; // a dateline is followed by a sentence start
  const raw = m[0].trimEnd();
  const dateline: Dateline = { raw, span: { start, end: start + raw.length } };
  dateline.place = g.region ? `${place}, ${g.region}` : place;
  const month = monthName ? MONTHS.get(monthName.replace('.', '').toLowerCase()) : undefined;
  if (month !== undefined) dateline.month = month;
  if (day) dateline.day = Number.parseInt(day, 10);
  if (g.outlet) dateline.outlet = g.outlet.trim();
  return dateline;
}
