/**
 * The timeline merge, indexed and incremental: reports of one event are grouped by day and found through
 * the content words they share (an index per day, and one over all days for vague dates), so merging
 * costs about the number of reports that share words with the new one rather than every report of that
 * day; and an `EventMerger` takes the events of added articles into the groups it already has.
 */
import type { TimelineEvent } from '../model.ts';
import { dayKey, parseRange, rangeContains, sameDay, isExact, type Day } from './day.ts';
import { contentWords, eventKinds } from './event-cues.ts';
import { withoutHints, type ExtractedEvent } from './extracted-event.ts';
import { GroupIndex, type Keyed } from './group-index.ts';
import { YearCounts, type Counted } from './year-counts.ts';
import {
  absorb,
  addMember,
  anyAlike,
  compared,
  keysOf,
  mergeInto,
  mostAlike,
  newGroup,
  resolveWeekday,
  width,
  type Candidate,
  type Group,
  type YearsByDay,
} from './merge-groups.ts';

/** One group as `EventMerger.state` gives it: its creation order, day, shown event and the reports it is compared by. */
export interface MergerGroupState {
  seq: number;
  day: Day;
  event: ExtractedEvent;
  members: Group['members'];
}

/** An `EventMerger`'s state as plain parts: what `EventMerger.from` continues from. */
export interface MergerState {
  version: number;
  seq: number;
  /** The live groups, in timeline order. */
  groups: MergerGroupState[];
  /** Exact-day reports of known year: approximate day of the year → year → count. */
  known: YearsByDay;
  /** Reports dated by a range that matched no group yet. */
  unmatched: Candidate[];
}

/** A group with its place in the merge: creation order (ties and the second pass follow it) and liveness. */
interface Indexed extends Group, Counted, Keyed {
  seq: number;
  dead?: boolean;
  /** Its event has been handed out: copy it before changing it, so an earlier timeline stays as it was. */
  published?: boolean;
  /** The event as handed out (hints stripped), until the group changes. */
  out?: TimelineEvent | undefined;
  /** In `#changed`. */
  changed: boolean;
}

/** A group with its place in the merge, every field set (so all groups have one shape, which keeps the index's loops fast). */
const indexed = (seq: number, g: Group): Indexed => ({
  seq,
  day: g.day,
  event: g.event,
  members: g.members,
  distinct: g.distinct,
  numbered: g.numbered,
  seen: g.seen,
  words: g.words,
  kinds: g.kinds,
  fewest: g.fewest,
  dead: false,
  published: false,
  out: undefined,
  changed: false,
  counted: undefined,
  mark: 0,
  hits: 0,
  shared: 0,
});

const collator = new Intl.Collator();

/** Ranges wider than this (in days) look groups up through the index over all days. */
const WIDE = 62;

/**
 * Groups reports of the same event, as `mergeEvents` describes; `add` takes more reports in (the events of
 * articles added since), `events` gives the merged timeline. A report dated only by a range that matches
 * no group yet is kept and tried again when groups in its range appear.
 */
export class EventMerger {
  #seq = 0;
  /** Bumped by every `add`; a briefing continues a merger only while it is at the version it saw. */
  version = 0;
  readonly #byDay = new Map<string, Indexed[]>();
  /** The groups by day and content word. */
  readonly #index = new GroupIndex<Indexed>();
  readonly #known: YearsByDay = new Map();
  /** Reports dated by a range that matched no group. */
  #unmatched: Candidate[] = [];
  #result: TimelineEvent[] | undefined;
  /** The live groups in timeline order as last handed out, with the modal year it was sorted by and their events as handed out. */
  #sorted: { groups: Indexed[]; modal: number; out?: TimelineEvent[] } | undefined;
  /** Groups created, changed or joined into another since then. */
  readonly #changed = new Set<Indexed>();
  /** The years of the groups handed out last, counted. */
  readonly #years = new YearCounts();

