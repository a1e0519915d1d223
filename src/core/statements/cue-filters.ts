import type { Cue, Range } from './cue-types.ts';
import { phraseEndingAt } from './noun-phrase.ts';
import type { Token } from './tokens.ts';
import { FUNCTION_WORDS, SPEECH_FORMS } from './vocabulary.ts';

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
    const opens = k === lo || (before && (before.lc === ',' || before.lc === 'and' || before.lc === 'but' || before.type === 'q'));
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
  // `maintains a lead`, `responded by blocking …`: holding or acting, not saying; only a clause or a quotation is said.
  if ((c.lemma === 'maintain' || c.lemma === 'respond') && c.form !== 'ing' && next && c.verbEnd + 1 <= hi)
    if (!(next.type === 'q' || /^(that|,|:|he|she|they|we|i|it)$/.test(next.lc))) return true;
  // `adding to his lead`, `pleading guilty`, `telling the truth`: acting, not saying.
  if (next && c.verbEnd + 1 <= hi && ((c.lemma === 'add' && next.lc === 'to') || (c.lemma === 'plead' && /^(guilty|innocent)$/.test(next.lc)))) return true;
  if (c.lemma === 'tell' && next?.lc === 'the' && /^(truth|story)$/.test(tokens[c.verbEnd + 2]?.lc ?? '')) return true;
  // `pledged delegates`: an adjective before a plural noun.
  if (c.lemma === 'pledge' && c.form === 'past' && next && next.type === 'w' && !next.cap && /[^s']s$/.test(next.lc) && !FUNCTION_WORDS.has(next.lc))
    return true;
  if (!c.subject || c.subject.first > c.at) return false;
  const rel = tokens[c.subject.first - 1];
  if (!rel || c.subject.first - 1 < lo || !/^(that|which)$/.test(rel.lc)) return false;
  const after = tokens[c.end + 1];
  return !after || c.end + 1 > hi || after.type === 'p' || GAP_PREPOSITIONS.has(after.lc);
}

/** Words after an inverted subject's head that end it: a preposition, a relative pronoun. */
const SUBJECT_END = /^(in|at|on|of|for|from|with|to|who|whom|whose|which|that|close|familiar|near|inside)$/;

/**
 * An inverted subject our name reader does not take (`said one Western diplomat in Doha, who …`, `said a trader`):
 * a determiner and at most four more words up to a comma, a full stop, a preposition or a relative pronoun; returns
 * the last index of the phrase before that boundary, or -1.
 */
export function looseInvertedSubject(tokens: Token[], i: number, hi: number): number {
  if (!OPENERS.has(tokens[i]?.lc ?? '') || tokens[i]!.quoted) return -1;
  let k = i + 1;
  for (; k <= hi && k - i <= 4; k++) {
    const t = tokens[k]!;
    if (t.type !== 'w' || t.quoted || SUBJECT_END.test(t.lc) || SPEECH_FORMS.has(t.lc)) break;
  }
  const last = k - 1;
  if (last <= i || FUNCTION_WORDS.has(tokens[last]!.lc) || /ly$/.test(tokens[last]!.lc)) return -1;
  const after = tokens[k];
  return !after || k > hi || after.type === 'p' || SUBJECT_END.test(after.lc) ? last : -1;
}
