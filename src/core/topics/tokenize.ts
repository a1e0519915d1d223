import stem from 'wink-eng-lite-web-model/dist/porter-stemmer.js';

/**
 * Word tokens for topic matching and similarity. A token is a run of letters and digits
 * (an inner apostrophe is kept, a possessive `'s` is dropped); hyphens, dots and slashes split words,
 * so `long-term` and `long term` tokenize alike.
 */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const POSSESSIVE = /['’]s$/;

/** One word of a text: lower-cased form, stem, and its place in the text. */
export interface Token {
  /** Lower-cased word, possessive removed. */
  word: string;
  /** Porter2 stem of `word`. */
  stem: string;
  start: number;
  end: number;
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Porter2 stem of a lower-case word, memoised (news vocabularies repeat, stemming is the slow part). */
export function stemWord(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    // A number is its own stem (the stemmer would turn `300` into `y00`).
    s = /^\d[\d.,]*$/.test(word) ? word : stem(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}

/** Texts tokenized lately: a question's digest reads the same few thousand sentences several times. */
const tokenCache = new Map<string, readonly Token[]>();
const TOKEN_CACHE_LIMIT = 10_000;

/** Splits a text into word tokens with their offsets (memoised for recent texts; the result must not be changed). */
export function tokenize(text: string): readonly Token[] {
  let tokens = tokenCache.get(text);
  if (tokens === undefined) {
    tokens = split(text);
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
    tokenCache.set(text, tokens);
  }
  return tokens;
}

function split(text: string): Token[] {
  const out: Token[] = [];
  // Lower-casing the whole text once is faster; it keeps offsets unless a character changes length.
  const lower = text.toLowerCase();
  const source = lower.length === text.length ? lower : text;
  const lowered = source === lower;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(source); m; m = WORD.exec(source)) {
    let word = lowered ? m[0] : m[0].toLowerCase();
    if (word.includes("'") || word.includes('’')) word = word.replace(POSSESSIVE, '');
    out.push({ word, stem: stemWord(word), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Lower-cased words of a text (no stems, no offsets): the cheap form used to compile terms. */
export function words(text: string): string[] {
  return Array.from(text.matchAll(WORD), (m) => m[0].toLowerCase().replace(POSSESSIVE, ''));
}
