/**
 * How much of one article the engine reads, so no article can hold the engine for long: the
 * largest real news articles measured (PolNeAR, DUC 2007) have 35 KB of text, 324 sentences and
 * sentences of 1,211 characters, so each limit is several times what real news needs.
 */

/** Limits on the work spent on one article. */
export interface ParseLimits {
  /** Characters of article text read (after front matter); the rest is cut at a paragraph or line break and reported. */
  maxChars: number;
  /** Sentences kept per article; the rest is reported and left out. */
  maxSentences: number;
  /** Longest sentence, in characters: a longer run without a sentence end is cut at a word boundary. */
  maxSentenceChars: number;
}

/** The limits applied unless a caller gives others. */
export const DEFAULT_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxChars: 100_000,
  maxSentences: 1_000,
  maxSentenceChars: 2_000,
});

/** Where to cut `text` so it keeps at most `max` characters: the last paragraph break (else line break, else space) in its last three quarters. */
export function cutPoint(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const floor = Math.floor(max / 4);
  for (const sep of ['\n\n', '\n', ' ']) {
    const at = text.lastIndexOf(sep, max - sep.length);
    if (at >= floor) return at;
  }
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max; // never split a surrogate pair
}

/** A count of characters in words, with thousands separators (`100,000 characters`). */
export function formatChars(n: number): string {
  return `${n.toLocaleString('en-US')} characters`;
}
