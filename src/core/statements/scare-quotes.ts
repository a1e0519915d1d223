import { isTitleCase, type Quotation } from './quotes.ts';
import type { Token } from './tokens.ts';
import { lowerBound } from './blocks.ts';

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'your', 'my', "'s", 'this', 'that', 'these', 'those']);
/** Present-tense naming (`what diplomats call "…"`) is a convention; past tense (`what he termed "…"`) reports words said. */
const NAMING = new Set(['call', 'calls', 'dub', 'dubs', 'term', 'terms', 'known']);

/**
 * True for a quotation used as a name or a distancing label rather than speech: after `so-called` (always), or a short
 * noun phrase after `what X call(s)` (present tense) or after a determiner or possessive (`its "downstreaming" policy`).
 * `governed` says whether a speech cue claims the quotation (then only `so-called` and `what X call` count).
 */
export function isScareQuote(tokens: Token[], q: Quotation, words: string, governed: boolean): boolean {
  const j = lowerBound(tokens, q.open) - 1;
  const prev = tokens[j];
  if (!prev || prev.quoted) return false;
  if (prev.lc === 'so-called') return true;
  // `VTV's "Morning Port"`, `the "Vela Today" show`: a title after a possessive or a determiner names a show or a book.
  if ((prev.lc === "'s" || DETERMINERS.has(prev.lc)) && isTitleCase(words)) return true;
  const n = words.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (n > 4 || /[.!?,;:]/.test(words)) return false;
  if (NAMING.has(prev.lc)) {
    for (let k = j - 1; k >= 0 && k >= j - 4; k--) if (tokens[k]!.lc === 'what' || tokens[k]!.lc === 'as') return true;
    return false;
  }
  if (governed) return false;
  return DETERMINERS.has(prev.lc);
}
