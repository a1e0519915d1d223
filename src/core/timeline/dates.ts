/**
 * Date expressions in a sentence, resolved against an article's reference date.
 *
 * Representation: every mention resolves to an inclusive range of days. An exact day has equal ends
 * (`precision: 'day'`). Coarser expressions keep their real extent instead of a fake precise day:
 * `last week` is a week, `mid-August` is the 11th–20th, `in 2014` is the whole year, and a bare
 * weekday whose year is unknown (so its day cannot be computed) is the window of days it can fall on
 * (`precision: 'weekday'`). A year is present only when the text states it or the reference date
 * has one; it is never filled in by the parser's defaults.
 */
import * as chrono from 'chrono-node/en';
import type { Article } from '../model.ts';
import { addDays, daysInMonth, isValidDay, shiftRange, weekday, type Day, type DayRange } from './day.ts';

/** How exact a resolved date is. */
export type DatePrecision = 'day' | 'weekday' | 'week' | 'month' | 'year';

/** One date expression found in a text, with the days it can denote. */
export interface DateMention extends DayRange {
  /** The expression as written. */
  text: string;
  /** Offsets into the text that was searched. */
  start: number;
  end: number;
  precision: DatePrecision;
  /** Stated outright, relative to the reference date, or relative to the previous date in the article. */
  basis: 'absolute' | 'reference' | 'previous';
  /** For a bare weekday whose day could not be computed (`precision: 'weekday'`): the weekday named, 0 = Sunday. */
  weekday?: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAME = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const MONTH_ABBR = '(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
/** A capitalised month name or abbreviation, or an ISO date: what a chrono parse must contain to be trusted. */
const STRONG_DATE = new RegExp(`(?:\\b${MONTH_NAME}\\b|\\b${MONTH_ABBR}(?![a-z])|\\b\\d{4}-\\d{2}-\\d{2}\\b)`);

/**
 * The date an article's relative expressions are resolved against: the dateline's month and day
 * (the day of reporting) with the year of the publication date when the two are at most a week
 * apart, else the publication date (year known), else the dateline's month and day (year unknown),
 * else undefined.
 */
export function referenceDate(article: Pick<Article, 'published' | 'dateline'>): Day | undefined {
  const dl = article.dateline;
  const line: Day | undefined = dl?.month && dl.day ? { month: dl.month, day: dl.day } : undefined;
  const dateline = line && isValidDay(line) ? line : undefined;
  const m = article.published ? /^(\d{4})-(\d{2})-(\d{2})/.exec(article.published) : null;
  const pub: Day | undefined = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
  if (pub && isValidDay(pub)) {
    if (dateline) {
      for (let back = 0; back <= 7; back++) {
        const d = addDays(pub, -back);
        if (d.month === dateline.month && d.day === dateline.day) return d;
      }
    }
    return pub;
  }
  return dateline;
}

const exact = (d: Day): DayRange => ({ from: d, to: d });
const withYear = (d: Omit<Day, 'year'>, year: number | undefined): Day => (year === undefined ? { ...d } : { ...d, year });

/** The year of a month named without one: the reference year, or the one before when that month is still to come. */
function impliedYear(month: number, ref: Day | undefined): number | undefined {
  if (ref?.year === undefined) return undefined;
  return month <= ref.month ? ref.year : ref.year - 1;
}

type Candidate = Omit<DateMention, 'basis'> & { basis: DateMention['basis'] };

/** Month and day written out (`August 15`, `Aug. 15`, `15 August 2024`, `2025-08-15`), via chrono. */
function absoluteDays(text: string, ref: Day | undefined): Candidate[] {
  const instant = new Date(Date.UTC(ref?.year ?? 2000, (ref?.month ?? 7) - 1, ref?.day ?? 1, 12));
  const out: Candidate[] = [];
  if (!STRONG_DATE.test(text)) return out; // chrono is slow; most sentences name no month
  for (const r of chrono.strict.parse(text, { instant, timezone: 0 })) {
    const written = r.text.trimEnd();
    if (!STRONG_DATE.test(written) || !r.start.isCertain('month') || !r.start.isCertain('day')) continue;
    const month = r.start.get('month');
    const day = r.start.get('day');
    if (month === null || day === null) continue;
    const stated = r.start.isCertain('year');
    const year = stated ? (r.start.get('year') ?? undefined) : ref?.year !== undefined ? (r.start.get('year') ?? undefined) : undefined;
    const d = withYear({ month, day }, year);
    if (!isValidDay(d)) continue;
    out.push({ text: written, start: r.index, end: r.index + written.length, ...exact(d), precision: 'day', basis: 'absolute' });
  }
  return out;
}

const PART_OF_MONTH = new RegExp(
  `\\b(?:([Ee]arly|[Mm]id|[Ll]ate)[- ]?|(?:[Tt]he )?([Bb]eginning|[Ss]tart|[Mm]iddle|[Ee]nd) of |(?:[Ii]n|[Dd]uring|[Ss]ince|[Uu]ntil|[Bb]y|[Tt]hroughout|[Tt]hrough) )(${MONTH_NAME}|${MONTH_ABBR})(?:,? ((?:1[89]|20)\\d{2})\\b)?`,
  'g',
);

/** `mid-August`, `early March 2024`, `in May`, `the end of June`: part of a month. */
function monthParts(text: string, ref: Day | undefined): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(PART_OF_MONTH)) {
    const name = (m[3] ?? '').replace('.', '').toLowerCase();
    const month = MONTHS.findIndex((x) => x.startsWith(name.slice(0, 3))) + 1;
    if (month === 0) continue;
    const year = m[4] ? Number(m[4]) : impliedYear(month, ref);
    const part = (m[1] ?? m[2] ?? '').toLowerCase();
    const last = daysInMonth(year ?? 2000, month);
    const [a, b] =
      part === 'early' || part === 'beginning' || part === 'start'
        ? [1, 10]
        : part === 'mid' || part === 'middle'
          ? [11, 20]
          : part === 'late' || part === 'end'
            ? [21, last]
            : [1, last];
    // Keep the preposition out of the mention text; keep the part-of-month word in it.
    const lead = m[1] || m[2] ? 0 : m[0].indexOf(m[3] ?? '');
    out.push({
      text: m[0].slice(lead),
      start: m.index + lead,
      end: m.index + m[0].length,
      from: withYear({ month, day: a }, year),
      to: withYear({ month, day: b }, year),
      precision: 'month',
      basis: 'absolute',
    });
  }
  return out;
}

