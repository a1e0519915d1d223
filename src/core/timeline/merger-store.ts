/**
 * The timeline merge (`EventMerger`) as compact plain data, so a restart over the same articles continues it
 * instead of merging every event again. Articles are named by their place in the list the state covers;
 * sources that are an article's own citation, the shown date (the group's day) and each group's words (its
 * reports' words) are not stored, and content words are stored once and referred to by number.
 * `restoreTimeline` checks every part and gives undefined for anything malformed: it is then merged afresh.
 */
import type { ArticleAnalysis } from '../analyse-article.ts';
import type { Evidence, SourceRef } from '../model.ts';
import { sourceRef } from '../source-ref.ts';
import { formatDay, isExact, parseRange, type Day } from './day.ts';
import { contentWords, eventKinds } from './event-cues.ts';
import type { ExtractedEvent } from './extracted-event.ts';
import type { Candidate } from './merge-groups.ts';
import { EventMerger, type MergerGroupState } from './merge-events.ts';

/** The format of `StoredTimeline`; another one is not restored. */
export const TIMELINE_FORMAT = 1;

/** One group: `q` creation order, `y`/`m`/`d` its day, `t` text, `r` directness, `w` weekday, `p` topics, `s` sources (article number or a citation), `e` evidence (article, sentence, start, end, …), `mw`/`mk` its reports' words and kinds (numbers into `words`). */
export interface StoredGroup {
  q: number;
  y?: number;
  m: number;
  d: number;
  t: string;
  r?: number;
  w?: number;
  p: string[];
  s: (number | SourceRef)[];
  e: number[];
  mw: number[][];
  mk: number[][];
}

/** A merger's state as JSON-safe data; articles are numbers into the list of articles it covers. */
export interface StoredTimeline {
  format: number;
  version: number;
  seq: number;
  words: string[];
  groups: StoredGroup[];
  /** `[approximate day of the year, year, count]`. */
  known: [number, number, number][];
  /** Vague reports kept for later: `[article number, event number in its analysis]`. */
  unmatched: [number, number][];
}

const sameRef = (a: SourceRef, b: SourceRef): boolean =>
  a.article === b.article && a.title === b.title && a.date === b.date && a.source === b.source && a.url === b.url;

/** The merger's state as data over `covered` (the articles it merged, by number); undefined when it holds an article not among them. */
export function storeTimeline(merger: EventMerger, covered: readonly ArticleAnalysis[]): StoredTimeline | undefined {
  const number = new Map<string, number>();
  covered.forEach((a, i) => {
    number.set(a.article.id, i);
  });
  const own = covered.map((a) => sourceRef(a.article));
  const dict = new Map<string, number>();
  const words: string[] = [];
  const word = (w: string) => {
    let i = dict.get(w);
    if (i === undefined) {
      i = words.length;
      dict.set(w, i);
      words.push(w);
    }
    return i;
  };
  const state = merger.state();
  const groups: StoredGroup[] = [];
  for (const g of state.groups) {
    const s: (number | SourceRef)[] = [];
    for (const ref of g.event.sources) {
      const i = number.get(ref.article);
      s.push(i !== undefined && sameRef(ref, own[i]!) ? i : ref);
    }
    const e: number[] = [];
    for (const ev of g.event.evidence) {
      const i = number.get(ev.article);
      if (i === undefined) return undefined;
      e.push(i, ev.sentence, ev.span.start, ev.span.end);
    }
    const out: StoredGroup = { q: g.seq, m: g.day.month, d: g.day.day, t: g.event.text, p: g.event.topics, s, e, mw: [], mk: [] };
    if (g.day.year !== undefined) out.y = g.day.year;
    if (g.event.directness !== undefined) out.r = g.event.directness;
    if (g.event.weekday !== undefined) out.w = g.event.weekday;
    for (const x of g.members) {
      out.mw.push([...x.words].map(word));
      out.mk.push([...x.kinds].map(word));
    }
    groups.push(out);
  }
  // A kept vague report is named by its article and its place among that article's events.
  const unmatched: [number, number][] = [];
  for (const c of state.unmatched) {
    const i = number.get(c.event.evidence[0]?.article ?? '');
    const k = i === undefined ? -1 : covered[i]!.events.indexOf(c.event);
    if (i === undefined || k < 0) return undefined;
    unmatched.push([i, k]);
  }
  const known: [number, number, number][] = [];
  for (const [k, years] of state.known) for (const [year, n] of years) known.push([k, year, n]);
  return { format: TIMELINE_FORMAT, version: state.version, seq: state.seq, words, groups, known, unmatched };
}

