import type { Token } from './tokens.ts';
import type { Range } from './cue-types.ts';
import { afterPreposition, isCommonWord, phraseEndingAt } from './noun-phrase.ts';
import { BETWEEN_SUBJECT_AND_VERB, BODY_HEADS, FUNCTION_WORDS, GROUP_HEADS, ROLE_WORDS, SPEECH_FORMS, TIME_WORDS } from './vocabulary.ts';

/** `D-Xyz`: a party initial and a state abbreviation. */
const PARTY_TAG = /^[A-Z]-[A-Z][A-Za-z]{1,4}$/;

/** Quantifiers that stand for a group of people before `of` (`many of his supporters`). */
export const QUANTIFIER = /^(many|most|some|all|several|few|none|both|each|dozens|hundreds|thousands|millions|two|three|four|five|six|seven|eight|nine|ten)$/;

/** Skips adverbs, auxiliaries and time phrases leftwards from `j`; returns the index of the first other token. */
export function skipLeft(tokens: Token[], j: number, lo: number): number {
  while (j >= lo) {
    const t = tokens[j]!;
    if (t.type === 'w' && (TIME_WORDS.has(t.lc) || /^\d+$/.test(t.lc)) && j - 1 >= lo && /^(on|last|this|next|late|early|on|since)$/.test(tokens[j - 1]!.lc)) {
      j -= 2;
      continue;
    }
    if (t.type === 'w' && /^\d+$/.test(t.lc) && j - 2 >= lo && tokens[j - 2]!.lc === 'on') {
      j -= 3;
      continue;
    }
    if (t.type === 'w' && !t.cap && (BETWEEN_SUBJECT_AND_VERB.has(t.lc) || /ly$/.test(t.lc))) {
      j--;
      continue;
    }
    // An age after a name, before an aside: `Ana Ruiz, 21, a student from Vela, said …`.
    if (
      t.type === 'w' &&
      /^\d{1,3}$/.test(t.lc) &&
      j - 2 >= lo &&
      tokens[j - 1]!.lc === ',' &&
      tokens[j - 2]!.cap &&
      tokens[j - 2]!.type === 'w' &&
      tokens[j + 1]?.lc === ','
    ) {
      j -= 2;
      continue;
    }
    // A role of an organisation between commas, after a name: `Ana Ruiz, acting director of Civic Action, which …, said`.
    if (t.type === 'w' && t.cap && j > lo) {
      let k = j - 1;
      while (k > lo && tokens[k]!.lc !== ',' && j - k < 12) k--;
      const seg = tokens.slice(k + 1, j + 1);
      const roleOf = seg.some((x, r) => !x.cap && ROLE_WORDS.has(x.lc) && /^(of|at|for)$/.test(seg[r + 1]?.lc ?? ''));
      if (
        k > lo &&
        tokens[k]!.lc === ',' &&
        tokens[k - 1]!.cap &&
        tokens[k - 1]!.type === 'w' &&
        seg.length > 2 &&
        !seg[0]!.cap &&
        roleOf &&
        seg.every((x) => x.type === 'w' && !x.quoted)
      ) {
        j = k - 1;
        continue;
      }
    }
    // A parenthesis after a name: `Ana Ruiz (D-Xyz.) said`, `Ruiz (pictured) said`.
    if (t.lc === ')' && j > lo) {
      let k = j - 1;
      while (k > lo && tokens[k]!.lc !== '(' && j - k < 10) k--;
      if (k > lo && tokens[k]!.lc === '(' && tokens[k - 1]!.cap && tokens[k - 1]!.type === 'w') {
        j = k - 1;
        continue;
      }
    }
    // An aside between dashes after a name: `Ana Ruiz — after a pause — told me`.
    if ((t.lc === '—' || t.lc === '–' || t.lc === '--') && j > lo) {
      let k = j - 1;
      while (k > lo && tokens[k]!.lc !== t.lc && j - k < 14 && !tokens[k]!.quoted) k--;
      if (k > lo && k < j - 1 && tokens[k]!.lc === t.lc && tokens[k - 1]!.cap && tokens[k - 1]!.type === 'w') {
        j = k - 1;
        continue;
      }
    }
    if (t.lc === ',' && j > lo) {
      // A party and state tag between commas: `Ana Ruiz, D-Xyz., said`.
      let k = j - 1;
      while (k > lo && tokens[k]!.lc === '.') k--;
      if (k - 1 > lo && PARTY_TAG.test(tokens[k]!.text) && tokens[k - 1]!.lc === ',' && tokens[k - 2]!.cap) {
        j = k - 2;
        continue;
      }
    }
    if (t.lc === ',' && j > lo) {
      // A parenthetical between commas (`Moreno, for his part, reiterated`).
      let k = j - 1;
      while (k > lo && tokens[k]!.lc !== ',' && j - k < 24) k--;
      const opener = tokens[k + 1];
      if (k > lo && tokens[k]!.lc === ',' && opener && opener.type === 'w' && !opener.cap && FUNCTION_WORDS.has(opener.lc)) {
        j = k - 1;
        continue;
      }
      // An aside after a name: `Karl Moe, speaking in Oslo, told …`, `Ter Laak, 54, said …`.
      const named = tokens[k - 1];
      // `Ken Dorn (D-Vela), noting …, said`: the name's parenthesis closes before the aside.
      const closed = named?.lc === ')';
      if (k > lo && tokens[k]!.lc === ',' && opener && !opener.cap && opener.type !== 'q' && ((named?.cap && named.type === 'w') || closed) && !opener.quoted) {
        j = k - 1;
        continue;
      }

      // A role after a name: `Ana Ruiz, Lima's chief negotiator on the file, told …`.
      if (
        k > lo &&
        tokens[k]!.lc === ',' &&
        named?.cap &&
        named.type === 'w' &&
        tokens.slice(k + 1, j).some((x) => !x.cap && ROLE_WORDS.has(x.lc)) &&
        tokens.slice(k + 1, j).every((x) => x.type === 'w' && !x.quoted)
      ) {
        j = k - 1;
        continue;
      }
    }
    // A name inside a relative clause between commas: `Ana Ruiz, whose firm, Datafix, sells data, said`,
    // `Ana Ruiz, the senator who heads the Farm Committee, which …, said`: the speaker is the name before the clause.
    if (t.type === 'w' && t.cap && j > lo) {
      const before = relativeClauseBefore(tokens, j, lo);
      if (before >= 0) {
        j = before;
        continue;
      }
    }
    break;
  }
  return j;
}

