import { STOPWORDS } from '../digest/stopwords.ts';
import { stemWord, words } from './tokenize.ts';

/**
 * A free-text question (`what did Velmar say about the border troops`, or a title with a narrative such as
 * `Describe the reactions to …`) as the terms that carry its subject. Generic English only: function
 * words and the words of asking (`describe`, `discuss`, `include`, `information`) say what the reader
 * wants done, not what about, and are dropped.
 */

/** Words of asking and of request framing: they shape the answer, they are not its subject. */
const ASKING = new Set(
  `what whats who whom whose which when where why how did does do is are was were tell show give me please
  describe described describes describing discuss discussed discusses discussing include included includes including
  identify identified explain explained explains information info regarding regard concerning about any all
  provide provided list mention mentioned note detail details detailed specific specifically example examples
  kind kinds type types way ways various aspect aspects etc also what's latest news update updates story
  stories happen happened happening going reported reports report press media briefing summary summarise summarize
  known know say said says`.split(/\s+/),
);

/** One subject term of a query: the word as asked, its stem, and how many times it was asked. */
export interface QueryTerm {
  word: string;
  stem: string;
  /** Occurrences in the query (a repeated word is insisted on). */
  count: number;
  /** Position of its first occurrence among the kept terms (earlier terms, e.g. a title's, come first). */
  order: number;
}

/** A parsed query: its subject terms in order of first occurrence, and the adjacent pairs asked as phrases. */
export interface ParsedQuery {
  text: string;
  terms: QueryTerm[];
  /** Two subject words adjacent in the query (`central bank`), as `word word`. */
  phrases: string[];
}

/** Longest query this parser reads; the rest is ignored (a question, not a document). */
export const MAX_QUERY_CHARS = 2000;

/** True when a lower-case word is a subject word: not a function word or a word of asking, and not a bare short number. */
function isSubject(word: string): boolean {
  if (word.length < 2 || STOPWORDS.has(word) || ASKING.has(word)) return false;
  if (/^\d+$/.test(word)) return word.length === 4; // a year names a time; "3" alone names nothing
  return /\p{L}/u.test(word);
}

/** Parses a free-text query into its subject terms. Never throws; an empty or all-function-word query gives no terms. */
export function parseQuery(input: string): ParsedQuery {
  const text = String(input ?? '')
    .slice(0, MAX_QUERY_CHARS)
    .replace(/\s+/g, ' ')
    .trim();
  const byStem = new Map<string, QueryTerm>();
  const phrases = new Set<string>();
  let previous: string | undefined;
  for (const raw of words(text)) {
    const word = raw.replace(/['’]/g, '');
    if (!isSubject(word)) {
      previous = undefined;
      continue;
    }
    const stem = stemWord(word);
    const known = byStem.get(stem);
    if (known) known.count++;
    else byStem.set(stem, { word, stem, count: 1, order: byStem.size });
    if (previous && previous !== word) phrases.add(`${previous} ${word}`);
    previous = word;
  }
  return { text, terms: [...byStem.values()], phrases: [...phrases] };
}
