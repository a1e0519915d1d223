/**
 * Word shingles of an article's content, and a hash-chosen sample of them for an inverted index,
 * so near-duplicate articles are found through the index instead of comparing every pair of texts.
 */

/** Words per shingle. Three words keep one changed sentence from hiding a near-duplicate. */
export const SHINGLE_WORDS = 3;

/** One shingle in `SAMPLE_RATE` (chosen by hash, so the same in every article) goes into the index. */
export const SAMPLE_RATE = 8;

const LETTER = /[\p{L}\p{N}]/u;

/** A 32-bit mix, so that sampled hashes come from well-spread bits. */
function mix(x: number): number {
  let h = x ^ (x >>> 16);
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Appends FNV-1a hashes of the lower-cased words (runs of letters and digits) of `text` to `out`. */
function wordHashes(text: string, out: number[]): void {
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    let letter: boolean;
    if (c < 128) {
      letter = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
      if (c >= 65 && c <= 90) c |= 32;
    } else if (c >= 0x2000 && c <= 0x206f) {
      letter = false; // general punctuation: curly quotes, dashes, ellipsis
    } else {
      letter = LETTER.test(text[i]!);
      if (letter) c = text[i]!.toLowerCase().charCodeAt(0);
    }
    if (letter) {
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    } else if (inWord) {
      out.push(h >>> 0);
      h = 0x811c9dc5;
      inWord = false;
    }
  }
  if (inWord) out.push(h >>> 0);
}

/** The sorted, distinct hashes of the lower-cased word shingles of `text` (or of its parts, read in order). */
export function shingleHashes(text: string | readonly string[]): Uint32Array {
  const words: number[] = [];
  if (typeof text === 'string') wordHashes(text, words);
  else for (const part of text) wordHashes(part, words);
  if (words.length === 0) return new Uint32Array(0);
  const n = Math.max(1, words.length - SHINGLE_WORDS + 1);
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const w0 = words[i]!;
    const w1 = words[i + 1] ?? 0;
    const w2 = words[i + 2] ?? 0;
    all[i] = mix(Math.imul(w0, 0x9e3779b1) ^ Math.imul((w1 << 7) | (w1 >>> 25), 0x85ebca6b) ^ ((w2 << 13) | (w2 >>> 19)));
  }
  all.sort();
  let m = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[m++] = all[i]!;
  return all.slice(0, m);
}

/**
 * The hashes chosen for the index: those whose mixed value falls in one of `SAMPLE_RATE` buckets,
 * cut to 30 bits so they make fast (small-integer) map keys; the index only proposes candidates,
 * which are then compared on the full hashes.
 */
export function sampleHashes(hashes: Uint32Array): number[] {
  const out: number[] = [];
  for (const h of hashes) if (mix(h) % SAMPLE_RATE === 0) out.push(h & 0x3fffffff);
  return out;
}

/** A key that is equal for equal shingle sets (a fingerprint of the whole set). */
export function setKey(hashes: Uint32Array): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (const h of hashes) {
    a = Math.imul(a ^ h, 0x01000193);
    b = mix(b ^ h);
  }
  return `${hashes.length}:${a >>> 0}:${b}`;
}

/** How many hashes two sorted hash arrays share. */
export function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}
