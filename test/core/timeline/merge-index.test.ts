import { describe, expect, it } from 'vitest';
import { dayKey, rangeContains, sameDay, type Day, type DayRange } from '../../../src/core/timeline/day.ts';
import { GroupIndex, type Keyed } from '../../../src/core/timeline/group-index.ts';
import { addMember, groupSimilarity, mostAlike, newGroup, width, type Candidate, type Group } from '../../../src/core/timeline/merge-groups.ts';
import { idsOf } from '../../../src/core/timeline/word-ids.ts';

/** The month-day keys (`dayKey`) of a range's days, at most `max` + 1 of them: the days the merge once looked up one by one. */
function monthDayKeys(range: DayRange, max: number): string[] {
  const out: string[] = [];
  let { month, day } = range.from;
  for (let n = 0; n <= max; n++) {
    out.push(dayKey({ month, day }));
    if (month === range.to.month && day === range.to.day) break;
    day++;
    if (day > 31) {
      day = 1;
      month = (month % 12) + 1;
    }
  }
  return out;
}

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const VOCAB = ['harbour', 'grain', 'corridor', 'minister', 'summit', 'ferry', 'tariff', 'council', 'border', 'vote', 'strike', 'talk'];
  const words = (n: number) => new Set(Array.from({ length: n }, () => VOCAB[int(VOCAB.length)]!));
  return { next, int, words };
}

const MONTH_DAYS: [number, number][] = [
  [12, 30],
  [12, 31],
  [1, 1],
  [1, 2],
  [1, 31],
  [2, 1],
  [2, 2],
];
const YEARS = [undefined, 2024, 2025];

function dayOf(r: ReturnType<typeof random>): Day {
  const [month, day] = MONTH_DAYS[r.int(MONTH_DAYS.length)]!;
  const year = YEARS[r.int(YEARS.length)];
  return year === undefined ? { month, day } : { year, month, day };
}

interface G extends Keyed {
  dead: boolean;
}

/** Sixty random groups in an index; with `evolve`, some grow, take a year or are joined into another as they come, as merging does. */
function seededGroups(seed: number, evolve: boolean) {
  const r = random(seed);
  const index = new GroupIndex<G>();
  const groups: G[] = [];
  for (let i = 0; i < 60; i++) {
    const g: G = { seq: i, dead: false, day: dayOf(r), words: r.words(1 + r.int(5)) };
    groups.push(g);
    index.add(g);
    if (!evolve) continue;
    const old = groups[r.int(groups.length)]!;
    const roll = r.next();
    if (roll < 0.3) {
      const hadYear = old.day.year !== undefined;
      const gained = [...r.words(2)].filter((w) => !old.words.has(w));
      for (const w of gained) old.words.add(w);
      if (!hadYear && r.next() < 0.5) old.day = { year: 2025, month: old.day.month, day: old.day.day };
      index.grew(old, gained, hadYear);
    } else if (roll < 0.35) old.dead = true;
  }
  return { r, index, groups };
}

const count = (a: Set<string>, b: Set<string>) => [...a].filter((w) => b.has(w)).length;

describe('the index of merge groups', () => {
  it('finds exactly the live groups that can be a day and share two words, in creation order, counting the shared words', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { r, index, groups } = seededGroups(seed, true);
      for (let q = 0; q < 20; q++) {
        const words = r.words(2 + r.int(4));
        const day = dayOf(r);
        const [below, after] = r.next() < 0.5 ? [Infinity, -1] : [40, 10];
        const want = groups.filter((g) => !g.dead && g.seq < below && g.seq > after && sameDay(g.day, day) && count(g.words, words) >= 2);
        const got = index.onDay(words, day, (g) => sameDay(g.day, day), below, after);
        expect(got.map((g) => g.seq)).toEqual(want.map((g) => g.seq));
        for (const g of got) expect(g.shared).toBe(count(g.words, words));
      }
    }
  });

  it('finds the groups of a range day by day (over a year end too), and those of any day for a wide range', () => {
    const ranges: DayRange[] = [
      { from: { month: 12, day: 30 }, to: { month: 1, day: 2 } },
      { from: { year: 2024, month: 12, day: 30 }, to: { year: 2025, month: 1, day: 2 } },
      { from: { year: 2025, month: 1, day: 1 }, to: { year: 2025, month: 2, day: 1 } },
      { from: { month: 1, day: 2 }, to: { month: 2, day: 2 } },
      { from: { year: 2024, month: 1, day: 1 }, to: { year: 2025, month: 12, day: 31 } },
    ];
    for (let seed = 1; seed <= 30; seed++) {
      const { r, index, groups } = seededGroups(seed, false);
      for (const range of ranges) {
        const words = r.words(2 + r.int(4));
        const alike = groups.filter((g) => rangeContains(range, g.day) && count(g.words, words) >= 2);
        const keys = monthDayKeys(range, 62);
        const place = (g: G) => keys.indexOf(`${g.day.month}-${g.day.day}`);
        const want = width(range) > 62 ? alike : alike.filter((g) => place(g) >= 0).sort((a, b) => place(a) - place(b) || a.seq - b.seq);
        const got = index.within(words, range, 62, (g) => rangeContains(range, g.day));
        expect(got.map((g) => g.seq)).toEqual(want.map((g) => g.seq));
      }
    }
  });
});

describe('the group a report is most alike', () => {
  const event = { date: '2025-01-01', text: 'x', sources: [], evidence: [], topics: [] };
  const KINDS = ['meeting', 'call', 'agreement'];
  const report = (r: ReturnType<typeof random>): Candidate => ({
    range: { from: { month: 1, day: 1 }, to: { month: 1, day: 1 } },
    event,
    words: r.words(1 + r.int(6)),
    kinds: new Set(KINDS.filter(() => r.next() < 0.4)),
  });

  it('is the one comparing every report of every group finds, the first of equals', () => {
    let found = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const r = random(seed);
      const groups: Group[] = [];
      for (let i = 0, n = 1 + r.int(8); i < n; i++) {
        const g = newGroup({ month: 1, day: 1 }, report(r));
        for (let k = r.int(5); k > 0; k--) addMember(g, r.next() < 0.3 ? g.members[0]! : report(r), []);
        groups.push(g);
      }
      const c = report(r);
      let want: Group | undefined;
      let top = -Infinity;
      for (const g of groups) {
        const s = groupSimilarity(g, idsOf(c));
        if (s !== undefined && s > top) {
          top = s;
          want = g;
        }
      }
      const candidates = groups.filter((g) => count(g.words, c.words) >= 2);
      expect(mostAlike(candidates, (g) => count(g.words, c.words), c)).toBe(want);
      if (want) found++;
    }
    expect(found).toBeGreaterThan(20);
  });
});