/** `in 2014`, `since 1991`: a whole year. */
function years(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(/\b(?:in|since|during|by|until|from|of)\s+((?:1[89]|20)\d{2})\b(?![-/]\d)/g)) {
    const year = Number(m[1]);
    const start = m.index + m[0].length - 4;
    out.push({
      text: m[1] ?? '',
      start,
      end: start + 4,
      from: { year, month: 1, day: 1 },
      to: { year, month: 12, day: 31 },
      precision: 'year',
      basis: 'absolute',
    });
  }
  return out;
}

const WEEKDAY_RE = new RegExp(
  `\\b(?:([Nn]ext|[Cc]oming|[Tt]his coming|[Ff]ollowing)\\s+|([Ll]ast|[Tt]his past|[Pp]ast)\\s+)?(${WEEKDAYS.join('|')})\\b(?!s\\b)`,
  'g',
);

/** A bare weekday means the most recent one on or before the reference date (`last Monday`: strictly before). */
function weekdays(text: string, ref: Day): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(WEEKDAY_RE)) {
    if (m[1]) continue; // a future weekday is not something that happened
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (/\b(?:next|coming|every|each|until|by)\s+$/i.test(before)) continue;
    const strict = Boolean(m[2]);
    const target = WEEKDAYS.indexOf(m[3] ?? '');
    const wd = weekday(ref);
    let range: DayRange;
    let precision: DatePrecision = 'day';
    if (wd === undefined) {
      // The year is unknown, so the reference date's weekday is too: keep the window of possible days.
      range = strict ? { from: addDays(ref, -7), to: addDays(ref, -1) } : { from: addDays(ref, -6), to: ref };
      precision = 'weekday';
    } else {
      let back = (wd - target + 7) % 7;
      if (strict && back === 0) back = 7;
      range = exact(addDays(ref, -back));
    }
    const c: Candidate = { text: m[0], start: m.index, end: m.index + m[0].length, ...range, precision, basis: 'reference' };
    if (precision === 'weekday') c.weekday = target;
    out.push(c);
  }
  return out;
}