const RELATIVE = /^(who|whose|which)$/;
const DETERMINERS_BEFORE_NAME = /^(the|a|an|his|her|its|their|our|my|your)$/;

/** The comma before the segment that holds `j` (at most 12 tokens back, no quotation), or -1. */
function commaBefore(tokens: Token[], j: number, lo: number): number {
  for (let k = j; k > lo && j - k < 12; k--) {
    const t = tokens[k]!;
    if (t.lc === ',') return k;
    if (t.quoted || t.type === 'q') return -1;
  }
  return -1;
}

/**
 * The last token of a capitalised name before a relative clause that holds the name ending at `j`: the clause opens its
 * comma segment, or holds a `who`/`which` before `j`, or is the segment just before a name standing alone between commas.
 */
function relativeClauseBefore(tokens: Token[], j: number, lo: number): number {
  // Only an aside closed by a comma before the verb: `a woman who lived in Vela asked` keeps its subject.
  const k = tokens[j + 1]?.lc === ',' ? commaBefore(tokens, j, lo) : -1;
  if (k < 0) return -1;
  const seg = tokens.slice(k + 1, j);
  const named = (c: number) => (c > lo && tokens[c - 1]!.cap && tokens[c - 1]!.type === 'w' ? c - 1 : -1);
  // The pronoun is the clause's subject (`who heads`, `which oversees`), not its object (`which Ruiz called`).
  const subjectOf = (r: number) => {
    const n = tokens[r + 1];
    return !!n && n.type === 'w' && !n.cap && !DETERMINERS_BEFORE_NAME.test(n.lc);
  };
  const rel = seg.findIndex((x) => RELATIVE.test(x.lc));
  if (rel >= 0) return subjectOf(k + 1 + rel) ? named(k) : -1;
  // `, whose firm, Datafix,`: the name alone between commas, the segment before it opening with a relative pronoun.
  if (seg.some((x) => !x.cap || x.type !== 'w')) return -1;
  const k2 = commaBefore(tokens, k - 1, lo);
  return k2 >= 0 && RELATIVE.test(tokens[k2 + 1]?.lc ?? '') ? named(k2) : -1;
}

