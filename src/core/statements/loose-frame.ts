/**
 * A second reading of the attribution frame right after a quotation, for frames the cue finder cannot take apart:
 * `"…," said Senator Ada Stone, Democrat of Vela, becoming …`, `"…," Ms. Lind, now 81 and retired in Vela, said by
 * telephone`, `"…," said a person close to the family`. It returns only the speaker phrase; the caller classifies and
 * resolves it like any other, and uses it only when the cue finder's reading gives no speaker.
 */
import type { Range } from './cue-types.ts';
import type { Token } from './tokens.ts';
import { FUNCTION_WORDS, SPEECH_FORMS } from './vocabulary.ts';

/** Words that end an inverted speaker phrase: a relative pronoun, or an adjective that opens a post-modifier. */
const ENDS = /^(who|whom|whose|which|that|close|familiar|speaking|according|before|after|during|while|when)$/;
const PREPOSITION = /^(of|at|for|in|from|with|on|to|by)$/;
/** Adverbs and times between a subject (or its asides) and the verb: `Ruiz later said`, `Ruiz, 54, also said`. */
const BETWEEN = /^(also|later|then|again|once|still|previously|recently|earlier|further|quickly|simply|finally|flatly|only|just)$/;
const MAX_PHRASE = 12;
const MAX_FRAME = 40;

const isVerb = (t: Token | undefined) => !!t && t.type === 'w' && !t.cap && /^(past|present)$/.test(SPEECH_FORMS.get(t.lc)?.form ?? '');

/** A speaker phrase read from a frame, and the index of its speech verb. */
export interface LooseFrame extends Range {
  verb: number;
}

/** The speaker phrase of the frame that starts at `k` (the first token after the quotation and its comma), or undefined. */
export function looseFrameSpeaker(tokens: Token[], k: number, hi: number): LooseFrame | undefined {
  const t = tokens[k];
  if (!t || k > hi || t.type !== 'w' || t.quoted) return undefined;
  if (isVerb(t)) {
    const r = invertedPhrase(tokens, k + 1, hi);
    return r && { ...r, verb: k };
  }
  return subjectBeforeVerb(tokens, k, hi);
}

/** `said Senator Ada Stone, Democrat of Vela`: the phrase after the verb, up to a comma, a relative clause or an affiliation. */
function invertedPhrase(tokens: Token[], i: number, hi: number): Range | undefined {
  let k = i;
  let capSeen = false;
  for (; k <= hi && k - i < MAX_PHRASE; k++) {
    const t = tokens[k]!;
    if (t.type !== 'w' || t.quoted) break;
    if (k > i && ENDS.test(t.lc)) break;
    if (k > i && !t.cap && /ing$/.test(t.lc) && t.lc.length > 5) break;
    // `… Stephanie Hooton of Derry`, `a spokesman for the federation`: the affiliation is not the speaker's name.
    const next = tokens[k + 1];
    if (k > i && PREPOSITION.test(t.lc) && next && (next.cap || next.lc === 'the' || capSeen)) break;
    if (k > i && t.cap) capSeen = true;
    if (SPEECH_FORMS.has(t.lc) && !t.cap) return undefined;
  }
  const last = k - 1;
  if (last < i) return undefined;
  const end = tokens[last]!;
  if (FUNCTION_WORDS.has(end.lc) && !end.cap) return undefined;
  return { first: i, last };
}

/**
 * `Ms. Lind, now 81 and retired in Vela, Pa., said`: a short subject, any asides between commas, a few adverbs, then a
 * speech verb; the subject is the words before the first comma.
 */
function subjectBeforeVerb(tokens: Token[], k: number, hi: number, maxFrame = MAX_FRAME): LooseFrame | undefined {
  const first = tokens[k]!;
  // A capitalised word before a speech verb is a name even when it is also a word (`From said`).
  if (!first.cap && !/^(a|an|the|one|another|his|her|their|its)$/.test(first.lc)) return undefined;
  let e = k;
  while (e <= hi && e - k < MAX_PHRASE && tokens[e]!.type === 'w' && !tokens[e]!.quoted && !isVerb(tokens[e])) e++;
  if (e === k || e > hi) return undefined;
  const subject = { first: k, last: e - 1 };
  if (FUNCTION_WORDS.has(tokens[e - 1]!.lc) && !tokens[e - 1]!.cap) return undefined;
  let j = e;
  if (tokens[j]!.lc === ',') {
    // Asides between commas, up to a comma right before the verb (the whole frame stays within MAX_FRAME tokens).
    let lastComma = -1;
    for (let x = j; x <= hi && x - k < maxFrame; x++) {
      const t = tokens[x]!;
      if (t.type === 'q' || t.quoted || t.lc === ';' || (t.lc === '.' && !/^\p{Lu}/u.test(tokens[x - 1]?.text ?? ''))) break;
      if (t.lc === ',' || t.lc === '-' || t.lc === '—' || t.lc === '–' || t.lc === ')') lastComma = x;
      else if (isVerb(t) && lastComma === x - 1) {
        j = x;
        break;
      } else if (isVerb(t) && tokens.slice(lastComma + 1, x).every((w) => BETWEEN.test(w.lc))) {
        j = x;
        break;
      }
    }
  }
  while (j <= hi && tokens[j]!.type === 'w' && BETWEEN.test(tokens[j]!.lc)) j++;
  return isVerb(tokens[j]) ? { ...subject, verb: j } : undefined;
}

/**
 * `Ana Ruiz, 29, of Vela, Ala., says …`: the name that opens the sentence `lo..hi` when the asides after it lead to the
 * speech verb at `verb` and nothing else does; the phrase must look like a name or a description (capitalised last word,
 * at most six words).
 */
export function sentenceOpeningSubject(tokens: Token[], lo: number, hi: number, verb: number): Range | undefined {
  const f = subjectBeforeVerb(tokens, lo, hi, 70);
  if (!f || f.verb !== verb || f.last - f.first > 5 || tokens[f.last + 1]?.lc !== ',') return undefined;
  if (!tokens[f.last]!.cap || tokens.slice(f.first, f.last + 1).some((t) => SPEECH_FORMS.has(t.lc))) return undefined;
  // `On Friday, …, Ruiz said`: an opening adverbial, not the subject.
  const w0 = tokens[f.first]!.lc;
  if (FUNCTION_WORDS.has(w0) && !/^(the|a|an)$/.test(w0)) return undefined;
  return { first: f.first, last: f.last };
}

/**
 * `Eight years ago, she backed the plan and said …`: the subject right after the first comma of a short opening adverbial
 * (at most eight words, no quotation), followed by a lower-case word (its verb) and ending before `before`.
 */
export function openingClauseSubject(tokens: Token[], lo: number, hi: number, before: number): Range | undefined {
  let k = lo;
  while (k <= hi && k - lo < 9 && tokens[k]!.type === 'w' && !tokens[k]!.quoted) k++;
  if (tokens[k]?.lc !== ',' || k === lo) return undefined;
  const first = k + 1;
  const t = tokens[first];
  if (t?.type !== 'w' || t.quoted || (!t.cap && !/^(he|she|they|we|i)$/.test(t.lc))) return undefined;
  let last = first;
  while (last + 1 < before && tokens[last + 1]!.type === 'w' && tokens[last + 1]!.cap && last - first < 4) last++;
  const next = tokens[last + 1];
  return last < before && next?.type === 'w' && !next.cap && !SPEECH_FORMS.has(next.lc) ? { first, last } : undefined;
}
