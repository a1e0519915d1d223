/**
 * Where the timeline merge finds the groups a report may join: the groups of one day (or of the days of a
 * range) that share at least two content words with it. Groups are indexed by content word per day of the
 * year (any year, and per known year, and for an unknown year) and likewise per month for reports dated by a
 * range, so a report of a known year only walks the groups that can be its day, a corpus spanning many years
 * does not make each day's lists longer, and a range walks a month's lists rather than each of its days'.
 * Each query counts, per group, the words it shares (`shared`), which lets the caller skip groups that cannot
 * beat the best one found.
 */
import { dayKey, dayOfYear, type Day, type DayRange } from './day.ts';
import { width } from './merge-groups.ts';

/** What the index needs of a group. */
export interface Keyed {
  seq: number;
  dead?: boolean;
  day: Day;
  words: Set<string>;
  /** The query that last counted this group, and what it counted. */
  mark?: number;
  hits?: number;
  /** How many of the words of the last query that returned this group it has. */
  shared?: number;
}

/** Content word → the groups with it. */
type Lists<G> = Map<string, G[]>;

/**
 * The year part of a key for groups whose year is unknown: only those still without a year are read there
 * (a group taking a year is indexed under that year from then on).
 */
const UNKNOWN = 'u';

export class GroupIndex<G extends Keyed> {
  /** Day of the year → word → groups of that day, any year. */
  readonly #days = new Map<string, Lists<G>>();
  /** `year|day` (`u|day` for an unknown year) → word → groups. */
  readonly #datedDays = new Map<string, Lists<G>>();
  /** Month → word → groups of that month, any year; and by `year|month` (`u|month`). */
  readonly #months = new Map<string, Lists<G>>();
  readonly #datedMonths = new Map<string, Lists<G>>();
  #stamp = 0;

  /** Indexes a new group by all its words. */
  add(g: G): void {
    this.grew(g, g.words, true);
  }

  /**
   * Indexes the words a group just gained (all of them when it is new); `hadYear`: whether it had a year
   * before, for a group that just took one is indexed under that year from now on, by all its words.
   */
  grew(g: G, gained: Iterable<string>, hadYear: boolean): void {
    const year = g.day.year ?? UNKNOWN;
    const md = dayKey(g.day);
    const month = String(g.day.month);
    this.#push(this.#days, md, gained, g);
    this.#push(this.#months, month, gained, g);
    const all = !hadYear && g.day.year !== undefined ? g.words : gained;
    this.#push(this.#datedDays, `${year}|${md}`, all, g);
    this.#push(this.#datedMonths, `${year}|${month}`, all, g);
  }

  #push(index: Map<string, Lists<G>>, key: string, words: Iterable<string>, g: G): void {
    let lists = index.get(key);
    if (!lists) {
      lists = new Map();
      index.set(key, lists);
    }
    for (const w of words) {
      const list = lists.get(w);
      if (list) list.push(g);
      else lists.set(w, [g]);
    }
  }

  /**
   * The live groups that can be `day` (same day of the year; the same year where both are known) sharing at
   * least two words with `words` and accepted, with `below > seq > after`, in creation order.
   */
  onDay(words: Set<string>, day: Day, accept: (g: G) => boolean, below = Infinity, after = -1): G[] {
    const md = dayKey(day);
    const out: G[] = [];
    if (day.year === undefined) this.#collect(this.#days.get(md), words, accept, below, after, out, false);
    else {
      this.#collect(this.#datedDays.get(`${day.year}|${md}`), words, accept, below, after, out, false);
      this.#collect(this.#datedDays.get(`${UNKNOWN}|${md}`), words, accept, below, after, out, true);
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  /**
   * The accepted live groups of the days of a range sharing at least two words with `words`: day by day (the
   * days from `from` to `to`, at most `wide` + 1 of them), each day's in creation order; for a range wider than `wide` days,
   * those of any day, in creation order.
   */
  within(words: Set<string>, range: DayRange, wide: number, accept: (g: G) => boolean): G[] {
    const { from, to } = range;
    const out: G[] = [];
    if (width(range) > wide) {
      for (let m = 1; m <= 12; m++) this.#collect(this.#months.get(String(m)), words, accept, Infinity, -1, out, false);
      return out.sort((a, b) => a.seq - b.seq);
    }
    // The days from `from` on, as far as `to` and at most `wide` days on, and their months (at most three).
    const offset = (d: Day) => (dayOfYear(d) - dayOfYear(from) + 372) % 372;
    const last = Math.min(offset(to), wide);
    const months: string[] = [];
    for (let k = 0; k <= Math.floor((from.day - 1 + last) / 31); k++) months.push(String(((from.month - 1 + k) % 12) + 1));
    // Years compare only when both ends have one (as `rangeContains` does): then only those years' lists, and the unknown year's.
    const years = from.year !== undefined && to.year !== undefined && to.year - from.year <= 1 ? new Set([from.year, to.year]) : undefined;
    for (const month of months) {
      if (!years) this.#collect(this.#months.get(month), words, accept, Infinity, -1, out, false);
      else {
        for (const y of years) this.#collect(this.#datedMonths.get(`${y}|${month}`), words, accept, Infinity, -1, out, false);
        this.#collect(this.#datedMonths.get(`${UNKNOWN}|${month}`), words, accept, Infinity, -1, out, true);
      }
    }
    return out.filter((g) => offset(g.day) <= last).sort((a, b) => offset(a.day) - offset(b.day) || a.seq - b.seq);
  }

  /**
   * Adds to `out` the groups of `lists` sharing two words with `words`. A group sharing two words holds one of
   * them other than the word with the longest list, so that list is never walked: the others count each
   * group's shared words, and the longest word is checked on the group's own words. `yearless`: only groups
   * still without a year.
   */
  #collect(lists: Lists<G> | undefined, words: Set<string>, accept: (g: G) => boolean, below: number, after: number, out: G[], yearless: boolean): void {
    if (!lists) return;
    let longest: string | undefined;
    let most = -1;
    for (const w of words) {
      const n = lists.get(w)?.length ?? 0;
      if (n > most) {
        most = n;
        longest = w;
      }
    }
    const stamp = ++this.#stamp;
    const met: G[] = [];
    for (const w of words) {
      if (w === longest) continue;
      const list = lists.get(w);
      if (!list) continue;
      for (const g of list) {
        if (g.dead || g.seq >= below || g.seq <= after || (yearless && g.day.year !== undefined)) continue;
        if (g.mark === stamp) g.hits!++;
        else {
          g.mark = stamp;
          g.hits = 1;
          met.push(g);
        }
      }
    }
    for (const g of met) {
      const shared = g.hits! + (longest !== undefined && g.words.has(longest) ? 1 : 0);
      if (shared < 2 || !accept(g)) continue;
      g.shared = shared;
      out.push(g);
    }
  }
}