/**
 * The subject phrase ending at `p`: a plain noun phrase (`Presidential aide Pavel Orlov`), an appositive name
 * (`Spain's energy minister, Lucía Fernández,`) or a phrase with a place after it (`Opposition lawmakers in Seoul`).
 */
export function subjectEndingAt(tokens: Token[], p: number, lo: number): Range | undefined {
  if (tokens[p]!.lc === ',' && p - 1 > lo) {
    const first = phraseEndingAt(tokens, p - 1, lo);
    if (first > lo && tokens[first - 1]!.lc === ',' && (tokens[first]!.cap || tokens[p - 1]!.cap)) {
      const before = phraseEndingAt(tokens, first - 2, lo);
      // `Ruiz, at a meeting in Alda, Vela, said`: a place and its state ending an aside; the speaker opens the aside.
      if (before > lo && /^(in|at|from|near)$/.test(tokens[before - 1]!.lc)) {
        const k = commaBefore(tokens, before - 1, lo);
        const opener = tokens[k + 1];
        const name = k > lo && opener?.type === 'w' && !opener.cap ? phraseEndingAt(tokens, k - 1, lo) : -1;
        if (name >= 0 && tokens[k - 1]!.cap) return { first: name, last: k - 1 };
        return undefined;
      }
      if (before >= 0 || first - 1 === lo) return { first, last: p - 1 };
      // `The arbiter, former judge Mira Holm, told …`: a short description opening the sentence.
      const opening = tokens.slice(lo, first - 1);
      if (tokens[p - 1]!.cap && opening.length <= 8 && opening.every((t) => t.type === 'w' && !t.quoted)) return { first, last: p - 1 };
    }
    return undefined;
  }
  const count = countSubject(tokens, p, lo);
  if (count) return count;
  const first = nounPhraseEndingAt(tokens, p, lo, true);
  if (first < 0) return undefined;
  if (!afterPreposition(tokens, first, lo)) return { first, last: p };
  let prep = first - 1;
  // `Large majorities of primary voters in six states said`: one more prepositional phrase before this one.
  if (/^(in|at|from|on)$/.test(tokens[prep]!.lc) && prep - 1 >= lo) {
    const inner = nounPhraseEndingAt(tokens, prep - 1, lo);
    if (inner >= 0 && inner - 1 >= lo && tokens[inner - 1]!.lc === 'of' && afterPreposition(tokens, inner, lo)) prep = inner - 1;
  }
  // `75 percent of Democrats said`, `three-quarters of the voters said`: a share of a group, the group named after it.
  if (tokens[prep]!.lc === 'of' && prep - 1 >= lo) {
    const share = countSubject(tokens, prep - 1, lo);
    if (share) return { first: share.first, last: p };
    // `Many of his supporters say`, `Most of the voters said`: a quantifier opening the sentence or its clause.
    const q = tokens[prep - 1]!;
    const opens = prep - 1 === lo || /^(,|;|—|–|:|but|and|while|although|though|because|since|when|if|whereas|yet)$/.test(tokens[prep - 2]?.lc ?? '');
    if (QUANTIFIER.test(q.lc) && opens && !q.quoted) return { first: prep - 1, last: p };
  }
  // `sources close to the campaign say`, `a person familiar with the talks said`: a source described by its access.
  const access = tokens[prep - 1]?.lc;
  if (
    prep - 2 >= lo &&
    ((access === 'close' && tokens[prep]!.lc === 'to') || (/^(familiar|involved|briefed)$/.test(access ?? '') && /^(with|in|on)$/.test(tokens[prep]!.lc)))
  ) {
    const who = nounPhraseEndingAt(tokens, prep - 2, lo);
    if (who >= 0 && !afterPreposition(tokens, who, lo)) return { first: who, last: p };
  }
  // `The deputy head of the delegation to the forum said`: up to three prepositional phrases after the head.
  let at = prep;
  let tied = false;
  for (let hop = 0; hop < 3; hop++) {
    if (!/^(in|at|from|on|of|to|for)$/.test(tokens[at]!.lc) || at - 1 < lo) return undefined;
    // `of`, `to`, `for` tie a description to what it belongs to (`supporters of the plan`), not a name to a place.
    if (/^(of|to|for)$/.test(tokens[at]!.lc)) tied = true;
    const head = nounPhraseEndingAt(tokens, at - 1, lo, true);
    if (head < 0) return undefined;
    if (afterPreposition(tokens, head, lo)) {
      at = head - 1;
      continue;
    }
    const described = tokens.slice(head, at).some((t) => !t.cap);
    // `Aides to the mayor say`, `Officials at the port said`: a capital only because the sentence starts there, on a plural.
    const opening = head === lo && at - 1 === lo && commonPlural(tokens[lo]!.lc);
    if (!described && !opening) return undefined;
    return tied ? { first: head, last: p } : { first: head, last: at - 1 };
  }
  return undefined;
}

