import { tokenize } from '../topics/tokenize.ts';
import { STOPWORDS } from './stopwords.ts';

/** Marks a stem as an anchor (a name or a number): stems stored with this prefix weigh more in comparisons. */
export const ANCHOR = '^';

/**
 * A place and its adjective share one stem (`Kenya`/`Kenyan`, `Europe`/`European`,
 * `Bolivia`/`Bolivian`): the adjective ending and a final vowel are cut from capitalised words.
 */
export function placeStem(stem: string): string {
  const s = stem.replace(/(?:ian|ean|an)$/, '');
  const base = s.length >= 4 ? s : stem;
  const bare = base.replace(/[aeiy]+$/, '');
  return bare.length >= 3 ? bare : base;
}

const isCapital = (text: string, i: number) => {
  const c = text[i]!;
  return c !== c.toLowerCase();
};

/**
 * The content stems of a text (function and reporting words removed), without repeats. Names
 * (capitalised words not opening the sentence) and numbers are anchors: they identify *which* event
 * a sentence reports, so they are returned prefixed with `ANCHOR`. A run of capitalised words
 * (`French President Jean Dupont`) counts only by its last word, so titles and first names shared by
 * every first mention do not make unrelated sentences look alike.
 */
export function contentStems(text: string): string[] {
  const out = new Set<string>();
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const capital = isCapital(text, t.start);
    const next = tokens[i + 1];
    if (capital && next && isCapital(text, next.start) && /^[\s.]*$/.test(text.slice(t.end, next.start))) continue;
    if (STOPWORDS.has(t.word) || t.word.length < 2) continue;
    const named = capital && i > 0;
    const anchor = named || /^\d/.test(t.word);
    const stem = named ? placeStem(t.stem) : t.stem;
    const key = anchor ? ANCHOR + stem : stem;
    if (!out.has(ANCHOR + stem)) out.add(key);
  }
  return [...out];
}

/** Number of words in a text (runs of non-space characters). */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space =
      c === 32 ||
      (c >= 9 && c <= 13) ||
      c === 160 ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x3000 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x1680 ||
      c === 0xfeff;
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      n++;
    }
  }
  return n;
}
