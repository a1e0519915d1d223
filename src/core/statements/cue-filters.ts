import type { Cue, Range } from './cue-types.ts';
import { phraseEndingAt } from './noun-phrase.ts';
import type { Token } from './tokens.ts';

const OPENERS = new Set(['the', 'a', 'an', 'one', 'another', 'some', 'two', 'three']);

/**
 * A subject we cannot read as a plain noun phrase: `One diplomat who attended the session` (the phrase before `who`)
 * or a determiner phrase opening the clause (`the official steering the negotiations`), within 8 words, no punctuation.
 */
export function looseSubject(tokens: Token[], p: number, lo: number): Range | undefined {
  for (let k = p; k >= lo && p - k < 8; k--) {
    const t = tokens[k]!;
    if (t.type !== 'w' || t.quoted) return undefined;
    if (t.lc === 'who' && k - 1 >= lo) {
      const first = phraseEndingAt(tokens, k - 1, lo);
      return first >= 0 ? { first, last: k - 1 } : undefined;
    }
    const before = tokens[k - 1];
    const opens = k === lo || (before && (before.lc === ',' || before.lc === 'and' || before.lc === 'but'));
    if (OPENERS.has(t.lc) && opens && k < p) return { first: k, last: p };
  }
  return undefined;
}

const NOTHING = new Set(['little', 'nothing', 'less']);
const GAP_PREPOSITIONS = new Set(['under', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'as', 'since', 'through', 'over']);

/** `said little in public`, `has said nothing`; `farmland that both governments claim under a survey` (a relative clause, object gapped). */
export function notSpeech(tokens: Token[], c: Cue, lo: number, hi: number): boolean {
  const next = tokens[c.verbEnd + 1];
  if (next && c.verbEnd + 1 <= hi && NOTHING.has(next.lc) && tokens[c.verbEnd + 2]?.lc !== 'that') return true;
  // `asked not to be named`, `asked for anonymity`, `asked to leave`: a request about the speaker, not speech reported.
  if (c.lemma === 'ask' && next && /^(not|to|for|that|him|her|them|me|us)$/.test(next.lc)) return true;
  if (!c.subject || c.subject.first > c.at) return false;
  const rel = tokens[c.subject.first - 1];
  if (!rel || c.subject.first - 1 < lo || !/^(that|which)$/.test(rel.lc)) return false;
  const after = tokens[c.end + 1];
  return !after || c.end + 1 > hi || after.type === 'p' || GAP_PREPOSITIONS.has(after.lc);
}