  /** The state this merger is in, as plain parts (groups in timeline order). */
  state(): MergerState {
    this.events();
    const groups = this.#sorted!.groups.map((g) => ({ seq: g.seq, day: g.day, event: g.event, members: g.members }));
    return { version: this.version, seq: this.#seq, groups, known: this.#known, unmatched: this.#unmatched };
  }

  /** A merger in the state `state` gives (its groups in timeline order): adding to it continues where that one was. */
  static from(s: MergerState): EventMerger {
    const m = new EventMerger();
    m.version = s.version;
    m.#seq = s.seq;
    for (const [k, v] of s.known) m.#known.set(k, new Map(v));
    m.#unmatched = [...s.unmatched];
    const groups = s.groups.map((g) => indexed(g.seq, { day: g.day, event: g.event, ...compared([...g.members]), seen: keysOf(g.event) }));
    for (const g of [...groups].sort((a, b) => a.seq - b.seq)) {
      const key = dayKey(g.day);
      const bucket = m.#byDay.get(key);
      if (bucket) bucket.push(g);
      else m.#byDay.set(key, [g]);
      m.#index.add(g);
    }
    m.#sorted = { groups, modal: m.#years.countAll(m.#live()) };
    return m;
  }

  /** Takes reports in. */
  add(events: readonly ExtractedEvent[]): void {
    this.version++;
    this.#result = undefined;
    const candidates: Candidate[] = [];
    for (const event of events) {
      const range = parseRange(event.date);
      if (range) candidates.push({ range, event, words: contentWords(event.text), kinds: eventKinds(event.text) });
    }
    for (const c of candidates) if (isExact(c.range) && c.range.from.year !== undefined) this.#countYear(c.range.from);
    const near = new Map<number, number | undefined>();
    for (const c of candidates) {
      if (c.event.weekday === undefined || isExact(c.range) || c.range.to.year !== undefined) continue;
      const day = resolveWeekday(c.range, c.event.weekday, this.#known, near);
      if (day) c.range = { from: day, to: day };
    }
    const exact = candidates.filter((c) => isExact(c.range)).sort((a, b) => Number(b.range.from.year !== undefined) - Number(a.range.from.year !== undefined));
    const touched = new Set<Indexed>();
    const shared = (g: Indexed) => g.shared ?? 0;
    for (const c of exact) {
      const day = c.range.from;
      const accept = (x: Indexed) => sameDay(x.day, day);
      const g = mostAlike(this.#index.onDay(c.words, day, accept), shared, c);
      if (g) {
        this.#absorb(g, c, day);
        touched.add(g);
      } else touched.add(this.#create(day, c));
    }
    if (this.version === 1) this.#secondPass(touched);
    else this.#joinTouched(touched);
    // A vague report that matched nothing before may match a group new in its range (or one that grew).
    const grown = [...touched].filter((g) => !g.dead);
    const retry = this.#unmatched.filter((c) => grown.some((g) => rangeContains(c.range, g.day)));
    this.#unmatched = this.#unmatched.filter((c) => !retry.includes(c));
    const ranged = [...retry, ...candidates.filter((c) => !isExact(c.range))].sort((a, b) => width(a.range) - width(b.range));
    for (const c of ranged) {
      // A vague date needs more than a shared speech verb to join an exact one: remarks alone do not count as the same kind.
      const strict = { words: c.words, kinds: new Set([...c.kinds].filter((k) => k !== 'remarks')) };
      const g = mostAlike(
        this.#index.within(c.words, c.range, WIDE, (x) => rangeContains(c.range, x.day)),
        shared,
        strict,
      );
      if (g) this.#absorb(g, c);
      else this.#unmatched.push(c);
    }
  }

  /** The merged events, oldest first; days of unknown year sort with the most common year. Hints stripped. */
  events(): TimelineEvent[] {
    if (this.#result) return this.#result;
    const sorted = this.#sorted;
    const few = sorted !== undefined && this.#changed.size < sorted.groups.length / 8;
    const modal = (few ? this.#years.recount(this.#changed) : undefined) ?? this.#years.countAll(this.#live());
    const key = (d: Day) => (d.year ?? modal) * 10000 + d.month * 100 + d.day;
    const order = (a: Indexed, b: Indexed) => key(a.day) - key(b.day) || collator.compare(a.event.text, b.event.text);
    const publish = (g: Indexed): TimelineEvent => {
      g.published = true;
      g.out ??= withoutHints(g.event);
      return g.out;
    };
    let groups: Indexed[];
    let result: TimelineEvent[];
    if (few && sorted.modal === modal) {
      // A few groups changed (joined ones too): the others keep their order and events, the changed are put in place.
      groups = [];
      result = [];
      const before = sorted.out;
      const changed = this.#changed;
      for (let i = 0; i < sorted.groups.length; i++) {
        const g = sorted.groups[i]!;
        if (g.changed) continue;
        groups.push(g);
        result.push(before ? before[i]! : publish(g));
      }
      for (const g of changed) {
        if (g.dead) continue;
        let lo = 0;
        let hi = groups.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (order(groups[mid]!, g) <= 0) lo = mid + 1;
          else hi = mid;
        }
        groups.splice(lo, 0, g);
        result.splice(lo, 0, publish(g));
      }
    } else {
      groups = this.#live().sort(order);
      result = groups.map(publish);
    }
    for (const g of this.#changed) g.changed = false;
    this.#changed.clear();
    this.#sorted = { groups, modal, out: result };
    this.#result = result;
    return result;
  }

  #change(g: Indexed): void {
    g.changed = true;
    this.#changed.add(g);
  }

  #live = (): Indexed[] => [...this.#byDay.values()].flat(); // the live groups, day by day

  #countYear(d: Day): void {
    const k = (d.month - 1) * 31 + d.day;
    const counts = this.#known.get(k) ?? new Map<number, number>();
    counts.set(d.year!, (counts.get(d.year!) ?? 0) + 1);
    this.#known.set(k, counts);
  }

  #create(day: Day, c: Candidate): Indexed {
    const g = indexed(this.#seq++, newGroup(day, c));
    this.#change(g);
    const key = dayKey(day);
    const bucket = this.#byDay.get(key);
    if (bucket) bucket.push(g);
    else this.#byDay.set(key, [g]);
    this.#index.add(g);
    return g;
  }

  /** Before a group changes: a copy of its event when an earlier timeline holds the old one. */
  #own(g: Indexed): void {
    this.#change(g);
    g.out = undefined;
    if (!g.published) return;
    const e = g.event;
    g.event = { ...e, sources: [...e.sources], evidence: [...e.evidence], topics: [...e.topics] };
    g.published = false;
    this.#result = undefined;
  }

  /** Adds a report to a group, indexing the words it brings. */
  #absorb(g: Indexed, c: Candidate, day?: Day): void {
    this.#own(g);
    const [gained, hadYear]: [string[], boolean] = [[], g.day.year !== undefined];
    absorb(g, c, day, gained);
    this.#index.grew(g, gained, hadYear);
  }

  /**
   * Joins groups of the same day when any report of one matches a report of the other, so the result
   * does not depend on the order reports arrived in: each group (oldest first) takes the newest matching
   * group after it, again until none is left. Only days with a new or changed group are looked at.
   */
  #secondPass(touched: Set<Indexed>): void {
    const days = new Set([...touched].map((g) => dayKey(g.day)));
    for (const key of days) {
      const bucket = this.#byDay.get(key) ?? [];
      for (const a of bucket) {
        if (a.dead) continue;
        let below = Infinity;
        for (;;) {
          const found = this.#index.onDay(a.words, a.day, (b) => sameDay(a.day, b.day), below, a.seq).reverse();
          const b = found.find((x) => anyAlike(a, x));
          if (!b) break;
          below = b.seq;
          this.#join(a, b);
        }
      }
      this.#byDay.set(
        key,
        bucket.filter((g) => !g.dead),
      );
    }
  }

