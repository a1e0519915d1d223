import type { Cue, Range } from './cue-types.ts';
import type { Token } from './tokens.ts';

export type { Cue, Range } from './cue-types.ts';
import { phraseEndingAt, phraseStartingAt } from './noun-phrase.ts';
import { extendCompound, looseSource, sourceCue } from './source-cues.ts';
import { QUANTIFIER, commonPlural, countSubject, skipLeft, subjectEndingAt, subjectHead } from './subjects.ts';
import { setComplements } from './complements.ts';
import { looseInvertedSubject, looseSubject, notSpeech } from './cue-filters.ts';
import { openingClauseSubject, sentenceOpeningSubject } from './loose-frame.ts';
import { attachParticiples, markAround, markNested, sentenceSubject } from './cue-relations.ts';
import { DESCRIPTION_START, TAIL_START } from './cue-words.ts';
import { ATTRIBUTION_FORMS, attributionShape, settleAttribution } from './attribution-cues.ts';
import { namesAs, openingPoll, reportsClause } from './reported-cues.ts';
import {
  ANONYMOUS_HEADS,
  GROUP_HEADS,
  CLAUSE_CONJUNCTIONS,
  FUNCTION_WORDS,
  ROLE_WORDS,
  IRREALIS,
  NEEDS_PARTICLE,
  NEGATIONS,
  NOUN_LIKE_PRESENT,
  QUOTE_ONLY,
  SPEECH_FORMS,
} from './vocabulary.ts';

/** More speech cues than any real sentence has: the rest of a pathological sentence is not read. */
const MAX_CUES = 24;
const BE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', "'s"]);
const DET = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'his', 'her', 'their', 'our', 'these', 'those']);
const PARTICIPLE_BEFORE = new Set([
  ',',
  'by',
  '—',
  '–',
  '-',
  'while',
  'when',
  'after',
  'before',
  'instead',
  'also',
  'and',
  'further',
  'again',
  'repeatedly',
  'in',
  ';',
  '(',
]);

/**
 * Finds the speech cues of one sentence `tokens[lo..hi]` with their subjects and complements; with `attribution`, also the
 * belief, intention, stance and evidence verbs of attribution-cues.ts (marked `weak`), read only with a subject before them.
 */
