/**
 * How the cues of one sentence relate to each other: a cue whose complement surrounds it (`…, X said.`),
 * participles that share an earlier cue's speaker, the main clause's subject for a cue without one, and
 * cues nested inside another's complement.
 */
import type { Cue, Range } from './cue-types.ts';
import { phraseEndingAt, phraseStartingAt } from './noun-phrase.ts';
import { sentenceSubject as mainSubject } from './sentence-subject.ts';
import type { Token } from './tokens.ts';
import { TAIL_START } from './cue-words.ts';
import { infinitiveAfter, openingCircumstance } from './reported-cues.ts';
import { BODY_HEADS, CALENDAR_WORDS, CLAUSE_CONJUNCTIONS, GROUP_HEADS, ROLE_WORDS, SPEECH_FORMS, TIME_WORDS } from './vocabulary.ts';

/** Words that open the writer's own clause after an attribution (`…, X said, in a move …`). */
const WRITER_CLAUSE = new Set([
  'in',
  'as',
  'after',
  'amid',
  'while',
  'when',
  'before',
  'following',
  'with',
  'despite',
  'days',
  'hours',
  'weeks',
  'a',
  'an',
  'which',
  'where',
]);

/** `…, Orlov stated.` and `The talks, he argued, had …`: the cue's complement is the rest of the sentence. */
export function markAround(tokens: Token[], cues: Cue[], lo: number, hi: number) {
  for (const c of cues) {
    // `…, said Ana Ruiz, a senior fellow at the institute.`: what was said is before the comma, never the apposition.
    if (
      c.subject &&
      c.subject.first > c.at &&
      c.form !== 'source' &&
      c.form !== 'ing' &&
      !c.quoted &&
      c.at - 1 > lo &&
      tokens[c.at - 1]!.lc === ',' &&
      tokens[c.at - 2]!.type !== 'q'
    ) {
      c.around = true;
      c.complement = [{ first: lo, last: c.at - 2 }];
      for (const o of cues) if (o !== c && o.at < c.at - 1 && o.at >= lo) o.nested = true;
      continue;
    }
    if (!c.subject || c.subject.first > c.at || c.form === 'ing' || c.quoted) continue;
    let comma = c.subject.first - 1;
    // `…, frontman Ana Ruiz recently revealed.`, `…, the news site Vela Now reported.`: a title or description before the
    // name read as the subject, back to the comma.
    for (let k = comma; k > lo && c.subject.first - k <= 6 && tokens[comma]!.lc !== ','; k--) {
      const t = tokens[k]!;
      if (t.lc === ',') comma = k;
      else if (t.type !== 'w' || t.quoted || SPEECH_FORMS.has(t.lc) || CLAUSE_CONJUNCTIONS.has(t.lc) || /^(that|which|who|as|if|when|than)$/.test(t.lc)) break;
    }
    // `…, a point Ruiz also acknowledged`: an object and its relative clause, not a speaker's description.
    const description = tokens.slice(comma + 1, c.subject.first);
    if (/^(a|an)$/.test(description[0]?.lc ?? '') && !description.some((t) => ROLE_WORDS.has(t.lc))) continue;
    if (comma <= lo || tokens[comma]!.lc !== ',' || tokens[comma - 1]!.type === 'q') continue;
    // `…, his top aide, Ana Ruiz, told reporters.`: the description before the name is part of the speaker, not the content.
    const described = phraseEndingAt(tokens, comma - 1, lo);
    if (described > lo + 1 && tokens[described - 1]!.lc === ',' && tokens.slice(described, comma).some((t) => !t.cap && ROLE_WORDS.has(t.lc)))
      comma = described - 1;
    let k = c.end + 1;
    while (k <= hi && tokens[k]!.type !== 'w' && tokens[k]!.lc !== ',') k++;
    // `…, he said Wednesday morning on the radio.`: a bare day (and its part) before the tail.
    if (
      k <= hi &&
      CALENDAR_WORDS.has(tokens[k]!.lc) &&
      (tokens[k]!.cap || /^(today|yesterday|tomorrow)$/.test(tokens[k]!.lc)) &&
      !/^(may|march)$/.test(tokens[k]!.lc)
    ) {
      k++;
      if (k <= hi && /^(morning|afternoon|evening|night)$/.test(tokens[k]!.lc)) k++;
      if (k > hi || tokens[k]!.type !== 'w') while (k <= hi && tokens[k]!.type !== 'w' && tokens[k]!.lc !== ',') k++;
    }
    // `…, Vidal said on Monday, in a move …`: a time phrase, then the writer's own clause.
    let kt = k;
    if (
      /^(on|last|late|this|earlier)$/.test(tokens[kt]?.lc ?? '') &&
      (TIME_WORDS.has(tokens[kt + 1]?.lc ?? '') || CALENDAR_WORDS.has(tokens[kt + 1]?.lc ?? ''))
    )
      kt += 2;
    if (/^\d+$/.test(tokens[kt]?.lc ?? '')) kt++;
    if (tokens[kt]?.lc === ',' && kt <= hi && WRITER_CLAUSE.has(tokens[kt + 1]?.lc ?? '')) {
      c.around = true;
      c.complement = [{ first: lo, last: comma - 1 }];
      for (const o of cues) if (o !== c && o.at < comma && o.at >= lo) o.nested = true;
      continue;
    }
    const tail = tokens[k];
    if (tokens[c.end + 1]?.lc === ',' && tokens[c.end + 2]?.type === 'q' && phraseEndingAt(tokens, comma - 1, lo) !== lo) continue;
    if (tokens[c.end + 1]?.type === 'q' || tokens[c.end + 1]?.lc === ':') continue;
    // `…, analysts say; in 2012, …`: a semicolon ends what they said.
    if (tokens[c.end + 1]?.lc === ';' || tokens[k - 1]?.lc === ';') {
      c.around = true;
      c.complement = [{ first: lo, last: comma - 1 }];
      for (const o of cues) if (o !== c && o.at < comma && o.at >= lo) o.nested = true;
      continue;
    }
    const parenthetical = tail?.lc === ',' || tokens[c.end + 1]?.lc === ',';
    const trailing = k > hi || (tail && TAIL_START.has(tail.lc) && !tokens.slice(k, hi + 1).some((x) => x.lc === 'that' || x.lc === ','));
    if (!parenthetical && !trailing) continue;
    if (openingCircumstance(tokens, lo, comma - 1) || (!parenthetical && infinitiveAfter(tokens, c, k))) continue;
    c.around = true;
    c.complement = [{ first: lo, last: comma - 1 }];
    if (parenthetical) {
      const after = tokens[c.end + 1]?.lc === ',' ? c.end + 2 : k + 1;
      if (after <= hi) c.complement.push({ first: after, last: hi });
    }
    for (const o of cues) if (o !== c && o.at < comma && o.at >= lo) o.nested = true;
  }
}

