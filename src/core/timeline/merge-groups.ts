/**
 * The pieces of the timeline merge: a group of reports of one event, how alike two reports are, how a
 * report joins a group, and how a bare weekday of unknown year finds its day.
 */
import type { Evidence, SourceRef } from '../model.ts';
import { addDays, rangeContains, formatDay, weekday, type Day, type DayRange } from './day.ts';
import { overlap } from './event-cues.ts';
import type { ExtractedEvent } from './extracted-event.ts';

export interface Group {
  day: Day;
  event: ExtractedEvent;
  /** The reports merged so far (up to `MAX_MEMBERS`); a new report is compared with each. */
  members: { words: Set<string>; kinds: Set<string> }[];
  /** Keys of the event's sources, evidence and topics, so absorbing a report costs its own size only. */
  seen: { sources: Set<string>; evidence: Set<string>; topics: Set<string> };
  /** Every content word of the group's reports. */
  words: Set<string>;
}

export const evidenceKey = (e: Evidence): string => `${e.article}#${e.sentence}`;

/** A new group of one report, owning copies of its lists. */
export function newGroup(day: Day, c: Candidate): Group {
  const event = { ...c.event, date: formatDay(day), sources: [...c.event.sources], evidence: [...c.event.evidence], topics: [...c.event.topics] };
  return { day, event, members: [c], seen: keysOf(event), words: new Set(c.words) };
}

/** The keys of an event's sources, evidence and topics (a group's `seen`). */
export function keysOf(event: ExtractedEvent): Group['seen'] {
  return {
    sources: new Set(event.sources.map((x) => x.article)),
    evidence: new Set(event.evidence.map(evidenceKey)),
    topics: new Set(event.topics),
  };
}

function pushUnique<T>(list: T[], seen: Set<string>, items: readonly T[], key: (x: T) => string): void {
  for (const x of items) {
    const k = key(x);
    if (seen.has(k)) continue;
    seen.add(k);
    list.push(x);
  }
}

export interface Candidate {
  range: DayRange;
  event: ExtractedEvent;
  words: Set<string>;
  kinds: Set<string>;
}

/** How alike two reports are; undefined when they are not the same event. */
export function similarity(a: { words: Set<string>; kinds: Set<string> }, b: { words: Set<string>; kinds: Set<string> }): number | undefined {
  const o = overlap(a.words, b.words);
  const sameKind = [...a.kinds].some((k) => b.kinds.has(k));
  if ((sameKind && o.shared >= 2) || (o.shared >= 3 && o.ratio >= 0.4)) return o.ratio + (sameKind ? 0.5 : 0) + o.shared / 100;
  return undefined;
}

function addUnique<T>(list: T[], items: T[], key: (x: T) => string): T[] {
  const seen = new Set(list.map(key));
  const out = [...list];
  for (const x of items) {
    const k = key(x);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return out;
}

/** Adds an event's sources, evidence and topics to a group (taking its full date when the group's year is unknown). */
export function mergeInto(g: Group, event: ExtractedEvent, day?: Day): void {
  if (day && g.day.year === undefined && day.year !== undefined) g.day = day;
  // The text shown is the report whose date most directly dates its main event; its evidence comes first.
  if ((event.directness ?? 1) > (g.event.directness ?? 1)) {
    const old = g.event;
    g.event = {
      ...old,
      text: event.text,
      directness: event.directness ?? 1,
      date: formatDay(g.day),
      sources: addUnique<SourceRef>(event.sources, old.sources, (x) => x.article),
      evidence: addUnique<Evidence>(event.evidence, old.evidence, evidenceKey),
      topics: addUnique<string>(old.topics, event.topics, (t) => t),
    };
    g.seen = keysOf(g.event);
    return;
  }
  g.event.date = formatDay(g.day);
  pushUnique(g.event.sources, g.seen.sources, event.sources, (x) => x.article);
  pushUnique(g.event.evidence, g.seen.evidence, event.evidence, evidenceKey);
  pushUnique(g.event.topics, g.seen.topics, event.topics, (t) => t);
}

/**
 * The day a bare weekday names when its year was unknown to its article (`on Saturday` under a
 * dateline `May 2`, the range `--04-26/--05-02`): computed with the year that the exact-day reports
 * of known year within a month of the range agree on most, and returned without that year (it is
 * only used to find the weekday; the event takes a year only by merging with a dated report).
 */
export function resolveWeekday(range: DayRange, target: number, years: YearsByDay): Day | undefined {
  const year = commonYearNear(years, dayOfYear(range.to));
  if (year === undefined) return undefined;
  for (let back = 0; back <= 7; back++) {
    const d = addDays({ year: year, month: range.to.month, day: range.to.day }, -back);
    if (weekday(d) === target && rangeContains(range, { month: d.month, day: d.day })) return { month: d.month, day: d.day };
  }
  return undefined;
}

/** Approximate day of the year → how many exact-day reports of each known year fall on it. */
export type YearsByDay = Map<number, Map<number, number>>;

/** The year most reports within a month (31 days either side) of a day agree on; the earlier year on a tie. */
export function commonYearNear(years: YearsByDay, day: number): number | undefined {
  const total = new Map<number, number>();
  for (let d = day - 31; d <= day + 31; d++) {
    for (const [year, n] of years.get(d) ?? []) total.set(year, (total.get(year) ?? 0) + n);
  }
  let top: number | undefined;
  for (const [year, n] of total) {
    const best = top === undefined ? -1 : (total.get(top) ?? 0);
    if (n > best || (n === best && top !== undefined && year < top)) top = year;
  }
  return top;
}

/** Approximate day of the year (months of 31 days), wrapping is ignored: enough to find reports within a month. */
const dayOfYear = (d: Day): number => (d.month - 1) * 31 + d.day;

/** Adds one report to a group. */
export function absorb(g: Group, c: Candidate, day?: Day): void {
  mergeInto(g, c.event, day);
  addMember(g, c);
}

/** Adds a report to the ones a group is compared by (up to `MAX_MEMBERS`), with its words. */
export function addMember(g: Group, m: Group['members'][number]): void {
  if (g.members.length >= MAX_MEMBERS) return;
  g.members.push(m);
  for (const w of m.words) g.words.add(w);
}

/** How alike a report is to the closest report of a group. */
export function groupSimilarity(g: Group, c: { words: Set<string>; kinds: Set<string> }): number | undefined {
  let top: number | undefined;
  for (const m of g.members) {
    const s = similarity(m, c);
    if (s !== undefined && (top === undefined || s > top)) top = s;
  }
  return top;
}

/** How many reports of a group new reports are compared with (keeps merging linear on big corpora). */
export const MAX_MEMBERS = 12;

export function width(r: DayRange): number {
  return (r.to.month - r.from.month) * 31 + (r.to.day - r.from.day) + ((r.to.year ?? 0) - (r.from.year ?? 0)) * 372;
}

/** True when two word sets share at least two words. */
export function sharesTwo(a: Set<string>, b: Set<string>): boolean {
  let n = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w) && ++n >= 2) return true;
  return false;
}