export function findCues(tokens: Token[], lo: number, hi: number, attribution = false): Cue[] {
  const cues: Cue[] = [];
  for (let i = lo; i <= hi; i++) {
    const t = tokens[i]!;
    if (t.type !== 'w') continue;
    // `In a new Vela Herald poll, 52 percent …`: the poll opening the sentence is the source of the rest.
    if (i === lo && t.lc === 'in' && !t.quoted) {
      const poll = openingPoll(tokens, i, hi);
      if (poll) {
        const cue = sourceCue(tokens, i, i, { first: poll.first, last: poll.last }, lo, hi);
        cue.end = poll.comma - 1;
        cues.push(cue);
        continue;
      }
    }
    if (t.lc === 'according' && tokens[i + 1]?.lc === 'to' && !t.quoted) {
      let from = i + 2;
      if (
        /^(a|an|the)$/.test(tokens[from]?.lc ?? '') &&
        ((/^(statement|report|readout|post|letter|transcript|release|note)$/.test(tokens[from + 1]?.lc ?? '') &&
          /^(from|by|of)$/.test(tokens[from + 2]?.lc ?? '')) ||
          // `according to an analysis by the Vela Research Center`, `a count by the Associated Press`: a named author only.
          (/^(analysis|survey|study|review|tally|count|estimate|memo|email|filing|summary|investigation|audit)$/.test(tokens[from + 1]?.lc ?? '') &&
            /^(from|by|of)$/.test(tokens[from + 2]?.lc ?? '') &&
            (tokens[from + 3]?.cap || (tokens[from + 3]?.lc === 'the' && tokens[from + 4]?.cap))))
      )
        from += 3;
      // `according to election lawyer Ana Ruiz`: a lower-case title before the name.
      const last = extendCompound(tokens, phraseStartingAt(tokens, from, hi), hi);
      const titled = last < 0 ? (titledNameAt(tokens, from, hi) ?? -1) : -1;
      const loose = last >= 0 ? last : titled >= 0 ? titled : looseSource(tokens, from, hi);
      if (loose >= 0) cues.push(sourceCue(tokens, i, i + 1, { first: from, last: loose }, lo, hi));
      continue;
    }
    if (t.lc === 'reported' && tokens[i + 1]?.lc === 'by' && !t.quoted) {
      const as = tokens[i - 1]?.lc === 'as' ? i - 1 : i;
      const last = phraseStartingAt(tokens, i + 2, hi);
      if (last >= 0) cues.push(sourceCue(tokens, as, i + 1, { first: i + 2, last }, lo, hi));
      i = Math.max(i, last);
      continue;
    }
    let f: { lemma: string; form: 'past' | 'present' | 'ing' | 'base' } | undefined = SPEECH_FORMS.get(t.lc);
    // `reported` is speech next to a quotation (`"…," the Herald reported`) or with its clause (`reported that …`), else
    // evidence (`reported higher exports`).
    if (f?.lemma === 'report' && !nearQuote(tokens, i, lo, hi) && !reportsClause(tokens, i, hi)) f = undefined;
    // `agreed that …`: a verb of how a quotation was said (`“…,” Ruiz agreed`) is a belief away from one.
    if (f && attribution && QUOTE_ONLY.has(f.lemma) && ATTRIBUTION_FORMS.has(t.lc) && !nearQuote(tokens, i, lo, hi)) f = undefined;
    let weak = false;
    if (!f && attribution && !t.quoted) {
      const a = ATTRIBUTION_FORMS.get(t.lc);
      if (a && attributionShape(tokens, i, hi, a)) {
        f = a;
        weak = true;
      }
    }
    if (!f) continue;
    if (t.quoted) {
      cues.push({ at: i, end: i, verbEnd: i, lemma: f.lemma, form: f.form, nested: true, quoted: true, clauseStart: i, complement: [], around: false });
      continue;
    }
    // `Ruiz notes.`, `Ruiz continues, “…`: a noun-like `-s` form is a verb right next to a quotation.
    const inverted = i > lo && (tokens[i - 1]!.type === 'q' || (tokens[i - 1]!.lc === ',' && tokens[i - 2]?.type === 'q'));
    if (
      f.form === 'present' &&
      NOUN_LIKE_PRESENT.has(f.lemma) &&
      !(nearQuote(tokens, i, lo, hi) && (i === hi || tokens[i + 1]!.type !== 'w' || inverted)) &&
      !verbAfterName(tokens, i, lo)
    )
      continue;
    const next = tokens[i + 1];
    if (!weak && QUOTE_ONLY.has(f.lemma) && !nearQuote(tokens, i, lo, hi)) continue;
    const particles = NEEDS_PARTICLE[f.lemma];
    // `called Ruiz a liar`: the object is part of what was said, not of the cue.
    const calledAs = !!particles && !!next && !particles.includes(next.lc) && namesAs(tokens, i, hi, f.lemma);
    if (particles && !calledAs && !(next && (particles.includes(next.lc) || next.type === 'q' || tokens[i + 2]?.type === 'q'))) continue;
    const p = skipLeft(tokens, i - 1, lo);
    const prev = p >= lo ? tokens[p]! : undefined;
    const prevRaw = tokens[i - 1];
    if (prevRaw && i - 1 >= lo && (DET.has(prevRaw.lc) || IRREALIS.has(prevRaw.lc))) continue;
    if (prev && (IRREALIS.has(prev.lc) || BE.has(prev.lc))) continue;
    // A passive (`was asked about it`, `is quoted as`): the subject is not the speaker.
    if (f.form === 'past' && prevRaw && i - 1 >= lo && (BE.has(prevRaw.lc) || (BE.has(tokens[i - 2]?.lc ?? '') && /ly$/.test(prevRaw.lc)))) continue;
    let negated = false;
    // `did not say`, `never said`; not across a comma (`The pier was never safe, said …`).
    for (let k = Math.max(lo, i - 3); k < i; k++) {
      if (tokens[k]!.lc === ',') negated = false;
      else if (NEGATIONS.has(tokens[k]!.lc) || tokens[k]!.lc.endsWith("n't")) negated = true;
    }
    if (negated) continue;
    if (f.form === 'ing') {
      const before = tokens[i - 1];
      const ok = i === lo || (before && (PARTICIPLE_BEFORE.has(before.lc) || before.type === 'q'));
      // `Ruiz is calling for …`, `he's predicting …`, `aides have been saying …`: a progressive is a finite verb.
      const progressive = ok ? undefined : progressiveForm(tokens, i, lo);
      if (!ok && !progressive) continue;
      if (progressive) f = { lemma: f.lemma, form: progressive };
    }
    let end = i;
    // `called it "…"` ends at its particle; `called "…"` at the verb.
    if (particles && next && particles.includes(next.lc)) end = i + 1;
    const cue: Cue = {
      at: i,
      end,
      verbEnd: end,
      lemma: f.lemma,
      form: f.form,
      nested: t.quoted,
      quoted: t.quoted,
      clauseStart: i,
      complement: [],
      around: false,
      ...(weak ? { weak } : {}),
    };
    if (f.form !== 'ing') {
      const subject = p >= lo && !tokens[p]!.quoted ? subjectEndingAt(tokens, p, lo) : undefined;
      if (subject) {
        cue.subject = subject;
        cue.clauseStart = subject.first;
      } else if (prev && prev.type === 'w' && CLAUSE_CONJUNCTIONS.has(prev.lc)) {
        cue.clauseStart = p;
        const inherit = [...cues].reverse().find((c) => c.form !== 'ing') ?? cues[cues.length - 1];
        if (inherit) {
          cue.inherit = inherit;
          if (inherit.nested) cue.nested = true;
        } else {
          // `he laughed and said`, `Ruiz paused, then added`: the subject of the verb before the conjunction.
          const verb = tokens[p - 1];
          const before =
            verb && p - 2 >= lo && verb.type === 'w' && !verb.cap && /(ed|s)$/.test(verb.lc) && !FUNCTION_WORDS.has(verb.lc)
              ? subjectEndingAt(tokens, p - 2, lo)
              : undefined;
          if (before) cue.subject = before;
          else {
            const last = phraseStartingAt(tokens, lo, hi, false, lo);
            // `Eight years ago, she backed the plan and said, "…"`: the subject after an opening adverbial.
            const main = last < 0 || last >= p ? openingClauseSubject(tokens, lo, hi, p) : { first: lo, last };
            if (!main) continue;
            cue.subject = main;
          }
        }
      } else if (prev && (prev.lc === 'who' || (prev.lc === 'which' && tokens[p - 1]?.lc === ',')) && p - 1 >= lo) {
        const q = tokens[p - 1]!.lc === ',' ? p - 2 : p - 1;
        const first2 = phraseEndingAt(tokens, q, lo);
        if (first2 < 0) continue;
        cue.subject = { first: first2, last: q };
        cue.clauseStart = p;
      } else if (!prev || prev.lc === ',' || prev.type === 'q' || prev.lc === ':' || p < lo) {
        // An attribution verb is read only after its subject (`Ruiz believes`), never inverted (`, believes Ruiz`).
        if (weak) continue;
        let last = titledNameAt(tokens, i + 1, hi) ?? phraseStartingAt(tokens, i + 1, hi);
        if (last < 0 && (prev?.lc === ',' || prev?.type === 'q')) last = looseInvertedSubject(tokens, i + 1, hi);
        if (last < 0) {
          // `Ana Ruiz, 29, of Vela, Ala., says her …`, `Ana Ruiz, director of X - which … - said …`: the name opening the
          // sentence, before asides our subject reader does not take.
          const opening = prev && prev.type === 'p' ? sentenceOpeningSubject(tokens, lo, hi, i) : undefined;
          if (!opening) continue;
          cue.subject = opening;
          cue.clauseStart = opening.first;
          cues.push(cue);
          if (cues.length >= MAX_CUES) break;
          continue;
        }
        // `said a former spokesman for the ministry, Knut Berg, who …`: the name apposed to the description.
        let comma = last + 1;
        while (comma <= hi && comma - last < 8 && tokens[comma]!.type === 'w' && !tokens[comma]!.quoted) comma++;
        const apposed = tokens[comma]?.lc === ',' && tokens[comma + 1]?.cap ? phraseStartingAt(tokens, comma + 1, hi, false) : -1;
        let named = -1;
        if (
          apposed >= 0 &&
          (apposed + 1 > hi || /^(,|\.)$/.test(tokens[apposed + 1]!.lc)) &&
          tokens.slice(i + 1, last + 1).some((x) => !x.cap && ROLE_WORDS.has(x.lc))
        )
          named = comma + 1;
        if (named >= 0) {
          cue.subject = { first: named, last: apposed };
          end = cue.end = apposed;
          last = apposed;
        }
        // `said a spokesman for the port authority.`: the body a role speaks for is part of the speaker.
        if (tokens[last + 1]?.lc === 'for' && ROLE_WORDS.has(tokens[last]!.lc)) {
          let k = last + 2;
          while (k <= hi && k - last < 8 && tokens[k]!.type === 'w' && !tokens[k]!.quoted && !SPEECH_FORMS.has(tokens[k]!.lc)) k++;
          if (k > last + 2 && (k > hi || tokens[k]!.type === 'p')) last = k - 1;
        }
        const after = tokens[last + 1];
        // `said a source familiar with the talks`, `said an official who asked not to be named`: the speaker's description.
        if (after && last + 1 <= hi && after.type === 'w' && !TAIL_START.has(after.lc) && after.lc !== 'of' && !DESCRIPTION_START.has(after.lc)) continue;
        if (named < 0) {
          cue.subject = { first: i + 1, last };
          end = last;
          cue.end = last;
        }
      } else {
        // A subject we cannot classify (`the official steering the talks warned`, `One diplomat who attended … described`):
        // keep the statement; its speaker resolves as a description, or stays unknown.
        const subject = looseSubject(tokens, p, lo) ?? (prev.type === 'p' ? sentenceOpeningSubject(tokens, lo, hi, i) : undefined);
        if (!subject) continue;
        cue.subject = subject;
        cue.clauseStart = subject.first;
      }
    } else {
      cue.clauseStart = tokens[i - 1]?.lc === ',' ? i - 1 : i;
    }
    if (f.form === 'base') {
      const at = cue.subject ? subjectHead(tokens, cue.subject) : -1;
      const head = at >= 0 ? tokens[at]! : undefined;
      const before = !!head && cue.subject!.first < i && !head.quoted;
      const plural = before && (GROUP_HEADS.has(head.lc) || ANONYMOUS_HEADS.has(head.lc) || QUANTIFIER.test(head.lc) || head.lc === 'they' || head.lc === 'we');
      // `Six in 10 say`, `75 percent of voters say`, `nearly half say`: a share of those polled.
      const share = before && !!(countSubject(tokens, at, cue.subject!.first) || countSubject(tokens, cue.subject!.last, cue.subject!.first));
      // A plural common noun (`polls show`, `critics say`; capitalised only at the sentence's start) or `I`, `you`.
      const pluralNoun =
        before &&
        (/^(i|you)$/.test(head.lc) ||
          (!head.cap ? /[^s'u]s$/.test(head.lc) && !FUNCTION_WORDS.has(head.lc) : at === lo && (weak ? commonPlural(head.lc) : /[^s'u]s$/.test(head.lc))));
      if (!plural && !share && !pluralNoun) continue;
    }
    if (f.lemma === 'tell' && cue.subject && cue.subject.first < i) {
      const last = phraseStartingAt(tokens, i + 1, hi);
      if (last >= 0) cue.end = cue.verbEnd = last;
    } else if (tokens[cue.end + 1]?.lc === 'to' && f.lemma !== 'tell' && !weak) {
      const last = phraseStartingAt(tokens, cue.end + 2, hi);
      if (last >= 0 && tokens.slice(cue.end + 2, last + 1).some((x) => !x.cap)) cue.end = cue.verbEnd = last;
    }
    if (notSpeech(tokens, cue, lo, hi)) continue;
    cues.push(cue);
    if (cues.length >= MAX_CUES) break;
  }
  markAround(tokens, cues, lo, hi);
  attachParticiples(cues);
  for (const c of cues) sentenceSubject(tokens, c, lo, hi);
  markNested(tokens, cues);
  setComplements(tokens, cues, hi);
  for (const c of cues) c.complement = c.complement.map((r) => trim(tokens, r)).filter((r) => r.first <= r.last);
  return attribution ? cues.filter((c) => !c.weak || settleAttribution(tokens, c, hi)) : cues;
}

