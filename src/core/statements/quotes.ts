import type { Span } from '../model.ts';

/** A quotation found in a block of text. */
export interface Quotation {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark, or the block end when the quotation runs on. */
  close: number;
  /** The quoted words, trimmed of spaces and trailing `,;:.`. */
  content: Span;
  /** False when the block ended before a closing mark (a quotation continued in the next paragraph). */
  closed: boolean;
  /** Curly/straight double (`double`) or single (`single`) marks. */
  marks: 'double' | 'single';
}

/** Two apostrophes (or two backticks) stand for a double quotation mark in older newswire and archive text. */
const QUOTE_MARK = /''|``|["“”„«»‘’']/g;
const OPEN_DOUBLE = new Set(['“', '„', '«']);
const CLOSE_DOUBLE = new Set(['”', '»']);
const isWordChar = (c: string) => /[\p{L}\p{N}]/u.test(c);

/**
 * Finds the quotations in `text[start, end)` (one paragraph or headline): straight or curly, double or single
 * marks, apostrophes told apart from closing single quotes. Quotes nested in a quote are part of it.
 * Marks in markup (`attr="x"`, CSS blocks) are ignored. One pass, linear in the length.
 */
export function findQuotations(text: string, start: number, end: number): Quotation[] {
  const out: Quotation[] = [];
  const brace = text.indexOf('{', start);
  if (brace >= 0 && brace < end && text.indexOf('}', brace) >= 0 && text.indexOf('}', brace) < end) return out; // CSS or code
  let open = -1;
  let openLen = 1;
  let marks: 'double' | 'single' = 'double';
  QUOTE_MARK.lastIndex = start;
  for (let m = QUOTE_MARK.exec(text); m && m.index < end; m = QUOTE_MARK.exec(text)) {
    const i = m.index;
    const c = m[0];
    const len = c.length;
    const prev = i > start ? text.charAt(i - 1) : ' ';
    const next = i + len < end ? text.charAt(i + len) : ' ';
    if (c === '``') {
      if (open < 0 || marks === 'single') {
        open = i;
        openLen = 2;
        marks = 'double';
      }
    } else if (c === "''") {
      // Like a straight double mark; a lone closing apostrophe of a single quote is followed by one more (`'a''`: rare).
      if (open >= 0 && marks === 'double') {
        push(out, text, open, openLen, i, 2, true, marks);
        open = -1;
      } else if (open >= 0 && marks === 'single' && !isWordChar(next)) {
        push(out, text, open, openLen, i, 1, true, marks);
        open = -1;
      } else if (!isWordChar(prev) && next !== "'") {
        open = i;
        openLen = 2;
        marks = 'double';
      }
    } else if (OPEN_DOUBLE.has(c)) {
      if (open < 0 || marks === 'single') {
        open = i;
        openLen = 1;
        marks = 'double';
      } else {
        open = i;
        openLen = 1;
      } // an unclosed quote followed by a new one: the first was unbalanced
    } else if (CLOSE_DOUBLE.has(c)) {
      if (open >= 0 && marks === 'double') {
        push(out, text, open, openLen, i, 1, true, marks);
        open = -1;
      }
    } else if (c === '"') {
      if (prev === '=' || next === '>') continue; // markup attribute
      if (open >= 0 && marks === 'double') {
        push(out, text, open, openLen, i, 1, true, marks);
        open = -1;
      } else if (!isWordChar(prev)) {
        open = i;
        openLen = 1;
        marks = 'double';
      }
    } else if (c === '‘' || c === "'") {
      if (open < 0 && !isWordChar(prev) && isWordChar(next)) {
        open = i;
        openLen = 1;
        marks = 'single';
      } else if (c === "'" && open >= 0 && marks === 'single' && !isWordChar(next)) {
        push(out, text, open, openLen, i, 1, true, marks);
        open = -1;
      }
    } else if (c === '’') {
      if (open >= 0 && marks === 'single' && !isWordChar(next)) {
        push(out, text, open, openLen, i, 1, true, marks);
        open = -1;
      }
    }
  }
  if (open >= 0) push(out, text, open, openLen, end, 0, false, marks);
  return out;
}

function push(out: Quotation[], text: string, open: number, openLen: number, closeMark: number, closeLen: number, closed: boolean, marks: 'double' | 'single') {
  let s = open + openLen;
  let e = closeMark;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /[\s,;:.]/.test(text.charAt(e - 1))) e--;
  if (e <= s) return;
  out.push({ open, close: closed ? closeMark + closeLen : closeMark, content: { start: s, end: e }, closed, marks });
}

/** True when quoted words look like a name or title in Title Case (`'Candid and Very Constructive'`), not speech. */
export function isTitleCase(words: string): boolean {
  const ws = words.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (ws.length === 0 || ws.length > 8) return false;
  const small = /^(a|an|the|and|or|of|in|on|at|to|for|by|with|from|vs?\.?)$/i;
  return ws.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && small.test(w)));
}
