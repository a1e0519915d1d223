/**
 * Repairs mojibake: UTF-8 text that was decoded once as Windows-1252 (or Latin-1) and saved again,
 * so `é` reads `Ã©` and `’` reads `â€™`. The repair reverses that decoding only where it shows: a
 * run of characters whose Windows-1252 bytes form one valid UTF-8 sequence of a lead byte and its
 * continuation bytes. Everything else is left alone, so correct text (Latin-1 names included) never
 * changes. A text decoded twice is repaired by a second pass.
 *
 * Why not a library? The npm packages that do this (`fix-utf8`, `fix-latin1-to-utf8`) are fixed
 * tables of about 120 two- and three-character sequences; they miss sequences after a Unicode
 * compatibility normalisation (`Ã` + ` ̄` for `ï`, `Ãa` for `ê`, seen in real corpora) and text
 * decoded twice. Python's ftfy does it properly but has no JavaScript port. The reversal below is
 * the same idea as ftfy's core (re-encode, check it is valid UTF-8), restricted to what it can prove.
 */

/** Windows-1252 for bytes 0x80–0x9F (undefined bytes read as the C1 control of the same number, as browsers do). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** The character a Windows-1252 decoder gives for a byte ≥ 0x80. */
function cp1252(byte: number): string {
  return byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
}

/** Each continuation byte (0x80–0xBF) by its Windows-1252 character. */
const CONTINUATION = new Map<string, number>();
/**
 * Continuation bytes by what a compatibility normalisation (NFKC) made of their character:
 * `¯` → ` ̄`, `ª` → `a`, `º` → `o`, NBSP → space. Accepted only right after `Â` or `Ã`, where a
 * two-byte sequence is certain, and never at the start of a longer sequence.
 */
const NORMALISED: { text: string; byte: number }[] = [];
for (let b = 0x80; b <= 0xbf; b++) {
  const ch = cp1252(b);
  CONTINUATION.set(ch, b);
  const n = ch.normalize('NFKC');
  if (n !== ch && n.length > 0) NORMALISED.push({ text: n, byte: b });
}
NORMALISED.sort((a, b) => b.text.length - a.text.length);

/** How many continuation bytes a lead byte takes (0 when it is no lead byte). */
function continuations(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return 0;
}

const DECODER = new TextDecoder('utf-8', { fatal: true });

const escapeRegExp = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
const TELLTALE = new RegExp(
  `[\u00C2-\u00F4][${[...CONTINUATION.keys()].map(escapeRegExp).join('')}]|[ÂÃ](?:${NORMALISED.map((x) => escapeRegExp(x.text)).join('|')})`,
  'u',
);

/** True when `text` shows the telltale pattern: a lead character (`Â`–`ô`) before a character a continuation byte decodes to. */
export function hasMojibake(text: string): boolean {
  return TELLTALE.test(text);
}

/** The repaired character and how many characters of `text` it replaces, for a candidate at `i`; undefined when none. */
function repairAt(text: string, i: number): { char: string; length: number } | undefined {
  const lead = text.charCodeAt(i);
  const need = continuations(lead);
  if (need === 0) return undefined;
  const bytes = [lead];
  let j = i + 1;
  for (let k = 0; k < need; k++) {
    const b = CONTINUATION.get(text[j] ?? '');
    if (b !== undefined) {
      bytes.push(b);
      j++;
      continue;
    }
    if (need !== 1 || (lead !== 0xc2 && lead !== 0xc3)) return undefined;
    const alt = NORMALISED.find((x) => text.startsWith(x.text, j));
    if (!alt) return undefined;
    bytes.push(alt.byte);
    j += alt.text.length;
  }
  let char: string;
  try {
    char = DECODER.decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
  return { char, length: j - i };
}

/** One pass of the repair over `text`. */
function repairOnce(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xc2 || code > 0xf4) continue;
    const fix = repairAt(text, i);
    if (!fix) continue;
    out += text.slice(last, i) + fix.char;
    i += fix.length - 1;
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * Returns `text` with mis-decoded UTF-8 repaired (`MarquÃ©s` → `Marqués`, `â€™` → `’`), or `text`
 * itself when it shows no such pattern. Runs at most three passes, for text decoded more than once.
 */
export function repairMojibake(text: string): string {
  let current = text;
  for (let pass = 0; pass < 3 && hasMojibake(current); pass++) {
    const next = repairOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}
