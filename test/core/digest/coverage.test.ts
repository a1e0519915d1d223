import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxCoverage, type CoverageItem } from '../../../src/core/digest/coverage.ts';

/** The objective of a set of items, computed directly: each concept earns its weight times the best scale covering it. */
function objective(items: readonly CoverageItem[], weights: readonly number[], chosen: readonly number[]): number {
  const best = new Map<number, number>();
  let v = 0;
  for (const i of chosen) {
    v += items[i]!.bonus;
    for (const c of items[i]!.concepts) best.set(c, Math.max(best.get(c) ?? 0, items[i]!.scale ?? 1));
  }
  for (const [c, s] of best) v += weights[c]! * s;
  return v;
}

/** Every feasible subset, for small instances. */
function bruteForce(items: readonly CoverageItem[], weights: readonly number[], budget: number, maxItems: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << items.length; mask++) {
    const chosen = items.map((_, i) => i).filter((i) => mask & (1 << i));
    const groups = new Set(chosen.map((i) => items[i]!.group));
    if (groups.size < chosen.length || chosen.length > maxItems) continue;
    if (chosen.reduce((n, i) => n + items[i]!.length, 0) > budget) continue;
    best = Math.max(best, objective(items, weights, chosen));
  }
  return best;
}

describe('maxCoverage', () => {
  it('prefers two points that cover different concepts to one long point that repeats them', () => {
    const weights = [5, 5, 4, 4];
    const items: CoverageItem[] = [
      { group: 0, length: 60, concepts: [0, 1, 2], bonus: 0 },
      { group: 1, length: 30, concepts: [0, 1], bonus: 0 },
      { group: 2, length: 30, concepts: [2, 3], bonus: 0 },
    ];
    const r = maxCoverage(items, weights, { budget: 60, maxItems: 5 });
    expect(r.chosen.sort()).toEqual([1, 2]);
    expect(r.value).toBe(18);
    expect(r.optimal).toBe(true);
  });

  it('takes one form of a point at most (items of a group exclude each other)', () => {
    const items: CoverageItem[] = [
      { group: 0, length: 20, concepts: [0], bonus: 0 },
      { group: 0, length: 10, concepts: [1], bonus: 0 },
    ];
    const r = maxCoverage(items, [3, 2], { budget: 100, maxItems: 5 });
    expect(r.chosen).toEqual([0]);
  });

  it('finds the optimum of small random instances and never exceeds the budget (property)', () => {
    const instance = fc.record({
      weights: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 12 }),
      items: fc.array(
        fc.record({
          group: fc.integer({ min: 0, max: 6 }),
          length: fc.integer({ min: 1, max: 40 }),
          concepts: fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 6 }),
          bonus: fc.integer({ min: 0, max: 3 }),
          scale: fc.constantFrom(0.25, 0.5, 1),
        }),
        { maxLength: 9 },
      ),
      budget: fc.integer({ min: 0, max: 100 }),
      maxItems: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(instance, ({ weights, items, budget, maxItems }) => {
        const fixed = items.map((it) => ({ ...it, concepts: it.concepts.filter((c) => c < weights.length) }));
        const r = maxCoverage(fixed, weights, { budget, maxItems });
        expect(r.chosen.reduce((n, i) => n + fixed[i]!.length, 0)).toBeLessThanOrEqual(budget);
        expect(r.chosen.length).toBeLessThanOrEqual(maxItems);
        expect(new Set(r.chosen.map((i) => fixed[i]!.group)).size).toBe(r.chosen.length);
        expect(objective(fixed, weights, r.chosen)).toBeCloseTo(r.value, 9);
        if (r.optimal) expect(r.value).toBeCloseTo(bruteForce(fixed, weights, budget, maxItems), 9);
      }),
      { numRuns: 300 },
    );
  });

  it('stops at the node limit with a solution at least as good as the greedy one', () => {
    const weights = Array.from({ length: 60 }, (_, i) => 1 + (i % 7));
    const items: CoverageItem[] = Array.from({ length: 40 }, (_, i) => ({
      group: i,
      length: 10 + (i % 13),
      concepts: Array.from({ length: 8 }, (_, k) => (i * 7 + k * 11) % 60),
      bonus: 0,
    }));
    const limited = maxCoverage(items, weights, { budget: 100, maxItems: 10, nodeLimit: 5 });
    const full = maxCoverage(items, weights, { budget: 100, maxItems: 10, nodeLimit: 1_000_000 });
    expect(limited.optimal).toBe(false);
    expect(limited.value).toBeGreaterThan(0);
    expect(full.value).toBeGreaterThanOrEqual(limited.value);
  });
});
