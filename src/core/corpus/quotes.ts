/**
 * Finds quotation regions in a stretch of text: matched pairs of opening and closing quote marks,
 * curly (“ ” ‘ ’), straight (" '), the doubled apostrophes of older archives (`''…''`, ``` ``…'' ```)
 * and guillemets (« »), told apart from apostrophes by what surrounds them.
 */

/** A quotation: the indices of its opening and closing marks. */
export interface QuoteRegion {
  open: number;
  close: number;
}

/** Single-quoted stretches longer than this are taken for apostrophes that happen to pair up. */
const MAX_SINGLE_QUOTE = 400;

const BEFORE_OPEN = ' \n\r\t\u00a0([{—–-/“‘"\':';

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

function opensHere(text: string, i: number, start: number): boolean {
  const prev = i > start ? text[i - 1]! : ' ';
  const next = text[i + 1];
  return BEFORE_OPEN.includes(prev) && next !== undefined && next !== ' ' && next !== '\n';
}

/**
 * Returns the quotations of `text[start, end)`, sorted and not overlapping (an inner quotation
 * inside an outer one is dropped; the outer one is what matters for sentence ends). Unmatched
 * marks are ignored.
 */
export function findQuoteRegions(text: string, start: number, end: number): QuoteRegion[] {
  const found: QuoteRegion[] = [];
  let dbl = -1;
  let sgl = -1;
  let guil = -1;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xab) guil = i;
    else if (code === 0xbb) {
      if (guil >= 0) found.push({ open: guil, close: i });
      guil = -1;
    }
    if (code !== 34 && code !== 39 && code !== 96 && (code < 0x2018 || code > 0x201d)) continue;
    const c = text[i];
    const pair = text.startsWith("''", i) || text.startsWith('``', i);
    if (pair) {
      // Two apostrophes (or backticks) are one double quotation mark: ''…'' and ``…''.
      const opening = c === '`' || (opensHere(text, i + 1, start) && (i === start || BEFORE_OPEN.includes(text[i - 1]!)) && dbl < 0);
      if (opening) dbl = i;
      else if (dbl >= 0) {
        found.push({ open: dbl, close: i + 1 });
        dbl = -1;
      }
      sgl = -1;
      i++;
      continue;
    }
    if (c === '`') continue;
    if (c === '“' && dbl >= 0 && !opensHere(text, i, start)) {
      found.push({ open: dbl, close: i }); // an opening mark typed as the closing one (`“word“`)
      dbl = -1;
    } else if (c === '“') dbl = i;
    else if (c === '”') {
      if (dbl >= 0) found.push({ open: dbl, close: i });
      dbl = -1;
    } else if (c === '"') {
      if (dbl >= 0 && !opensHere(text, i, start)) {
        found.push({ open: dbl, close: i });
        dbl = -1;
      } else if (opensHere(text, i, start)) dbl = i;
      else dbl = -1;
    } else if (c === '‘' || (c === "'" && opensHere(text, i, start) && isWordChar(text[i + 1]))) {
      sgl = i;
    } else if ((c === '’' || c === "'") && sgl >= 0 && !isWordChar(text[i + 1])) {
      if (i - sgl <= MAX_SINGLE_QUOTE) found.push({ open: sgl, close: i });
      sgl = -1;
    }
  }
  found.sort((a, b) => a.open - b.open);
  const out: QuoteRegion[] = [];
  for (const q of found) {
    const last = out[out.length - 1];
    if (last && q.open < last.close) continue;
    out.push(q);
  }
  return out;
}
