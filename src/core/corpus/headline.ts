/**
 * Shape tests for headline-like lines (headlines, kickers, sub-headings) and bullets, and the
 * fallback title made from a first sentence.
 */

const CLOSING = /["”’')\]*_»‹›]+$/;
const BULLET = /^(?:[-*•·▪◦‣●○■□➢➤►▶✓✔–—]|\d{1,2}[.)])\s+/;
const MD_HEADING = /^#{1,6}\s+/;

/** Counts words (runs of non-space characters). */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Length of a bullet marker (`- `, `• `, `1. `) at the start of a line, or 0. */
export function bulletMarker(line: string): number {
  const m = BULLET.exec(line);
  return m ? m[0].length : 0;
}

/** The inner bounds of a line once Markdown heading marks (`## `) and wrapping `**`/`__` are removed. */
export function innerBounds(line: string): { start: number; end: number; heading: boolean } {
  let start = 0;
  let end = line.length;
  const h = MD_HEADING.exec(line);
  if (h) start = h[0].length;
  while (start < end - 4 && (line.startsWith('**', start) || line.startsWith('__', start)) && line.endsWith(line.slice(start, start + 2), end)) {
    start += 2;
    end -= 2;
  }
  return { start, end, heading: h !== null };
}

/**
 * True when a line has the shape of a headline or sub-heading: short, not starting in lower case,
 * not a bullet, and not ending like a sentence or clause (`.`, `,`, `;`, `:`). `?` and `!` may end one.
 */
export function isHeadlineLike(line: string): boolean {
  if (line.length > 200 || line.length < 2) return false;
  if (bulletMarker(line) > 0) return false;
  const first = line[0]!;
  if (first !== first.toUpperCase()) return false;
  const words = wordCount(line);
  if (words > 25) return false;
  const core = line.replace(CLOSING, '');
  const last = core[core.length - 1];
  if (last === undefined || '.,;:…'.includes(last)) return false;
  // Two sentences on one line are prose, not a headline.
  if (/[.!?]["”’]?\s+\p{Lu}/u.test(core) && !/\b\p{Lu}\.\s/u.test(core)) return false;
  return true;
}

/** A title from a first sentence: without its final stop, cut at a word boundary near `max` characters. */
export function shortTitle(sentence: string, max = 90): string {
  const clean = sentence
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.。]$/, '');
  if (clean.length <= max) return clean;
  const cut = clean.lastIndexOf(' ', max);
  return `${clean.slice(0, cut > max / 2 ? cut : max).replace(/[,;:—–-]+$/, '')}…`;
}

/** Letters and digits only, lower case, single-spaced: how a headline line is compared with a given title. */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const MINOR_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'by',
  'from',
  'with',
  'as',
  'vs',
  'is',
  'are',
  'be',
  'into',
  'over',
  'after',
  'about',
  'up',
  'off',
  'out',
  'than',
  'via',
  'per',
  'nor',
  'so',
  'yet',
  'its',
]);

/** True when a line is in title case: most words that are not short function words start with a capital or a digit. */
export function isTitleCase(line: string): boolean {
  const words = line
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter((w) => w.length > 0);
  const major = words.filter((w) => !MINOR_WORDS.has(w.toLowerCase()));
  if (major.length < 2) return false;
  const capital = major.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return capital / major.length >= 0.8;
}

/**
 * True when a line is a headline that ends with a full stop, as archives and wire feeds write them:
 * headline-like once one final `.` is dropped, and in title case (a sentence-case line ending in a
 * stop is more likely a one-sentence lead paragraph).
 */
export function isStoppedHeadline(line: string): boolean {
  if (!/[^.]\.$/.test(line) || /["”’)]\.$/.test(line)) return false;
  return isHeadlineLike(line.slice(0, -1)) && isTitleCase(line);
}
