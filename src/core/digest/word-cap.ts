import type { DigestItem } from '../model.ts';
import { tailCarriesAttribution } from './attribution.ts';
import { isCompleteClause } from './event-gate.ts';
import { wordCount } from './features.ts';
import { asideContinues, CLAUSE_OPENER, endSentence } from './trim.ts';

/**
 * A digest capped at a number of words in total: whole points while they fit, then the first point
 * that does not fit is cut to its leading clause(s) when a clause boundary leaves a sentence that fits
 * (never dropping the attribution: `…, the minister said` is not cut off), else it is left out. The
 * cap counts every word shown, bracketed date notes included.
 */

/** Where a clause may end: a comma, semicolon, colon or dash followed by more text. */
const BOUNDARY = /\s*(?:[,;:]|\s[—–-]|—)\s+/g;
/** A kept clause needs at least this many words to read as a point. */
const MIN_CLAUSE_WORDS = 8;

function balanced(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return count(/[“«]/g) === count(/[”»]/g) && count(/"/g) % 2 === 0 && count(/\(/g) === count(/\)/g) && count(/\[/g) === count(/\]/g);
}

/** The longest leading clause(s) of a text with at most `words` words, ending with a full stop; undefined if none. */
export function clauseWithin(text: string, words: number): string | undefined {
  if (wordCount(text) <= words) return text;
  let best: string | undefined;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const prefix = text.slice(0, m.index).trimEnd();
    const n = wordCount(prefix);
    if (n > words) break;
    if (n < MIN_CLAUSE_WORDS || !balanced(prefix) || tailCarriesAttribution(text.slice(m.index))) continue;
    // Only where a clause ends: before a semicolon or dash, or a comma opening a droppable clause (`, which …`).
    const rest = text.slice(m.index + m[0].length);
    if (!/[;—–-]/.test(m[0]) && (!CLAUSE_OPENER.test(rest) || asideContinues(rest))) continue;
    best = endSentence(prefix);
  }
  // A name with its apposition (`Acme, based in Lenport.`) or a clause cut before its object is not a sentence.
  return best && isCompleteClause(best) ? best : undefined;
}

/** The items within `limit` words in total: whole points in order while they fit; one that does not is left out, or (once) trimmed to a clause. */
export function capWords(items: readonly DigestItem[], limit: number): DigestItem[] {
  const out: DigestItem[] = [];
  let used = 0;
  let trimmed = false;
  for (const item of items) {
    const n = wordCount(item.text);
    if (used + n <= limit) {
      out.push(item);
      used += n;
      continue;
    }
    const clause = trimmed ? undefined : clauseWithin(item.text, limit - used);
    if (!clause) continue;
    trimmed = true;
    out.push({ ...item, text: clause });
    used += wordCount(clause);
  }
  return out;
}