/** Words that may open a lower-case description (`the`, `some`, `two`, `their`). */
const DESCRIPTION_OPENERS = /^(the|a|an|some|many|most|several|other|both|all|few|his|her|their|its|our|two|three|four|five|six|seven|eight|nine|ten|more|no)$/;
/** What may come before a subject that opens its clause. */
const CLAUSE_OPENING = /^(,|;|—|–|:|\(|but|and|while|although|though|because|since|when|if|whereas|yet)$/;

/**
 * `phraseEndingAt`, or a lower-case description our name reader does not take (`tech executives`, `many economists`,
 * `the city's bus drivers`): at most five words before a head that is plural or names a role, group or body, opening
 * the sentence or its clause. Returns the first index or -1.
 */
export function nounPhraseEndingAt(tokens: Token[], j: number, lo: number, orObject = false): number {
  const named = phraseEndingAt(tokens, j, lo);
  if (named < 0 && orObject) {
    // `… of the delegation to the forum`: any plain noun phrase may be the object of a preposition inside a subject.
    const object = looseDescription(tokens, j, lo, true);
    if (object >= 0 && afterPreposition(tokens, object, lo)) return object;
  }
  if (named >= 0) {
    // `political analysts`, `union members and leaders`: lower-case modifiers and a coordinated noun before a common head.
    if (tokens[named]!.cap || tokens[named]!.type !== 'w') return named;
    const loose = looseDescription(tokens, j, lo);
    return loose >= 0 && loose < named ? loose : named;
  }
  return looseDescription(tokens, j, lo);
}

function looseDescription(tokens: Token[], j: number, lo: number, object = false): number {
  const t = tokens[j];
  if (!t || j < lo || t.type !== 'w' || t.quoted || (t.cap && j > lo) || FUNCTION_WORDS.has(t.lc) || SPEECH_FORMS.has(t.lc) || t.lc.length < 3) return -1;
  if (/(ly|ing|ed)$/.test(t.lc) || /\d/.test(t.lc)) return -1;
  const plural = /[^s'u]s$/.test(t.lc);
  if (!object && !plural && !ROLE_WORDS.has(t.lc) && !GROUP_HEADS.has(t.lc) && !BODY_HEADS.has(t.lc)) return -1;
  let k = j;
  while (k - 1 >= lo && j - k < 5) {
    const x = tokens[k - 1]!;
    if (x.type !== 'w' || x.quoted || SPEECH_FORMS.has(x.lc) || BETWEEN_SUBJECT_AND_VERB.has(x.lc)) break;
    if (DESCRIPTION_OPENERS.test(x.lc)) {
      k--;
      break;
    }
    if (x.lc === "'s") {
      k -= 2;
      continue;
    }
    if (FUNCTION_WORDS.has(x.lc) || /ly$/.test(x.lc) || /^(including|excluding|following|regarding|concerning|during)$/.test(x.lc)) break;
    k--;
  }
  if (k < lo || tokens[k]!.type !== 'w') return -1;
  let before = tokens[k - 1];
  // `union members and leaders`: a plural noun coordinated before the head.
  if (
    before &&
    k - 2 >= lo &&
    /^(and|or)$/.test(before.lc) &&
    tokens[k - 2]!.type === 'w' &&
    !tokens[k - 2]!.cap &&
    /[^s'u]s$/.test(tokens[k - 2]!.lc) &&
    !FUNCTION_WORDS.has(tokens[k - 2]!.lc)
  ) {
    const other = looseDescription(tokens, k - 2, lo);
    if (other >= 0) return other;
    before = tokens[k - 1];
  }
  if (object) return k;
  return k === lo || (before && k - 1 >= lo && CLAUSE_OPENING.test(before.lc)) ? k : -1;
}

/** A plural common noun (`aides`, `polls`), not a name that ends in `s` (`Rivas`): known as a role, or used in lower case. */
export function commonPlural(lc: string): boolean {
  if (!/[^s'u]s$/.test(lc) || FUNCTION_WORDS.has(lc)) return false;
  const one = lc.slice(0, -1);
  return [lc, one].some((w) => GROUP_HEADS.has(w) || ROLE_WORDS.has(w) || BODY_HEADS.has(w) || isCommonWord(w));
}

/** The head word of a subject: the last word before its first preposition (`aides to the mayor` → `aides`). */
export function subjectHead(tokens: Token[], r: Range): number {
  for (let k = r.first + 1; k <= r.last; k++)
    if (/^(of|to|for|in|at|from|on|with)$/.test(tokens[k]!.lc))
      return k - 2 >= r.first && /^(close|familiar|involved|briefed)$/.test(tokens[k - 1]!.lc) ? k - 2 : k - 1;
  return r.last;
}

const NUMBER = /^(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|half|a|about|nearly|almost|more|fewer|than|roughly|just|only|over|under|some)$/;
/** Fractions and shares that stand for the people polled: `half said`, `a third said`, `two-thirds said`. */
const SHARE = /^(half|third|thirds|quarter|quarters|majority|majorities|minority|plurality|(one|two|three)-(thirds?|quarters?|fifths?))$/;

/** A share of a poll's respondents as a subject: `46 percent said`, `nine in 10 said`, `two out of three said`, `nearly half said`. */
export function countSubject(tokens: Token[], p: number, lo: number): Range | undefined {
  const t = tokens[p]!;
  let k = p;
  if (SHARE.test(t.lc) && !t.quoted) {
    // `Nearly half`, `a narrow majority`, `Large majorities`: a share with at most two words before it.
    while (
      k - 1 >= lo &&
      p - k < 2 &&
      tokens[k - 1]!.type === 'w' &&
      !tokens[k - 1]!.quoted &&
      (NUMBER.test(tokens[k - 1]!.lc) || /^(large|narrow|slim|clear|vast|the)$/.test(tokens[k - 1]!.lc))
    )
      k--;
    return { first: k, last: p };
  }
  if (t.lc === 'percent' || t.lc === '%') k = p - 1;
  else if (/^\d+$/.test(t.lc) && /^(in|of)$/.test(tokens[p - 1]?.lc ?? '')) k = tokens[p - 2]?.lc === 'out' ? p - 3 : p - 2;
  else return undefined;
  if (k < lo || !/^\d[\d,.]*$|^(one|two|three|four|five|six|seven|eight|nine|ten)$/.test(tokens[k]!.lc)) return undefined;
  while (k - 1 >= lo && NUMBER.test(tokens[k - 1]!.lc) && p - k < 6) k--;
  return { first: k, last: p };
}

/** A subject that is a share of those polled: `52 percent of voters`, `six in 10`, `a majority of Democrats`. */
export function isShareSubject(tokens: Token[], r: Range): boolean {
  for (let k = r.first; k <= r.last; k++) {
    const lc = tokens[k]!.lc;
    if (lc === 'percent' || lc === '%' || SHARE.test(lc)) return true;
    if (/^\d+$/.test(lc) && tokens[k - 1]?.lc === 'in' && k - 1 > r.first) return true;
  }
  return false;
}
