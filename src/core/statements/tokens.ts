/** A word or punctuation token with its span in the article text. */
export interface Token {
  /** The token as written. */
  text: string;
  /** Lower-cased text, with typographic apostrophes made straight. */
  lc: string;
  start: number;
  end: number;
  /** `w` word, `q` quotation mark, `p` other punctuation. */
  type: 'w' | 'q' | 'p';
  /** Starts with an upper-case letter (or is an acronym). */
  cap: boolean;
  /** Inside a quotation (set by the extractor). */
  quoted: boolean;
}

// Two apostrophes or backticks (one quotation mark in older newswire text), a title abbreviation with its full stop
// (`Mr.`, `Sen.`: one token, so a name after it is read on), a middle initial (`R.` before a name), acronyms with dots (U.S., D.C.), words with inner hyphens or apostrophes, a possessive 's, or one other character.
const TOKEN =
  /''|``|(?:\p{Lu}\.){2,}|(?:Messrs|Mrs|Mr|Ms|Dr|Sens|Sen|Reps|Rep|Gov|Gen|Lt|Col|Sgt|Rev|Jr|Sr|St|Prof|Capt|Adm|Maj|Cmdr|Cpl|Pvt|Atty|Supt|Hon|Amb)\.(?!\p{L})|\p{Lu}\.(?=\s+\p{Lu}\p{Ll})|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*|\S/gu;
const HYPHEN_PARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an|ul|bin|ibn|abu|ben|bint|da|de|di|du|le|la)-\p{Lu}/u;
const QUOTE_CHARS = new Set(["''", '``', '"', '“', '”', '„', '«', '»', '‘', '’', "'", '‹', '›']);

/** Splits `text.slice(start, end)` into tokens whose offsets are into `text`. Linear in the length. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const raw = m[0];
    const s = start + m.index;
    const first = raw.charAt(0);
    if ((raw.length > 1 && !QUOTE_CHARS.has(raw)) || /[\p{L}\p{N}]/u.test(first)) {
      const n = raw.length;
      if (n > 2 && raw.charCodeAt(n - 1) === 115 /* s */ && (raw.charAt(n - 2) === "'" || raw.charAt(n - 2) === '’')) {
        out.push(word(raw.slice(0, n - 2), s));
        out.push(word(raw.slice(n - 2), s + n - 2));
      } else out.push(word(raw, s));
    } else if ((raw === "'" || raw === '’') && possessiveAfterS(text, s, out[out.length - 1])) {
      // `Walters' team`: the apostrophe of a plural or -s possessive, read like `'s`.
      out.push({ text: raw, lc: "'s", start: s, end: s + 1, type: 'w', cap: false, quoted: false });
    } else {
      out.push({ text: raw, lc: raw, start: s, end: s + raw.length, type: QUOTE_CHARS.has(raw) ? 'q' : 'p', cap: false, quoted: false });
    }
  }
  return out;
}

function word(raw: string, s: number): Token {
  // `Mr.` and `R.` keep their full stop in `text` and lose it in `lc`, so word lists need no dotted forms.
  const lower = raw.length <= 7 && raw.endsWith('.') && !raw.slice(0, -1).includes('.') ? raw.slice(0, -1).toLowerCase() : raw.toLowerCase();
  const lc = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
  const c = raw.charAt(0);
  // A name with a lowercase Arabic article or particle and a hyphen (`al-Haddad`, `el-Masri`) is a capitalised name.
  const cap = c !== lower.charAt(0) || HYPHEN_PARTICLE.test(raw);
  return { text: raw, lc, start: s, end: s + raw.length, type: 'w', cap, quoted: false };
}

/** An apostrophe right after a word ending in `s` and before a space and a word: `Walters' team`, `the voters' mood`. */
function possessiveAfterS(text: string, at: number, prev: Token | undefined): boolean {
  return !!prev && prev.type === 'w' && prev.end === at && /s$/i.test(prev.text) && /^\s\p{L}/u.test(text.slice(at + 1, at + 3));
}
