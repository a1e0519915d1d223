/**
 * Attributions to a source rather than by a verb: `according to X`, `as reported by X`: the source phrase
 * (a name, or a lower-case source read up to its head noun), and what it is cited for around it.
 */
import type { Cue, Range } from './cue-types.ts';
import { DESCRIPTION_START } from './cue-words.ts';
import { phraseStartingAt } from './noun-phrase.ts';
import type { Token } from './tokens.ts';
import { FUNCTION_WORDS, SPEECH_FORMS } from './vocabulary.ts';

/**
 * `according to a new poll`, `according to recent polling`: a lower-case source our name reader does not take, read up
 * to its head noun (before a preposition, comma or clause), at most six words; returns the last index or -1.
 */
export function looseSource(tokens: Token[], from: number, hi: number): number {
  let k = from;
  if (/^(a|an|the|his|her|its|their|this|that|these|those|one|some|two|three|several|many|multiple)$/.test(tokens[k]?.lc ?? '') || tokens[k + 1]?.lc === "'s")
    k += tokens[k + 1]?.lc === "'s" ? 2 : 1;
  // `the most recent data`, `the latest figures`.
  if (/^(most|more)$/.test(tokens[k]?.lc ?? '') && tokens[k + 1]?.type === 'w') k++;
  let last = -1;
  for (; k <= hi && k - from < 7; k++) {
    const t = tokens[k]!;
    if (t.type !== 'w' || t.quoted || (FUNCTION_WORDS.has(t.lc) && t.lc !== 'new') || SPEECH_FORMS.has(t.lc)) break;
    last = k;
  }
  return last >= from && !tokens[last]!.cap && /[a-z]{3,}/.test(tokens[last]!.lc) ? last : -1;
}

/**
 * `the Harbor Wire polling average`, `State Department cables`, `a court filing`: lower-case nouns after the
 * phrase read so far are its head (at most three, then a comma, a full stop or a preposition); returns the new last index.
 */
export function extendCompound(tokens: Token[], last: number, hi: number): number {
  if (last < 0) return last;
  let k = last + 1;
  while (
    k <= hi &&
    k - last <= 3 &&
    tokens[k]!.type === 'w' &&
    !tokens[k]!.cap &&
    !tokens[k]!.quoted &&
    !FUNCTION_WORDS.has(tokens[k]!.lc) &&
    !SPEECH_FORMS.has(tokens[k]!.lc) &&
    !/(ly|ed|ing)$/.test(tokens[k]!.lc) &&
    tokens[k]!.lc.length > 2
  )
    k++;
  if (k === last + 1) return last;
  const after = tokens[k];
  return !after || k > hi || after.type === 'p' || /^(from|by|of|in|at|for|on|that|which|who)$/.test(after.lc) ? k - 1 : last;
}

export function sourceCue(tokens: Token[], at: number, end: number, subject: Range, lo: number, hi: number): Cue {
  const cue: Cue = {
    at,
    end: subject.last,
    verbEnd: end,
    lemma: tokens[end]?.lc === 'by' ? 'reported by' : 'according to',
    form: 'source',
    subject,
    nested: false,
    quoted: false,
    clauseStart: at,
    complement: [],
    around: false,
  };
  void end;
  let after = subject.last + 1;
  // `According to the charity that employs them, Aidnet, …`: skip the relative clause; a name after it is the source.
  if (/^(that|which|who)$/.test(tokens[after]?.lc ?? '')) {
    let k = after + 1;
    while (k <= hi && k - after < 12 && tokens[k]!.lc !== ',' && !tokens[k]!.quoted) k++;
    if (tokens[k]?.lc === ',' && k < hi) {
      const named = phraseStartingAt(tokens, k + 1, hi, true);
      if (named >= 0 && tokens[k + 1]!.cap && tokens[named + 1]?.lc === ',') {
        cue.subject = subject = { first: k + 1, last: named };
        after = named + 2;
      } else after = k + 1;
    }
  }
  // `according to a source familiar with the talks`, `a person close to the family`, `officials who asked not to be
  // named`: the source's own description, up to a comma or the end of the sentence, not what it is cited for.
  const described = (lc: string | undefined) => !!lc && (DESCRIPTION_START.has(lc) || lc === 'that' || lc === 'which');
  let d = subject.first + 1;
  while (d < after && !described(tokens[d]!.lc)) d++;
  if (d <= hi && described(tokens[d]?.lc)) {
    let k = d;
    while (k <= hi && tokens[k]!.lc !== ',' && !tokens[k]!.quoted) k++;
    if (k > hi || tokens[k]!.lc === ',') after = k + 1;
  }
  if (tokens[after]?.lc === 'to') {
    const channel = phraseStartingAt(tokens, after + 1, hi);
    if (channel >= 0) after = channel + 1;
  }
  // `according to a new poll by Vela Research`, `a report in the Herald`: the rest of the source, not what it says.
  if (/^(by|in|from|of|at|for)$/.test(tokens[after]?.lc ?? '') && after <= hi) {
    const more = phraseStartingAt(tokens, after + 1, hi);
    if (more >= 0 && tokens[after + 1]!.type === 'w' && (tokens[after + 1]!.cap || tokens[more]!.cap)) after = more + 1;
  }
  // `According to early results of exit polls conducted for the network by Vela Research, most voters …`: opening the
  // sentence, the source runs to its comma; what it is cited for is the clause after it.
  if (at === lo && tokens[after]?.lc !== ',' && after <= hi) {
    let k = after;
    while (k <= hi && k - after < 25 && tokens[k]!.lc !== ',' && !tokens[k]!.quoted && tokens[k]!.type !== 'q') k++;
    if (tokens[k]?.lc === ',' && hi - k >= 3) after = k + 1;
  }
  cue.end = after - 1;
  if (at > lo) {
    cue.around = true;
    const stop = tokens[at - 1]!.lc === ',' ? at - 2 : at - 1;
    cue.complement = [{ first: lo, last: stop }];
    if (after <= hi) cue.complement.push({ first: after, last: hi });
  }
  return cue;
}
