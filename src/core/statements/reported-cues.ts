/**
 * Shapes in which a verb that is often no speech verb still reports what someone said, read after the cheap word
 * lookups of cues.ts: `the Herald reported that …`, `…, the agency reported on Tuesday.` (a report with its clause or
 * after what it reports, not `reported higher exports`).
 *
 * General English only: no names.
 */
import type { Cue, Range } from './cue-types.ts';
import type { Token } from './tokens.ts';
import { CALENDAR_WORDS, SPEECH_FORMS, TIME_WORDS } from './vocabulary.ts';

/** Skips a time phrase right after a verb (`on Tuesday`, `last week`, `Monday`, `earlier`); returns the next index. */
function afterTime(tokens: Token[], k: number, hi: number): number {
  for (let n = 0; n < 3 && k <= hi; n++) {
    const t = tokens[k]!;
    if (/^(earlier|later|yesterday|today|late|again|also|first|previously|recently)$/.test(t.lc)) k++;
    else if (CALENDAR_WORDS.has(t.lc) && t.cap && !/^(may|march)$/.test(t.lc)) k++;
    else if (/^(on|last|this|early)$/.test(t.lc) && (TIME_WORDS.has(tokens[k + 1]?.lc ?? '') || CALENDAR_WORDS.has(tokens[k + 1]?.lc ?? ''))) k += 2;
    else break;
  }
  return k;
}

/**
 * `reported` as speech without a quotation: followed (after a time phrase) by `that` and a clause, or ending what it
 * reports (`…, the agency reported.`, `…, the paper reported on Monday, …`). An object after it is a result reported
 * (`reported a loss`), not speech.
 */
export function reportsClause(tokens: Token[], i: number, hi: number): boolean {
  const k = afterTime(tokens, i + 1, hi);
  if (k > hi) return true;
  const t = tokens[k]!;
  if (t.lc === 'that') return hi - k >= 3;
  return t.type === 'p' && /^(\.|,|;|—|–|--|\))$/.test(t.lc);
}

/** Prepositions that open a sentence's circumstance (`At a rally in Vela, Ruiz promised …`). */
const CIRCUMSTANCE_OPENER = /^(in|at|on|during|after|before|from|for|with|under|over|through|since|outside|inside|throughout|across|by)$/;

/**
 * `At a rally in Vela, Ruiz promised …`: the words before the subject's comma are a short prepositional phrase (at most
 * eight words, no verb-like word, no quotation), the circumstance of the report, never what it reports.
 */
export function openingCircumstance(tokens: Token[], first: number, last: number): boolean {
  const t = tokens[first];
  if (t?.type !== 'w' || !CIRCUMSTANCE_OPENER.test(t.lc) || last - first > 8 || last < first) return false;
  for (let k = first; k <= last; k++) {
    const x = tokens[k]!;
    if (x.quoted || x.type === 'q' || x.lc === 'that' || (!x.cap && k > first && /(ed|ing)$/.test(x.lc) && x.lc.length > 4)) return false;
  }
  return true;
}

/** Verbs that take an infinitive as what they report (`promised to cut taxes`), so `to` after them is no trailing circumstance. */
const TAKES_INFINITIVE = /^(promise|vow|pledge|threaten|agree|offer|decline|refuse|urge|ask|plan|aim|hope|expect|want|seek|intend|wish|prefer|propose|demand)$/;

/** `Ruiz promised to cut taxes`: `to` and a lower-case word after a verb that takes an infinitive. */
export function infinitiveAfter(tokens: Token[], c: Cue, k: number): boolean {
  const next = tokens[k + 1];
  return (
    tokens[k]?.lc === 'to' &&
    TAKES_INFINITIVE.test(c.lemma) &&
    !!next &&
    next.type === 'w' &&
    !next.cap &&
    !/^(the|a|an|his|her|their|its|our|my|your|this|that|these|those|reporters|me|him|them|us)$/.test(next.lc)
  );
}