  /** Joins group `b` into group `a`: `b` is dead, `a` takes its members and is indexed by its new words. */
  #join(a: Indexed, b: Indexed): void {
    this.#own(a);
    const [gained, hadYear]: [string[], boolean] = [[], a.day.year !== undefined];
    mergeInto(a, b.event, b.day);
    for (const m of b.members) addMember(a, m, gained);
    b.dead = true;
    this.#change(b);
    this.#index.grew(a, gained, hadYear);
  }

  /**
   * The second pass after an `add`: only a group that is new or changed can now match another, so each
   * such group is joined with its matching groups of the same day (into the older of the two).
   */
  #joinTouched(touched: Set<Indexed>): void {
    const queue = [...touched];
    while (queue.length > 0) {
      const t = queue.pop()!;
      if (t.dead) continue;
      const key = dayKey(t.day);
      const other = this.#index.onDay(t.words, t.day, (b) => b !== t && sameDay(t.day, b.day)).find((x) => anyAlike(t, x));
      if (!other) continue;
      const [a, b] = other.seq < t.seq ? [other, t] : [t, other];
      this.#join(a, b);
      this.#byDay.set(
        key,
        (this.#byDay.get(key) ?? []).filter((g) => !g.dead),
      );
      queue.push(a);
    }
  }
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
  const merger = new EventMerger();
  merger.add(events);
  return merger.events();
}
