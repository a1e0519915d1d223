import { distance } from 'fastest-levenshtein';
import { NAME_PARTICLES } from './vocabulary.ts';

/** Particles that may differ between two spellings of one name: those allowed inside names, plus `el` and `abu`. */
const PARTICLES: ReadonlySet<string> = new Set([...NAME_PARTICLES, 'el', 'abu']);
const foldCache = new Map<string, string>();
const wordsCache = new Map<string, string[]>();
const CACHE_LIMIT = 20_000;

/** Folds a name for comparison: diacritics removed, lower case, apostrophes and dots dropped, spaces collapsed. */
export function foldName(name: string): string {
  const hit = foldCache.get(name);
  if (hit !== undefined) return hit;
  if (foldCache.size > CACHE_LIMIT) foldCache.clear();
  const folded = fold(name);
  foldCache.set(name, folded);
  return folded;
}

function fold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a folded name. */
export function nameWords(name: string): string[] {
  const hit = wordsCache.get(name);
  if (hit) return hit;
  if (wordsCache.size > CACHE_LIMIT) wordsCache.clear();
  const f = foldName(name);
  const words = f ? f.split(' ') : [];
  wordsCache.set(name, words);
  return words;
}

/** The last word of a name (the surname in most naming orders). */
export function surnameOf(name: string): string {
  const w = nameWords(name);
  return w[w.length - 1] ?? '';
}

/** True when two folded words are the same up to transliteration (`sergei`/`sergey`, `kovalsky`/`kovalskyy`). */
export function similarWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.charCodeAt(0) !== b.charCodeAt(0) || Math.abs(a.length - b.length) > 2) return false;
  const n = Math.min(a.length, b.length);
  if (n < 4) return false;
  if (n === 4) return a.replace(/y/g, 'i') === b.replace(/y/g, 'i');
  const d = distance(a, b);
  return d <= (n >= 8 ? 2 : 1) && a.charAt(0) === b.charAt(0);
}

/**
 * True when two names can be the same person: same surname (up to transliteration), and first names that agree
 * when both are given (an initial agrees with a name starting with it).
 */
export function compatibleNames(a: string, b: string): boolean {
  const wa = nameWords(a);
  const wb = nameWords(b);
  const sa = wa[wa.length - 1];
  const sb = wb[wb.length - 1];
  if (!sa || !sb || !similarWord(sa, sb)) return false;
  if (wa.length < 2 || wb.length < 2) return true;
  const fa = wa[0]!;
  const fb = wb[0]!;
  // `de Wit` / `Dos Reis`: a surname with its particle, no given name to compare.
  if (PARTICLES.has(fa) || PARTICLES.has(fb)) return true;
  if (fa.length === 1 || fb.length === 1) return fa.charAt(0) === fb.charAt(0);
  return similarWord(fa, fb);
}

/** A stable id for a canonical name: folded, hyphenated. */
export function slugOf(name: string): string {
  return foldName(name).replace(/ /g, '-') || 'unknown';
}