/** Unquoted words of what `c` reports before the text position `at`. */
export function wordsBefore(tokens: Token[], c: Cue, at: number): number {
  const r = c.complement[0];
  return r ? tokens.slice(r.first, r.last + 1).filter((t) => t.type === 'w' && !t.quoted && t.end <= at).length : 0;
}

/**
 * What a cue reports is mostly the writer's own words with short quotations in it (`suggested “x” had started to seep
 * into politics`): at least six unquoted words, more than the quoted ones, and not a characterisation (`called it “x”`)
 * nor a shout (`yelled “x” at the crowd`).
 */
export function mostlyOwnWords(c: Cue, tokens: Token[]): boolean {
  let own = 0;
  let quoted = 0;
  for (const r of c.complement)
    for (let k = r.first; k <= r.last; k++) {
      const t = tokens[k]!;
      if (t.type !== 'w') continue;
      if (t.quoted) quoted++;
      else own++;
    }
  return (
    own >= 6 && own > quoted && !/^(describe|call|term|characterise|characterize|label|brand|shout|yell|chant|scream|holler|whisper|exclaim|cry)$/.test(c.lemma)
  );
}

/** What may open the object of `call` before what it is called (`called Ruiz a liar`, `calls his plan “a mess”`). */
const CALLED = /^(himself|herself|themselves|itself|this|that|these|those|his|her|their|its|my|our|your|us|me|him|them)$/;

/**
 * `called Ruiz a liar`, `calls the toll “theft”`, `calling himself a moderate`: `call` with an object (a name or a
 * pronoun) and then what it is called, a quotation or `a`/`an` within the next eight words, no comma between.
 */
export function namesAs(tokens: Token[], i: number, hi: number, lemma: string): boolean {
  const next = tokens[i + 1];
  if (lemma !== 'call' || !next || next.type !== 'w' || next.quoted || !(next.cap || CALLED.test(next.lc))) return false;
  // `a group called Vela Now`: a name given, not a speaker calling someone something.
  const before = tokens[i - 1];
  if (before && before.type === 'w' && !before.cap && /^(a|an|the)$/.test(tokens[i - 2]?.lc ?? '')) return false;
  for (let k = i + 2; k <= hi && k - i <= 8; k++) {
    const t = tokens[k]!;
    if (t.type === 'q') return true;
    if (t.type !== 'w') return false;
    if ((t.lc === 'a' || t.lc === 'an') && k > i + 2) return true;
  }
  return false;
}

/** Heads of a poll or study that reports its findings. */
const POLL_HEADS = /^(poll|polls|survey|surveys|study|tally|count|analysis|census)$/;

/**
 * `In a new Vela Herald poll released Monday, 52 percent …`: after `in` at `i`, a phrase of at most ten words headed by
 * a poll or survey (its release or sample after it), then a comma, and no speech verb after; returns the range from the
 * first word to the head, and the comma.
 */
export function openingPoll(tokens: Token[], i: number, hi: number): (Range & { comma: number }) | undefined {
  let head = -1;
  let k = i + 1;
  for (; k <= hi && k - i <= 14; k++) {
    const t = tokens[k]!;
    if (t.lc === ',') break;
    if (t.quoted || t.type === 'q' || (t.type === 'p' && !/^(\/|-|'s|’s|\.)$/.test(t.lc))) return undefined;
    if (t.type === 'w' && !t.cap && POLL_HEADS.test(t.lc) && head < 0) head = k;
  }
  if (head < 0 || tokens[k]?.lc !== ',' || head - i > 6 || k >= hi - 3) return undefined;
  if (!/^(a|an|the|this|that|its|their|his|her|our|one|new|latest|recent)$/.test(tokens[i + 1]!.lc) && !tokens[i + 1]!.cap) return undefined;
  // `In a recent study, three economists found …`: a finding with its own verb is theirs, not the study's.
  for (let x = k + 1; x <= hi; x++) if (SPEECH_FORMS.has(tokens[x]!.lc) || /^(found|find|finds|shows|showed)$/.test(tokens[x]!.lc)) return undefined;
  return { first: i + 1, last: head, comma: k };
}
