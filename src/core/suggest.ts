import { distance } from 'fastest-levenshtein';

/** The known values closest to an unknown one ("did you mean"), best first: containment, then edit distance. */
export function suggest(input: string, known: string[], max = 3): string[] {
  const q = input.trim().toLowerCase();
  if (known.length === 0 || q === '') return [];
  const ranked = known
    .map((k) => {
      const l = k.toLowerCase();
      return { k, d: l.includes(q) || q.includes(l) ? 0 : distance(q, l) };
    })
    .sort((a, b) => a.d - b.d);
  // Only near values: a far-fetched "did you mean" misleads more than none (the caller lists them all).
  const near = ranked.filter((r) => r.d <= Math.min(Math.max(2, Math.floor(q.length / 3)), 4));
  return near.slice(0, max).map((r) => r.k);
}
