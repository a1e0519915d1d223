/**
 * Budgeted maximum coverage, solved exactly for the sizes a digest has (a few dozen candidate points,
 * a budget of a few hundred words) by branch and bound: choose items (points, each possibly in several
 * lengths) so that the summed weight of the distinct concepts they cover, plus their own bonuses, is
 * the largest within a length budget. This is the concept-coverage objective of Gillick and Favre
 * (2009, "A scalable global model for summarization"), which they solve as an integer linear program;
 * here the bound is the fractional knapsack of the items' marginal gains (a concept counts once, so a
 * gain can only shrink as items are added: the bound is valid). The search starts from the greedy
 * solution and stops after a fixed number of nodes, keeping the best found: never worse than greedy.
 */

/** One choosable item: a point in one of its lengths. Items of the same `group` exclude each other. */
export interface CoverageItem {
  group: number;
  /** Its length in the budget's unit (words). */
  length: number;
  /** Indices of the concepts it covers (distinct). */
  concepts: readonly number[];
  /** Value of its own, added once when it is chosen (≥ 0). */
  bonus: number;
  /** 0–1: how much of a concept's weight this item earns by covering it (default 1); a concept earns the best scale among the chosen items that cover it. */
  scale?: number;
}

/** Options of `maxCoverage`. */
export interface CoverageOptions {
  /** Total length the chosen items may take. */
  budget: number;
  /** At most this many items. */
  maxItems: number;
  /** Search nodes explored at most (default 4,000); the best solution found by then is returned. */
  nodeLimit?: number;
}

/** The chosen items' indices and their objective value. */
export interface CoverageResult {
  chosen: number[];
  value: number;
  /** True when the search finished (the solution is optimal), false when it stopped at the node limit. */
  optimal: boolean;
}

const EPS = 1e-9;

/** Chooses items maximising covered concept weight plus bonuses within the budget (see the module comment). */
export function maxCoverage(items: readonly CoverageItem[], weights: ArrayLike<number>, options: CoverageOptions): CoverageResult {
  const n = items.length;
  /** The best scale among the chosen items covering each concept (0: not covered). */
  const covered = new Float64Array(weights.length);
  const groupUsed = new Map<number, boolean>();
  const excluded = new Uint8Array(n);
  const taken: number[] = [];
  const nodeLimit = options.nodeLimit ?? 4000;
  let nodes = 0;
  let complete = true;

  const gainOf = (i: number): number => {
    const it = items[i]!;
    const r = it.scale ?? 1;
    let g = it.bonus;
    for (const c of it.concepts) if (covered[c]! < r) g += weights[c]! * (r - covered[c]!);
    return g;
  };
  /** Saved coverage of the concepts an item raised, to undo its choice. */
  const saved: Float64Array[] = [];
  const add = (i: number, sign: 1 | -1) => {
    const it = items[i]!;
    if (sign > 0) {
      const r = it.scale ?? 1;
      const before = new Float64Array(it.concepts.length);
      it.concepts.forEach((c, k) => {
        before[k] = covered[c]!;
        if (covered[c]! < r) covered[c] = r;
      });
      saved.push(before);
    } else {
      const before = saved.pop()!;
      it.concepts.forEach((c, k) => {
        covered[c] = before[k]!;
      });
    }
    groupUsed.set(it.group, sign > 0);
  };

  // The greedy solution (best marginal gain per length), compared with the best single item: the incumbent.
  const greedy = (): { chosen: number[]; value: number } => {
    const chosen: number[] = [];
    let value = 0;
    let used = 0;
    for (;;) {
      if (chosen.length >= options.maxItems) break;
      let best = -1;
      let bestRatio = 0;
      let bestGain = 0;
      for (let i = 0; i < n; i++) {
        const it = items[i]!;
        if (groupUsed.get(it.group) || used + it.length > options.budget || it.length <= 0) continue;
        const g = gainOf(i);
        if (g <= EPS) continue;
        const r = g / it.length;
        if (r > bestRatio) {
          best = i;
          bestRatio = r;
          bestGain = g;
        }
      }
      if (best < 0) break;
      chosen.push(best);
      add(best, 1);
      value += bestGain;
      used += items[best]!.length;
    }
    for (let k = chosen.length - 1; k >= 0; k--) add(chosen[k]!, -1);
    let single = -1;
    let singleValue = 0;
    for (let i = 0; i < n; i++) {
      if (items[i]!.length > options.budget) continue;
      const g = gainOf(i);
      if (g > singleValue) {
        single = i;
        singleValue = g;
      }
    }
    return single >= 0 && singleValue > value ? { chosen: [single], value: singleValue } : { chosen, value };
  };

  let best = greedy();

  const search = (value: number, room: number): void => {
    if (++nodes > nodeLimit) {
      complete = false;
      return;
    }
    if (value > best.value + EPS) best = { chosen: [...taken], value };
    if (taken.length >= options.maxItems) return;
    // Open items with their marginal gains, best density first.
    const open: { i: number; gain: number; ratio: number }[] = [];
    for (let i = 0; i < n; i++) {
      const it = items[i]!;
      if (excluded[i] || groupUsed.get(it.group) || it.length > room || it.length <= 0) continue;
      const gain = gainOf(i);
      if (gain > EPS) open.push({ i, gain, ratio: gain / it.length });
    }
    if (open.length === 0) return;
    open.sort((a, b) => b.ratio - a.ratio);
    // Upper bound: the fractional knapsack of the marginal gains (they can only shrink; the limit on the number of items is left out of the bound).
    let bound = value;
    let left = room;
    for (const o of open) {
      const len = items[o.i]!.length;
      if (len <= left) {
        bound += o.gain;
        left -= len;
      } else {
        bound += o.gain * (left / len);
        break;
      }
    }
    if (bound <= best.value + EPS) return;
    const pick = open[0]!.i;
    // With the best-density item…
    taken.push(pick);
    add(pick, 1);
    search(value + open[0]!.gain, room - items[pick]!.length);
    add(pick, -1);
    taken.pop();
    if (nodes > nodeLimit) return;
    // …and without it.
    excluded[pick] = 1;
    search(value, room);
    excluded[pick] = 0;
  };
  search(0, options.budget);
  return { chosen: best.chosen, value: best.value, optimal: complete };
}