/** Participles (`…, stating that`) share the speaker of the main clause. */
export function attachParticiples(cues: Cue[]) {
  for (const c of cues) {
    if (c.form !== 'ing' || c.inherit) continue;
    const before = [...cues].reverse().find((o) => o.at < c.at && o.form !== 'ing' && !o.quoted && !o.nested);
    const after = cues.find((o) => o.at > c.at && o.form !== 'ing' && !o.quoted && o.subject && o.subject.first > c.at);
    const inherit = before ?? after;
    if (inherit) c.inherit = inherit;
  }
}

/** A participle with no finite speech verb around it takes the sentence's subject (`He reinforced …, stressing …`). */
export function sentenceSubject(tokens: Token[], c: Cue, lo: number, hi: number) {
  if (c.inherit || c.subject || c.form !== 'ing' || c.at === lo) return;
  const last = phraseStartingAt(tokens, lo, hi, false, lo);
  if (last >= 0 && last < c.at) c.subject = { first: lo, last };
  // `Speaking in Vela, Ruiz praised Baker, calling him …`: the subject after an opening adverbial.
  else {
    const subject =
      mainSubject(tokens, lo, hi, c.at) ??
      (tokens[c.at - 1]?.lc === ',' && !/^(show|find|indicate|estimate|project|conclude)$/.test(c.lemma) ? clauseSubject(tokens, lo, c.at) : undefined);
    if (subject) c.subject = subject;
  }
}

