import type { Evidence, SourceRef, TimelineEvent } from '../model.ts';
import { addDays, parseRange, rangeContains, sameDay, formatDay, isExact, weekday, type Day, type DayRange } from './day.ts';
import { contentWords, eventKinds, overlap } from './event-cues.ts';
import { withoutHints, type ExtractedEvent } from './extracted-event.ts';

interface Group {
  day: Day;
  event: ExtractedEvent;
  /** The reports merged so far (up to `MAX_MEMBERS`); a new report is compared with each. */
  members: { words: Set<string>; kinds: Set<string> }[];
  /** Keys of the event's sources, evidence and topics, so absorbing a report costs its own size only. */
  seen: { sources: Set<string>; evidence: Set<string>; topics: Set<string> };
  /** Every content word of the group's reports. */
  words: Set<string>;
}

/** True when two word sets share at least two words. */
function sharesTwo(a: Set<string>, b: Set<string>): boolean {
  let n = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w) && ++n >= 2) return true;
  return false;
}

const evidenceKey = (e: Evidence): string => `${e.article}#${e.sentence}`;

/** A new group of one report, owning copies of its lists. */
function newGroup(day: Day, c: Candidate): Group {
  const event = { ...c.event, date: formatDay(day), sources: [...c.event.sources], evidence: [...c.event.evidence], topics: [...c.event.topics] };
  return { day, event, members: [c], seen: keysOf(event), words: new Set(c.words) };
}