class Malformed extends Error {}

function need(ok: boolean): void {
  if (!ok) throw new Malformed();
}

const isInt = (x: unknown): x is number => Number.isInteger(x);
const ints = (x: unknown): x is number[] => Array.isArray(x) && x.every(isInt);

/**
 * The merger `stored` describes, over `covered` (the analyses of the articles it names by number, in its
 * order, as they are now); undefined when anything in it is malformed or names what is not there.
 */
export function restoreTimeline(stored: StoredTimeline, covered: readonly ArticleAnalysis[]): EventMerger | undefined {
  try {
    need(stored.format === TIMELINE_FORMAT && isInt(stored.version) && isInt(stored.seq) && Array.isArray(stored.words));
    need(Array.isArray(stored.groups) && Array.isArray(stored.known) && Array.isArray(stored.unmatched));
    const words = stored.words;
    need(words.every((w) => typeof w === 'string'));
    const own = covered.map((a) => sourceRef(a.article));
    const article = (i: unknown) => {
      need(isInt(i) && i >= 0 && i < covered.length);
      return covered[i as number]!;
    };
    // Reports' word sets are never changed once made: equal ones are one set (most kinds sets are alike).
    const sets = new Map<string, Set<string>>();
    const wordSet = (list: unknown) => {
      need(ints(list));
      const key = (list as number[]).join(',');
      const known = sets.get(key);
      if (known) return known;
      const out = new Set<string>();
      sets.set(key, out);
      for (const i of list as number[]) {
        const w = words[i];
        need(w !== undefined);
        out.add(w!);
      }
      return out;
    };
    const groups: MergerGroupState[] = stored.groups.map((g) => {
      need(typeof g === 'object' && g !== null && isInt(g.q) && isInt(g.m) && isInt(g.d) && (g.y === undefined || isInt(g.y)) && typeof g.t === 'string');
      need(Array.isArray(g.p) && g.p.every((t) => typeof t === 'string') && Array.isArray(g.s) && ints(g.e) && g.e.length % 4 === 0);
      need(Array.isArray(g.mw) && Array.isArray(g.mk) && g.mw.length === g.mk.length && g.mw.length > 0);
      need((g.r === undefined || typeof g.r === 'number') && (g.w === undefined || isInt(g.w)));
      const day: Day = g.y === undefined ? { month: g.m, day: g.d } : { year: g.y, month: g.m, day: g.d };
      const sources = g.s.map((s): SourceRef => {
        if (typeof s === 'number') {
          article(s);
          return own[s]!;
        }
        need(typeof s === 'object' && s !== null && typeof s.article === 'string' && typeof s.title === 'string');
        return s;
      });
      const evidence: Evidence[] = [];
      for (let i = 0; i < g.e.length; i += 4) {
        const a = article(g.e[i]);
        const [sentence, start, end] = [g.e[i + 1]!, g.e[i + 2]!, g.e[i + 3]!];
        need(start >= 0 && start <= end && end <= a.article.text.length);
        evidence.push({ article: a.article.id, sentence, span: { start, end } });
      }
      const event: ExtractedEvent = { date: formatDay(day), text: g.t, sources, evidence, topics: g.p };
      if (g.r !== undefined) event.directness = g.r;
      if (g.w !== undefined) event.weekday = g.w;
      const members = g.mw.map((mw, i) => ({ words: wordSet(mw), kinds: wordSet(g.mk[i]) }));
      return { seq: g.q, day, event, members };
    });
    const known = new Map<number, Map<number, number>>();
    for (const row of stored.known) {
      need(ints(row) && row.length === 3);
      const [k, year, n] = row;
      const years = known.get(k) ?? new Map<number, number>();
      years.set(year, n);
      known.set(k, years);
    }
    const unmatched: Candidate[] = stored.unmatched.map((row) => {
      need(ints(row) && row.length === 2);
      const event = article(row[0]).events[row[1]];
      need(event !== undefined);
      const range = parseRange(event!.date);
      need(range !== undefined && !isExact(range));
      return { range: range!, event: event!, words: contentWords(event!.text), kinds: eventKinds(event!.text) };
    });
    return EventMerger.from({ version: stored.version, seq: stored.seq, groups, known, unmatched });
  } catch (err) {
    if (err instanceof Malformed || err instanceof TypeError) return undefined;
    throw err;
  }
}
