/**
 * The years of a timeline merger's groups, counted as they change: the most common one is the year days
 * of unknown year sort with, and an add that changes a few groups should not recount them all.
 */
import type { Day } from './day.ts';

/** A group as counted: its day, whether it was joined into another, and the year it was counted with. */
export interface Counted {
  day: Day;
  dead?: boolean;
  /** The year it was counted with (null: none); unset while not counted. */
  counted?: number | null | undefined;
}

/** Year → how many of the counted groups have it. */
export class YearCounts {
  readonly #years = new Map<number, number>();

  /** Counts these live groups afresh; the most common year (the first, in their order, to reach the top count), else 0. */
  countAll(groups: Iterable<Counted>): number {
    const years = this.#years;
    years.clear();
    for (const g of groups) {
      const y = g.day.year;
      g.counted = y ?? null;
      if (y !== undefined) years.set(y, (years.get(y) ?? 0) + 1);
    }
    let top: number | undefined;
    for (const [y, n] of years) if (top === undefined || n > years.get(top)!) top = y;
    return top ?? 0;
  }

  /**
   * Updates the counts by groups changed since they were counted (new, re-dated or joined into another);
   * the most common year, else 0, or undefined when two years share the top count (which one comes first
   * depends on the order of all groups: `countAll` decides).
   */
  recount(changed: Iterable<Counted>): number | undefined {
    const years = this.#years;
    for (const g of changed) {
      if (typeof g.counted === 'number') {
        const n = (years.get(g.counted) ?? 0) - 1;
        if (n > 0) years.set(g.counted, n);
        else years.delete(g.counted);
      }
      g.counted = undefined;
      if (g.dead) continue;
      const y = g.day.year;
      g.counted = y ?? null;
      if (y !== undefined) years.set(y, (years.get(y) ?? 0) + 1);
    }
    let top: number | undefined;
    let most = 0;
    let tied = false;
    for (const [y, n] of years) {
      if (n > most) {
        top = y;
        most = n;
        tied = false;
      } else if (n === most) tied = true;
    }
    return tied ? undefined : (top ?? 0);
  }
}
