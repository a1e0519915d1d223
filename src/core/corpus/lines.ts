/**
 * Splits text into its non-blank lines, with spans trimmed of surrounding whitespace.
 * Handles `\n`, `\r\n` and lone `\r` line endings, so spans stay valid for CRLF files.
 */

/** One non-blank line of text. */
export interface Line {
  /** Offset of the first non-space character. */
  start: number;
  /** Offset just after the last non-space character. */
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
  /** True when a blank line (or the start of the text) comes before this line. */
  blankBefore: boolean;
}

/** True for the characters `String.prototype.trim` removes, except line breaks. */
export function isSpaceCode(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 11 ||
    code === 12 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** True for line breaks, which end a line: `\n`, `\r`, and the Unicode line and paragraph separators. */
function isBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/** Returns the non-blank lines of `text` in order. */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let blank = true;
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let e = i;
    while (e < n && !isBreak(text.charCodeAt(e))) e++;
    let s = i;
    let t = e;
    while (s < t && isSpaceCode(text.charCodeAt(s))) s++;
    while (t > s && isSpaceCode(text.charCodeAt(t - 1))) t--;
    if (t > s) {
      out.push({ start: s, end: t, text: text.slice(s, t), blankBefore: blank });
      blank = false;
    } else blank = true;
    if (e >= n) break;
    i = text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
  }
  return out;
}
