/**
 * Reports' words and kinds as sorted lists of numbers, so the timeline merge compares two reports by walking
 * two short sorted lists instead of looking strings up in sets. Words are numbered in the order first seen,
 * once per process (the numbering is only ever compared with itself, never stored).
 */
/** A report's words and kinds, numbered and sorted. */
export interface Ids {
  words: Int32Array;
  kinds: Int32Array;
}

const numbers = new Map<string, number>();

function numbered(set: Set<string>): Int32Array {
  const out = new Int32Array(set.size);
  let i = 0;
  for (const w of set) {
    let n = numbers.get(w);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(w, n);
    }
    out[i++] = n;
  }
  return out.sort();
}

/** A report's (its content words' and kinds') numbers. */
export const idsOf = (m: { words: Set<string>; kinds: Set<string> }): Ids => ({ words: numbered(m.words), kinds: numbered(m.kinds) });

/** How many numbers two sorted lists share. */
function common(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/**
 * How alike two reports are; undefined when they are not the same event: the same kind of event and two
 * shared words, or three shared words that are at least 0.4 of the smaller report's. The score is the
 * share of the smaller report's words shared, plus 0.5 for the same kind, plus a hundredth per shared word.
 */
export function similarity(a: Ids, b: Ids): number | undefined {
  const shared = common(a.words, b.words);
  if (shared < 2) return undefined;
  const sameKind = common(a.kinds, b.kinds) > 0;
  const least = Math.min(a.words.length, b.words.length);
  const ratio = least === 0 ? 0 : shared / least;
  if (sameKind || (shared >= 3 && ratio >= 0.4)) return ratio + (sameKind ? 0.5 : 0) + shared / 100;
  return undefined;
}
