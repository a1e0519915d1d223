import { tailCarriesAttribution } from './attribution.ts';
import { wordCount } from './features.ts';

/** A sentence cut at a clause boundary: the kept text and where the cut fell. */
export interface Trimmed {
  /** The kept clause(s), ending with a full stop. */
  text: string;
  /** Length of the kept prefix in the original sentence (for the evidence span). */
  end: number;
}

/** Options of `trimSentence`. */
export interface TrimOptions {
  /** Sentences up to this many characters are never trimmed. */
  maxChars?: number;
  /** A kept prefix has at least this many words. */
  minWords?: number;
}

const BOUNDARY = /,\s+|;\s+|\s+[—–]\s+|\s+-\s+|—/g;
/** Words that open a clause one may drop (`, which …`, `, while …`, `, saying …`). */
export const CLAUSE_OPENER =
  /^(?:which|who|whose|with|while|whereas|though|although|but|as|after|before|because|since|when|whether|amid|despite|following|stopping|potentially|possibly|\p{L}+ing)\b/iu;

/** A kept prefix as a sentence: trailing separators dropped and one full stop (an abbreviation's `Corp.` is its own). */
export function endSentence(prefix: string): string {
  const t = prefix.replace(/[\s,;:—–-]+$/, '');
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/**
 * True when the clause after a comma is an aside inside the sentence, not its end: the sentence goes on
 * with its verb after the aside's closing comma (`a jury of ten, including four alternates, was seated`).
 * Cutting there would leave a subject without its verb.
 */
export function asideContinues(rest: string): boolean {
  return /^[^,;:.!?]{1,80},\s+(?:was|were|is|are|has|have|had|will|would|can|could|did|does|do|must|may|might|should)\b/i.test(rest);
}

function balanced(prefix: string): boolean {
  const open = (prefix.match(/[“«]/g) ?? []).length;
  const close = (prefix.match(/[”»]/g) ?? []).length;
  const straight = (prefix.match(/"/g) ?? []).length;
  const po = (prefix.match(/\(/g) ?? []).length;
  const pc = (prefix.match(/\)/g) ?? []).length;
  return open === close && straight % 2 === 0 && po === pc;
}

/**
 * Cuts a long sentence to its leading clause(s) at a clause boundary (`;`, a dash, or a comma before
 * `which`/`while`/a participle …). A cut is made only when `keep(prefix)` holds (the caller checks
 * that no topic term is lost), quotes and brackets in the prefix are balanced, and the dropped tail
 * does not carry the attribution (`…, Costa said.` is never dropped). The shortest acceptable
 * prefix wins. Returns undefined when the sentence is short enough or cannot be cut safely.
 */
export function trimSentence(text: string, keep: (prefix: string) => boolean, options: TrimOptions = {}): Trimmed | undefined {
  const maxChars = options.maxChars ?? 240;
  const minWords = options.minWords ?? 8;
  if (text.length <= maxChars) return undefined;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const cut = m.index;
    const prefix = text.slice(0, cut).trimEnd();
    const rest = text.slice(cut + m[0].length);
    const isDash = /[—–-]/.test(m[0]);
    const isSemi = m[0].startsWith(';');
    if (!isDash && !isSemi && (!CLAUSE_OPENER.test(rest) || asideContinues(rest))) continue;
    if (wordCount(prefix) < minWords || !balanced(prefix)) continue;
    if (tailCarriesAttribution(text.slice(cut))) continue;
    if (!keep(prefix)) continue;
    return { text: endSentence(prefix), end: prefix.length };
  }
  return undefined;
}
