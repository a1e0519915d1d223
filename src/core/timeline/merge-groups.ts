/**
 * The pieces of the timeline merge: a group of reports of one event, how alike two reports are, how a
 * report joins a group, and how a bare weekday of unknown year finds its day.
 */
import type { Evidence, SourceRef } from '../model.ts';
import { addDays, dayOfYear, rangeContains, formatDay, weekday, type Day, type DayRange } from './day.ts';
import type { ExtractedEvent } from './extracted-event.ts';
import { idsOf, similarity, type Ids } from './word-ids.ts';

export interface Group {
  day: Day;
  event: ExtractedEvent;
  /** The reports merged so far (up to `MAX_MEMBERS`), as the group keeps and stores them. */
  members: Member[];
  /** The members that differ in words or kinds (a copy of a report says nothing its first does not): a new report is compared with each. */
  distinct: Member[];
  /** Their words and kinds as numbers (`idsOf`), in the same order. */
  numbered: Ids[];
  /** Keys of the event's sources, evidence and topics, so absorbing a report costs its own size only. */
  seen: { sources: Set<string>; evidence: Set<string>; topics: Set<string> };
  /** Every content word of the group's reports. */
  words: Set<string>;
  /** Every kind of its reports, and the fewest words a report of it has (bounds how alike a report can be to it). */
  kinds: Set<string>;
  fewest: number;
}

/** A report as a group compares it: its content words and kinds of event. */
export interface Member {
  words: Set<string>;
  kinds: Set<string>;
}

export const evidenceKey = (e: Evidence): string => `${e.article}#${e.sentence}`;

/** A new group of one report, owning copies of its lists. */
export function newGroup(day: Day, c: Candidate): Group {
  const event = { ...c.event, date: formatDay(day), sources: [...c.event.sources], evidence: [...c.event.evidence], topics: [...c.event.topics] };
  return { day, event, ...compared([c]), seen: keysOf(event) };
}

/** The parts of a group made from its members: the distinct ones, their words and kinds, the fewest words. */
export function compared(members: Member[]): Pick<Group, 'members' | 'distinct' | 'numbered' | 'words' | 'kinds' | 'fewest'> {
  const out = { members, distinct: [] as Member[], numbered: [] as Ids[], words: new Set<string>(), kinds: new Set<string>(), fewest: Infinity };
  for (const m of members) addDistinct(out, m);
  return out;
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
export function resolveWeekday(range: DayRange, target: number, years: YearsByDay, near = new Map<number, number | undefined>()): Day | undefined {
  // `near`: the common years already found near a day, while `years` is unchanged.
  const at = dayOfYear(range.to);
  if (!near.has(at)) near.set(at, commonYearNear(years, at));
  const year = near.get(at);
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

/** Adds one report to a group; the words the group gains are added to `gained`. */
export function absorb(g: Group, c: Candidate, day: Day | undefined, gained: string[]): void {
  mergeInto(g, c.event, day);
  addMember(g, c, gained);
}

/** Adds a report to the ones a group is compared by (up to `MAX_MEMBERS`), with its words; those new to the group are added to `gained`. */
export function addMember(g: Group, m: Member, gained: string[]): void {
  if (g.members.length >= MAX_MEMBERS) return;
  g.members.push(m);
  addDistinct(g, m, gained);
}

function addDistinct(g: Pick<Group, 'distinct' | 'numbered' | 'words' | 'kinds' | 'fewest'>, m: Member, gained?: string[]): void {
  if (g.distinct.some((x) => sameMember(x, m))) return;
  g.distinct.push(m);
  g.numbered.push(idsOf(m));
  for (const w of m.words) {
    if (g.words.has(w)) continue;
    g.words.add(w);
    gained?.push(w);
  }
  for (const k of m.kinds) g.kinds.add(k);
  g.fewest = Math.min(g.fewest, m.words.size);
}

const sameSet = (a: Set<string>, b: Set<string>): boolean => {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
};

/** True when two reports have the same words and kinds (so compare alike with every report). */
const sameMember = (a: Member, b: Member): boolean => sameSet(a.words, b.words) && sameSet(a.kinds, b.kinds);

/** How alike a report is to the closest report of a group; the first to reach `ceiling` (when no report can be more alike) ends the search. */
export function groupSimilarity(g: Group, c: Ids, ceiling = Infinity): number | undefined {
  let top: number | undefined;
  for (const m of g.numbered) {
    const s = similarity(m, c);
    if (s !== undefined && (top === undefined || s > top)) {
      top = s;
      if (top >= ceiling) break;
    }
  }
  return top;
}

/** True when a report of one group is alike a report of the other (`similarity` is symmetric: each pair is compared once). */
export function anyAlike(a: Group, b: Group): boolean {
  return b.numbered.some((m) => groupSimilarity(a, m) !== undefined);
}

/**
 * The group a report is most alike (`groupSimilarity`), the first of equals in the order given; undefined
 * when it is alike none. `shared` is how many of the report's words each group has: with the group's kinds
 * and its fewest words per report it bounds how alike the report can be, so a group that cannot beat the
 * best one found is not compared report by report (the answer is the same as comparing every one).
 */
export function mostAlike<G extends Group>(groups: readonly G[], shared: (g: G) => number, c: Member): G | undefined {
  const n = c.words.size;
  const ids = idsOf(c);
  const bounds = new Float64Array(groups.length);
  const order: number[] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    bounds[i] = bound(g, Math.min(shared(g), n), n, c.kinds);
    order.push(i);
  }
  order.sort((a, b) => bounds[b]! - bounds[a]! || a - b);
  let top = -1;
  let topScore = -Infinity;
  for (const i of order) {
    const ceiling = bounds[i]!;
    if (ceiling < topScore || ceiling === -Infinity) break;
    if (ceiling === topScore && i > top) continue;
    const s = groupSimilarity(groups[i]!, ids, ceiling);
    if (s !== undefined && (s > topScore || (s === topScore && i < top))) {
      top = i;
      topScore = s;
    }
  }
  return groups[top];
}

/** The most `similarity` can give a report of `n` words, `shared` of them in the group, with any report of the group. */
function bound(g: Group, shared: number, n: number, kinds: Set<string>): number {
  let sameKind = false;
  for (const k of kinds) {
    if (g.kinds.has(k)) {
      sameKind = true;
      break;
    }
  }
  if (shared < 2 || (!sameKind && shared < 3)) return -Infinity;
  const least = Math.min(g.fewest, n);
  const ratio = least === 0 ? 1 : Math.min(1, shared / least);
  return ratio + (sameKind ? 0.5 : 0) + shared / 100;
}

/** How many reports of a group new reports are compared with (keeps merging linear on big corpora). */
export const MAX_MEMBERS = 12;

export function width(r: DayRange): number {
  return (r.to.month - r.from.month) * 31 + (r.to.day - r.from.day) + ((r.to.year ?? 0) - (r.from.year ?? 0)) * 372;
}