/** `yesterday`, `today`, `last week`, `earlier this week`, `last month`, `last year`. */
function relativeToReference(text: string, ref: Day): Candidate[] {
  const out: Candidate[] = [];
  const re = /\b(the day before yesterday|yesterday|today|tonight|last week|earlier this week|last month|last year)\b/gi;
  for (const m of text.matchAll(re)) {
    const w = (m[1] ?? '').toLowerCase();
    let range: DayRange;
    let precision: DatePrecision = 'day';
    if (w === 'yesterday') range = exact(addDays(ref, -1));
    else if (w === 'the day before yesterday') range = exact(addDays(ref, -2));
    else if (w === 'today' || w === 'tonight') range = exact(ref);
    else if (w === 'last week' || w === 'earlier this week') {
      precision = 'week';
      const wd = weekday(ref);
      if (wd === undefined) range = w === 'last week' ? { from: addDays(ref, -13), to: addDays(ref, -1) } : { from: addDays(ref, -6), to: ref };
      else {
        const monday = addDays(ref, -((wd + 6) % 7));
        range = w === 'last week' ? { from: addDays(monday, -7), to: addDays(monday, -1) } : { from: monday, to: ref };
      }
    } else if (w === 'last month') {
      precision = 'month';
      const month = ref.month === 1 ? 12 : ref.month - 1;
      const year = ref.year === undefined ? undefined : ref.month === 1 ? ref.year - 1 : ref.year;
      range = { from: withYear({ month, day: 1 }, year), to: withYear({ month, day: daysInMonth(year ?? 2000, month) }, year) };
    } else {
      if (ref.year === undefined) continue;
      precision = 'year';
      range = { from: { year: ref.year - 1, month: 1, day: 1 }, to: { year: ref.year - 1, month: 12, day: 31 } };
    }
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, ...range, precision, basis: 'reference' });
  }
  return out;
}

/**
 * What every date expression below contains (a month or its abbreviation, a year or ISO date, a weekday,
 * `day`, `night`, `week`, `month`, `year`, `morning`, `evening`): a sentence without any is skipped with one scan.
 */
const MAY_HOLD_DATE = /day|night|week|month|year|morning|evening|\d{4}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;

const ANAPHORA =
  /\b(the next day|the following day|the day after|the previous day|the day before|earlier that day|later that day|earlier the same day|later the same day|that same day|the same day|that day|that morning|that evening|that night)\b/gi;

/** The shift in days of an anaphoric expression from the date it refers back to. */
function anaphoraShift(w: string): number {
  const s = w.toLowerCase();
  if (s === 'the next day' || s === 'the following day' || s === 'the day after') return 1;
  if (s === 'the previous day' || s === 'the day before') return -1;
  return 0;
}

/** Keeps the longest of overlapping mentions. */
function dropOverlaps(all: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of [...all].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Finds and resolves the date expressions of one text (a sentence). `ref` is the article's reference
 * date (see `referenceDate`); without it only stated dates (month and day, part of a month, a year)
 * resolve. `previous` is the last date mentioned before this text in the article, for `the next day`
 * or `earlier that day`. Mentions come back in text order.
 */
export function resolveDates(text: string, ref?: Day, previous?: DayRange & { precision?: DatePrecision }): DateMention[] {
  if (!MAY_HOLD_DATE.test(text)) return [];
  const found = [...absoluteDays(text, ref), ...monthParts(text, ref), ...years(text)];
  if (ref) found.push(...weekdays(text, ref), ...relativeToReference(text, ref));
  for (const m of text.matchAll(ANAPHORA)) {
    found.push({
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      from: { month: 1, day: 1 },
      to: { month: 1, day: 1 },
      precision: 'day',
      basis: 'previous',
    });
  }
  const out: DateMention[] = [];
  let last: (DayRange & { precision: DatePrecision }) | undefined = previous
    ? { from: previous.from, to: previous.to, precision: previous.precision ?? 'day' }
    : undefined;
  const sorted = dropOverlaps(found);
  for (const c of sorted) {
    if (c.basis === 'previous') {
      // `the day after the talks ended on May 2`: the day is counted from the date of what follows, when the sentence states it.
      const shift = anaphoraShift(c.text);
      const named = shift !== 0 && /^\s+(?:the|a|an|his|her|its|their)\b/i.test(text.slice(c.end));
      const anchor = named ? sorted.find((k) => k.start >= c.end && k.basis !== 'previous' && k.precision === 'day') : undefined;
      if (anchor) {
        const r = shiftRange(anchor, shift);
        out.push({ ...c, ...r, precision: 'day' });
        last = { ...r, precision: 'day' };
        continue;
      }
      if (!last || last.precision === 'week' || last.precision === 'month' || last.precision === 'year') continue;
      const r = shiftRange(last, shift);
      out.push({ ...c, ...r, precision: last.precision });
      last = { ...r, precision: last.precision };
      continue;
    }
    out.push(c);
    last = c;
  }
  return out;
}