function keysOf(event: ExtractedEvent): Group['seen'] {
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

interface Candidate {
  range: DayRange;
  event: ExtractedEvent;
  words: Set<string>;
  kinds: Set<string>;
}

/** How alike two reports are; undefined when they are not the same event. */
function similarity(a: { words: Set<string>; kinds: Set<string> }, b: { words: Set<string>; kinds: Set<string> }): number | undefined {
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
function mergeInto(g: Group, event: ExtractedEvent, day?: Day): void {
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
function resolveWeekday(range: DayRange, target: number, years: YearsByDay): Day | undefined {
  const year = commonYearNear(years, dayOfYear(range.to));
  if (year === undefined) return undefined;
  for (let back = 0; back <= 7; back++) {
    const d = addDays({ year: year, month: range.to.month, day: range.to.day }, -back);
    if (weekday(d) === target && rangeContains(range, { month: d.month, day: d.day })) return { month: d.month, day: d.day };
  }
  return undefined;
}

/** Approximate day of the year → how many exact-day reports of each known year fall on it. */
type YearsByDay = Map<number, Map<number, number>>;

function yearsByDay(dated: Candidate[]): YearsByDay {
  const out: YearsByDay = new Map();
  for (const c of dated) {
    const year = c.range.from.year;
    if (year === undefined) continue;
    const key = dayOfYear(c.range.from);
    const counts = out.get(key) ?? new Map<number, number>();
    counts.set(year, (counts.get(year) ?? 0) + 1);
    out.set(key, counts);
  }
  return out;
}

/** The year most reports within a month (31 days either side) of a day agree on; the earlier year on a tie. */
function commonYearNear(years: YearsByDay, day: number): number | undefined {
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
function absorb(g: Group, c: Candidate, day?: Day): void {
  mergeInto(g, c.event, day);
  addMember(g, c);
}

/** Adds a report to the ones a group is compared by (up to `MAX_MEMBERS`), with its words. */
function addMember(g: Group, m: Group['members'][number]): void {
  if (g.members.length >= MAX_MEMBERS) return;
  g.members.push(m);
  for (const w of m.words) g.words.add(w);
}

/** How alike a report is to the closest report of a group. */
function groupSimilarity(g: Group, c: { words: Set<string>; kinds: Set<string> }): number | undefined {
  let top: number | undefined;
  for (const m of g.members) {
    const s = similarity(m, c);
    if (s !== undefined && (top === undefined || s > top)) top = s;
  }
  return top;
}

/** How many reports of a group new reports are compared with (keeps merging linear on big corpora). */
const MAX_MEMBERS = 12;

function best<T>(items: T[], score: (x: T) => number | undefined): T | undefined {
  let top: T | undefined;
  let topScore = -Infinity;
  for (const x of items) {
    const s = score(x);
    if (s !== undefined && s > topScore) {
      top = x;
      topScore = s;
    }
  }
  return top;
}

/**
 * Merges the same event reported by several articles (or twice in one): same day (an unknown year
 * matches a known one, and the merged event takes the full date) and similar content. Events dated
 * only by a range (`last week`, `mid-August`, a weekday with unknown year) join the most similar
 * exact-day event inside their range and are dropped otherwise, so every returned `date` is
 * `YYYY-MM-DD` or `--MM-DD`. A bare weekday whose year its article did not know is first resolved to
 * its day when nearby dated reports give the year (see `resolveWeekday`). Among merged reports, the
 * text shown is the one whose date most directly dates its main event. Sorted by date; days of
 * unknown year sort with the corpus's most common year. The merge hints are stripped.
 */
export function mergeEvents(events: readonly ExtractedEvent[]): TimelineEvent[] {
  const candidates: Candidate[] = [];
  for (const event of events) {
    const range = parseRange(event.date);
    if (range) candidates.push({ range, event, words: contentWords(event.text), kinds: eventKinds(event.text) });
  }
  const known = yearsByDay(candidates.filter((c) => isExact(c.range)));
  for (const c of candidates) {
    if (c.event.weekday === undefined || isExact(c.range) || c.range.to.year !== undefined) continue;
    const day = resolveWeekday(c.range, c.event.weekday, known);
    if (day) c.range = { from: day, to: day };
  }
  const exact = candidates.filter((c) => isExact(c.range)).sort((a, b) => Number(b.range.from.year !== undefined) - Number(a.range.from.year !== undefined));
  // Groups by month and day: only groups of the same day (whatever their known years) can merge.
  const byDay = new Map<string, Group[]>();
  const dayKey = (d: Day) => `${d.month}-${d.day}`;
  for (const c of exact) {
    const day = c.range.from;
    const bucket = byDay.get(dayKey(day)) ?? [];
    const g = best(
      bucket.filter((x) => sameDay(x.day, day) && sharesTwo(x.words, c.words)),
      (x) => groupSimilarity(x, c),
    );
    if (g) absorb(g, c, day);
    else if (bucket.length) bucket.push(newGroup(day, c));
    else byDay.set(dayKey(day), [newGroup(day, c)]);
  }
  // A second pass, so the result does not depend on the order reports arrived in: join groups of
  // the same day when any report of one matches a report of the other.
  for (const groups of byDay.values()) {
    for (let i = 0; i < groups.length; i++) {
      for (let j = groups.length - 1; j > i; j--) {
        const a = groups[i]!;
        const b = groups[j]!;
        if (!sameDay(a.day, b.day) || !sharesTwo(a.words, b.words) || !b.members.some((m) => groupSimilarity(a, m) !== undefined)) continue;
        mergeInto(a, b.event, b.day);
        for (const m of b.members) addMember(a, m);
        groups.splice(j, 1);
      }
    }
  }
  const all = [...byDay.values()].flat();
  const ranged = candidates.filter((c) => !isExact(c.range)).sort((a, b) => width(a.range) - width(b.range));
  for (const c of ranged) {
    // A vague date needs more than a shared speech verb to join an exact one: remarks alone do not count as the same kind.
    const strict = { words: c.words, kinds: new Set([...c.kinds].filter((k) => k !== 'remarks')) };
    // A report can only match a group sharing two of its words: check that on the group's words first.
    const near = groupsWithin(c.range, byDay, all).filter((x) => rangeContains(c.range, x.day) && sharesTwo(x.words, c.words));
    const g = best(near, (x) => groupSimilarity(x, strict));
    if (g) absorb(g, c);
  }
  const years = all.map((g) => g.day.year).filter((y): y is number => y !== undefined);
  const modal = mostCommon(years) ?? 0;
  const key = (d: Day) => (d.year ?? modal) * 10000 + d.month * 100 + d.day;
  return all.sort((a, b) => key(a.day) - key(b.day) || a.event.text.localeCompare(b.event.text)).map((g) => withoutHints(g.event));
}

/** The groups whose day may fall in a range: looked up day by day for short ranges, all of them for long ones. */
function groupsWithin(range: DayRange, byDay: Map<string, Group[]>, all: Group[]): Group[] {
  if (width(range) > 62) return all;
  const out: Group[] = [];
  let { month, day } = range.from;
  for (let n = 0; n <= 62; n++) {
    out.push(...(byDay.get(`${month}-${day}`) ?? []));
    if (month === range.to.month && day === range.to.day) break;
    day++;
    if (day > 31) {
      day = 1;
      month = (month % 12) + 1;
    }
  }
  return out;
}

function width(r: DayRange): number {
  return (r.to.month - r.from.month) * 31 + (r.to.day - r.from.day) + ((r.to.year ?? 0) - (r.from.year ?? 0)) * 372;
}

function mostCommon(xs: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let top: number | undefined;
  for (const [x, n] of counts) if (top === undefined || n > (counts.get(top) ?? 0)) top = x;
  return top;
}