/** `Ruiz claims he is worth …`, `she notes that …`: a noun-like `-s` form between a name or pronoun and a clause is a verb. */
function verbAfterName(tokens: Token[], i: number, lo: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || i - 1 < lo || !next || prev.type !== 'w' || prev.quoted) return false;
  const named = (prev.cap && i - 1 > lo && !FUNCTION_WORDS.has(prev.lc)) || /^(he|she)$/.test(prev.lc);
  // `Southern states will …`, `Ruiz answers questions`: those stay nouns.
  if (/^(states|answers|signals)$/.test(tokens[i]!.lc)) return false;
  return named && tokens[i - 2]?.lc !== "'s" && /^(that|he|she|they|it|we|i|there)$/.test(next.lc);
}

/** `is saying`, `was calling`, `'s predicting`, `has been urging`: the tense of the progressive whose `-ing` form is at `i`. */
function progressiveForm(tokens: Token[], i: number, lo: number): 'present' | 'past' | undefined {
  let k = i - 1;
  while (
    k > lo &&
    tokens[k]!.type === 'w' &&
    !tokens[k]!.cap &&
    (/ly$/.test(tokens[k]!.lc) || /^(also|now|still|already|again|once|even)$/.test(tokens[k]!.lc))
  )
    k--;
  const be = tokens[k];
  if (!be || k <= lo || be.type !== 'w') return undefined;
  if (/^(is|are|am|'s|'re|'m)$/.test(be.lc)) return 'present';
  if (/^(was|were)$/.test(be.lc)) return 'past';
  return be.lc === 'been' && /^(has|have|had|'s|'ve)$/.test(tokens[k - 1]?.lc ?? '') ? 'past' : undefined;
}

const ARTICLES = /^(the|a|an|and|or|but|of|in|on|at|to|for|with)$/;

/**
 * `county pollster Ivo Brandt`, `assistant athletic director Ana Ruiz`: lower-case words ending in a role word, then a
 * capitalised name; returns the name's last token, or undefined.
 */
function titledNameAt(tokens: Token[], i: number, hi: number): number | undefined {
  let k = i;
  // `Vela University political scientist Ana Ruiz`: capitalised words may open the description.
  while (k <= hi && k - i < 4 && tokens[k]!.type === 'w' && tokens[k]!.cap && !tokens[k]!.quoted && !ARTICLES.test(tokens[k]!.lc)) k++;
  const lower = k;
  while (
    k <= hi &&
    k - i < 8 &&
    tokens[k]!.type === 'w' &&
    !tokens[k]!.cap &&
    !tokens[k]!.quoted &&
    !FUNCTION_WORDS.has(tokens[k]!.lc) &&
    !SPEECH_FORMS.has(tokens[k]!.lc)
  )
    k++;
  if (k === lower || k > hi || !tokens[k]!.cap) return undefined;
  const last = phraseStartingAt(tokens, k, hi);
  if (last < k) return undefined;
  // Without a known role word (`retired surgeon Ada Vos`), only a full name ending the frame counts.
  const after = tokens[last + 1];
  if (!ROLE_WORDS.has(tokens[k - 1]!.lc) && (last === k || (after && last + 1 <= hi && after.type === 'w'))) return undefined;
  return last;
}

/** A quotation mark just before the verb's clause or right after the verb (`…,” he continued`, `continued: “…`). */
function nearQuote(tokens: Token[], i: number, lo: number, hi: number): boolean {
  for (let k = Math.max(lo, i - 6); k <= Math.min(hi, i + 3); k++) if (tokens[k]!.type === 'q' || (k > i && tokens[k]!.lc === ':')) return true;
  return false;
}

function trim(tokens: Token[], r: Range): Range {
  let { first, last } = r;
  while (first <= last && (tokens[first]!.type === 'p' || (tokens[first]!.lc === 'that' && last - first >= 3))) first++;
  while (last >= first && tokens[last]!.type === 'p') last--;
  return { first, last };
}
