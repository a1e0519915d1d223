import { ANCHOR } from './features.ts';
import type { StemVector } from './similarity.ts';

/**
 * The quantities a sentence reports (a toll, a count, a sum): numbers that are not days of the month or
 * years. Two reports of one fact with different quantities are a change, not a repeat.
 */

const plain = (s: string) => (s.startsWith(ANCHOR) ? s.slice(ANCHOR.length) : s);

/** The specific quantities of a sentence's stems (numbers that are not days or years). */
export function quantities(stems: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const s of stems) {
    const p = plain(s);
    if (!/^\d+$/.test(p)) continue;
    const n = Number(p);
    if (n > 31 && !(n >= 1900 && n <= 2100)) out.push(p);
  }
  return out;
}

/** True when both have quantities and they share none. */
export function numbersDiffer(a: StemVector, b: StemVector): boolean {
  const qa = quantities(a.set);
  if (qa.length === 0) return false;
  const qb = new Set(quantities(b.set));
  return qb.size > 0 && !qa.some((q) => qb.has(q));
}