const OPENING_WORD = /^(but|and|yet|so|still|now|then|meanwhile|instead|however|also)$/;
const OPENING_PREPOSITION = /^(in|on|at|for|after|before|during|since|with|by|over|from|amid|last|this|earlier|later|when|while|as)$/;
/** Words for people that are in no list of roles or groups (`his brother`, `one employee`; `mother`, `worker` are roles). */
const PEOPLE = /^(brother|sister|employee|voter|resident|man|woman|person|parent|famil(y|ie)|child)$/;
const FINITE_WORD =
  /^(is|are|was|were|has|have|had|will|would|could|can|did|does|do|made|took|went|stood|gave|told|wrote|said|began|ran|left|came|got|kept|held|brought|sat|met|won|lost|spoke|rose|fell|drew|struck|sent|put|set|led|became|broke|chose|fought|grew|saw|threw|hit)$/;
const SUBJECT_OPENER = /^(the|a|an|his|her|their|its|our|one|two|three|some|many|several|most|both|other|few)$/;

/**
 * `The departments declined to comment, saying …`, `For months, Ruiz has stayed out of it, arguing …`: the subject of
 * the clause a participle after a comma goes with, when that clause's verb is no speech verb: the noun phrase opening
 * the sentence (after a conjunction or an opening phrase and its comma) up to its finite verb, at most eight words.
 */
function clauseSubject(tokens: Token[], lo: number, at: number): Range | undefined {
  let k = lo;
  while (k < at && (OPENING_WORD.test(tokens[k]!.lc) || tokens[k]!.lc === ',')) k++;
  if (OPENING_PREPOSITION.test(tokens[k]?.lc ?? '')) {
    let comma = k + 1;
    while (comma < at && comma - k < 14 && tokens[comma]!.lc !== ',' && !tokens[comma]!.quoted) comma++;
    if (tokens[comma]?.lc !== ',' || comma >= at) return undefined;
    k = comma + 1;
  }
  const first = tokens[k];
  if (first?.type !== 'w' || first.quoted || !(first.cap || SUBJECT_OPENER.test(first.lc)) || /^(it|there|this|that)$/.test(first.lc)) return undefined;
  for (let v = k + 1; v < at && v - k <= 8; v++) {
    const t = tokens[v]!;
    if (t.quoted || (t.type !== 'w' && t.lc !== "'s")) return undefined;
    if (t.cap || t.lc === "'s") continue;
    const finite = FINITE_WORD.test(t.lc) || (/ed$/.test(t.lc) && t.lc.length > 4);
    if (!finite) continue;
    let last = v - 1;
    while (last > k && /ly$|^(later|also|then|again|never|not|once|still|already)$/.test(tokens[last]!.lc)) last--;
    if (last < k || tokens[last]!.type !== 'w' || SPEECH_FORMS.has(t.lc)) return undefined;
    // Someone who can speak: a name, or a role, group or body (`the departments`, `his mother`), not `the fracas`.
    const head = tokens[last]!;
    const one = head.lc.replace(/s$/, '');
    const speaks = [head.lc, one].some((w) => ROLE_WORDS.has(w) || GROUP_HEADS.has(w) || BODY_HEADS.has(w) || PEOPLE.test(w));
    if (!(head.cap && k === last - (tokens.slice(k, last + 1).filter((x) => x.cap).length - 1)) && !speaks) return undefined;
    return { first: k, last };
  }
  return undefined;
}

/** A cue whose subject sits in the complement of an earlier cue, with no clause boundary between, reports a report. */
export function markNested(tokens: Token[], cues: Cue[]) {
  for (const b of cues) {
    if (b.nested || b.form === 'ing' || b.form === 'source' || !b.subject || b.around) continue;
    for (const a of cues) {
      if (a === b || a.at >= b.clauseStart || a.quoted || a.around) continue;
      let boundary = a.form === 'ing' && tokens[b.clauseStart - 1]?.lc === ',';
      for (let k = a.end + 1; k < b.clauseStart; k++) {
        const t = tokens[k]!;
        if (t.lc === ';' || t.lc === '—' || t.lc === '–' || (t.lc === ',' && CLAUSE_CONJUNCTIONS.has(tokens[k + 1]?.lc ?? ''))) boundary = true;
      }
      // `46 percent said X and 23 percent said Y`, `Ruiz said X while Berg said Y`: a second report, coordinated.
      if (/^(and|but|while|whereas)$/.test(tokens[b.clauseStart - 1]?.lc ?? '') && b.clauseStart - 1 > a.end && tokens[b.subject.first]!.type === 'w')
        boundary = true;
      if (a.form === 'source' && b.clauseStart > a.end) boundary = false;
      if (!boundary) b.nested = true;
    }
    if (b.nested) for (const c of cues) if (c.inherit === b) c.nested = c.form !== 'ing';
  }
}
