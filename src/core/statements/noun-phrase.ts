import type { Span } from '../model.ts';
import type { Token } from './tokens.ts';
import { firstNameGender } from './first-name-gender.ts';
import {
  ANONYMOUS_HEADS,
  BETWEEN_SUBJECT_AND_VERB,
  BODY_HEADS,
  CALENDAR_WORDS,
  FUNCTION_WORDS,
  GENDERED_TITLES,
  GROUP_HEADS,
  NAME_PARTICLES,
  PRONOUNS,
  ROLE_WORDS,
  SPEECH_FORMS,
} from './vocabulary.ts';
import { DETERMINERS, EXTRA_MODIFIERS, PREPOSITIONS } from './phrase-words.ts';

/** What a noun phrase in speaker position refers to, before resolution within the article. */
export interface SpeakerPhrase {
  span: Span;
  /** `name` is a bare capitalised name (`Adams`, `Paris`) whose kind is settled later. */
  kind: 'person' | 'body' | 'name' | 'pronoun' | 'description' | 'anonymous';
  name?: string;
  role?: string;
  /** For descriptions: the head noun (`aide`) and the other words (`senior`, `presidency`). */
  head?: string;
  qualifiers?: string[];
  pronoun?: 'male' | 'female' | 'group' | 'thing' | 'self';
  gender?: 'male' | 'female';
}

let commonWords: ReadonlySet<string> | undefined;

/** Sets the article's lower-case vocabulary: a capitalised first word seen in lower case elsewhere is not a name. */
export function useCommonWords(words: ReadonlySet<string> | undefined): void {
  commonWords = words;
}

/** True when the article also uses this (lower-case) word in lower case: `tower`, `convention`. */
export function isCommonWord(lc: string): boolean {
  return !!commonWords?.has(lc);
}

/** A word that may stand inside a speaker's noun phrase (names, titles, roles, `'s`). */
export function isPhraseWord(t: Token, atSentenceStart: boolean, next?: Token): boolean {
  if (t.type !== 'w') return false;
  if (t.lc === "'s") return true;
  // `Jan`, `Mar` before a capitalised word are given names, not months (`Jan ter Laak`).
  if (
    CALENDAR_WORDS.has(t.lc) &&
    !(t.lc.length <= 4 && t.text !== t.text.toUpperCase() && next?.type === 'w' && (next.cap || NAME_PARTICLES.has(next.lc)) && !CALENDAR_WORDS.has(next.lc))
  )
    return false;
  if (t.cap && /^\p{Lu}[\p{Lu}.]+$/u.test(t.text)) return true;
  if (t.cap) {
    // `New Vela`: a capitalised `New` before a capitalised word is part of a name.
    if (FUNCTION_WORDS.has(t.lc) && !(t.lc === 'new' && next?.cap && next.type === 'w')) return false;
    if (atSentenceStart && sentenceAdverbial(t, next)) return false;
    if (!atSentenceStart || !commonWords?.has(t.lc)) return true;
    // `Experts said …`, `Officials say …`: a group opening the sentence is a speaker even when the article also writes it in lower case.
    if (GROUP_HEADS.has(t.lc) && next?.type === 'w' && !next.cap && (SPEECH_FORMS.has(next.lc) || BETWEEN_SUBJECT_AND_VERB.has(next.lc))) return true;
    if (!next) return false;
    if (next.cap && next.type === 'w' && !FUNCTION_WORDS.has(next.lc) && !CALENDAR_WORDS.has(next.lc)) return true;
    return !next.cap && (GROUP_HEADS.has(next.lc) || ROLE_WORDS.has(next.lc) || BODY_HEADS.has(next.lc));
  }
  return ROLE_WORDS.has(t.lc) || GROUP_HEADS.has(t.lc) || BODY_HEADS.has(t.lc) || ANONYMOUS_HEADS.has(t.lc) || EXTRA_MODIFIERS.has(t.lc);
}

/** Words that open a sentence as an adverbial, never as its subject: `Soon after, …`, `Hours before, …`. */
const OPENING_ADVERBS = new Set(
  'soon hours minutes moments days weeks months years now perhaps together indeed likewise thanks outside meanwhile instead'.split(' '),
);

/**
 * A capitalised word opening a sentence that is an adverbial, not a name: an `-ing` or `-ly` word or an opening adverb
 * followed by a lower-case word other than a verb of speech (`Weighing in, …`, `Dashing into a meeting, …`,
 * `Shortly after, …`); `Manning said` keeps its name.
 */
export function sentenceAdverbial(t: Token, next: Token | undefined): boolean {
  if (next?.type !== 'w' || next.cap || next.quoted || SPEECH_FORMS.has(next.lc)) return false;
  if (OPENING_ADVERBS.has(t.lc)) return true;
  return t.lc.length >= 6 && /(ing|ly)$/.test(t.lc) && !BETWEEN_SUBJECT_AND_VERB.has(next.lc) && !/^(and|or|&)$/.test(next.lc);
}

const ORG_CONNECT = new Set(['and', '&']);
const isHeadWord = (t: Token | undefined) => !!t && t.type === 'w' && (ROLE_WORDS.has(t.lc) || BODY_HEADS.has(t.lc));

/**
 * `and` inside a Title Case name of a body or role (`Ministry of Industry and Trade`, `Iron and Steel Industry
 * Association`, `Industry and Trade Minister`), not between two names (`Aro and Baker`).
 */
export function titleAnd(tokens: Token[], k: number, lo: number, hi: number): boolean {
  const t = tokens[k];
  if (!t || !ORG_CONNECT.has(t.lc) || t.quoted) return false;
  const a = tokens[k - 1];
  const b = tokens[k + 1];
  if (!a || !b || k - 1 < lo || k + 1 > hi || a.type !== 'w' || b.type !== 'w' || !a.cap || !b.cap || FUNCTION_WORDS.has(b.lc)) return false;
  // Right: a run of capitalised words ending in a capitalised role or body word.
  // Left: `<Body> of <Words> and`; or a run of capitalised words with no title in it (not `Minister Rosa Diaz and …`).
  let titled = false;
  for (let l = k - 1; l >= lo && k - l < 5; l--) {
    const x = tokens[l]!;
    if (x.lc === 'of' || x.lc === 'for') return !!tokens[l - 1]?.cap && isHeadWord(tokens[l - 1]) && l - 1 >= lo;
    if (!x.cap || x.type !== 'w') break;
    if (isHeadWord(x)) titled = true;
  }
  if (titled) return false;
  // Right: a run of capitalised words with a role or body word in it.
  for (let r = k + 1; r <= hi && r - k <= 4 && tokens[r]!.cap && tokens[r]!.type === 'w'; r++) if (isHeadWord(tokens[r])) return true;
  return false;
}

/** A lowercase modifier right before a lowercase body noun (`the U.N. refugee agency`, `the central bank`). */
function modifiesHead(tokens: Token[], k: number): boolean {
  const x = tokens[k]!;
  const n = tokens[k + 1];
  return (
    x.type === 'w' &&
    !x.cap &&
    !x.quoted &&
    !FUNCTION_WORDS.has(x.lc) &&
    !NAME_PARTICLES.has(x.lc) &&
    !!n &&
    !n.cap &&
    BODY_HEADS.has(n.lc) &&
    !ROLE_WORDS.has(x.lc) &&
    !/(ed|ing|ly)$/.test(x.lc)
  );
}

/** Reads the noun phrase that ends at token `j` (inclusive), not before `lo`. Returns its first token index, or -1. */
export function phraseEndingAt(tokens: Token[], j: number, lo: number): number {
  const t = tokens[j];
  if (!t || j < lo) return -1;
  if (t.type === 'w' && Object.hasOwn(PRONOUNS, t.lc) && !t.quoted) return j;
  let i = j;
  let particleStart = -1;
  while (i >= lo) {
    const x = tokens[i]!;
    if (x.quoted) break;
    if (isPhraseWord(x, i === lo, tokens[i + 1])) {
      i--;
      continue;
    }
    const prevTok = tokens[i - 1];
    const inner =
      i > lo &&
      i < j &&
      (x.lc === 'of' || NAME_PARTICLES.has(x.lc)) &&
      prevTok?.type === 'w' &&
      (isPhraseWord(prevTok, false, x) || NAME_PARTICLES.has(prevTok.lc));
    if (inner) {
      i--;
      continue;
    }
    // `Ministry for Economic Cooperation`
    if (i > lo && i < j && x.lc === 'for' && prevTok?.cap && BODY_HEADS.has(prevTok.lc) && tokens[i + 1]!.cap) {
      i--;
      continue;
    }
    // A lowercase description up to a possessive or determiner: `the country's energy minister`, `Lebanon's social affairs minister`.
    if (i < j && x.type === 'w' && !x.cap && !x.quoted && !FUNCTION_WORDS.has(x.lc) && ROLE_WORDS.has(tokens[j]!.lc) && !tokens[j]!.cap) {
      let k = i;
      // `a Vela airport official`: a capitalised modifier may sit among the lower-case ones.
      while (
        k > lo &&
        i - k < 3 &&
        tokens[k - 1]!.type === 'w' &&
        !tokens[k - 1]!.quoted &&
        !FUNCTION_WORDS.has(tokens[k - 1]!.lc) &&
        tokens[k - 1]!.lc !== "'s"
      )
        k--;
      const d = tokens[k - 1];
      if (
        k - 1 >= lo &&
        d &&
        (d.lc === "'s" || /^(one|another)$/.test(d.lc) || (DETERMINERS.has(d.lc) && !/^(two|three|many|several|some|both|other)$/.test(d.lc)))
      ) {
        i = k - 1;
        if (d.lc !== "'s") break;
        continue;
      }
    }
    // `of the University of Indonesia`
    if (i > lo && i < j && x.lc === 'the' && prevTok?.lc === 'of' && tokens[i + 1]!.cap) {
      i--;
      continue;
    }
    if (i > lo && i < j && titleAnd(tokens, i, lo, j)) {
      i--;
      continue;
    }
    if (i > lo && i < j && modifiesHead(tokens, i) && (prevTok?.cap || prevTok?.lc === "'s")) {
      i--;
      continue;
    }
    // A name that starts with lowercase particles: `de Wit`, `van der Au`.
    if (NAME_PARTICLES.has(x.lc) && i < j) {
      let k = i;
      while (k > lo && NAME_PARTICLES.has(tokens[k - 1]!.lc)) k--;
      const p = tokens[k - 1];
      if (!p || k === lo || p.type !== 'w' || (!p.cap && !isPhraseWord(p, false))) {
        i = k - 1;
        particleStart = k;
      }
    }
    break;
  }
  let first = i + 1;
  const leadingParticle = (f: number) =>
    NAME_PARTICLES.has(tokens[f]!.lc) && f !== particleStart && !(f < j && (tokens[f + 1]!.cap || NAME_PARTICLES.has(tokens[f + 1]!.lc)));
  while (first <= j && (tokens[first]!.lc === "'s" || tokens[first]!.lc === 'of' || leadingParticle(first))) first++;
  if (first > j) return -1;
  if (!tokens.slice(first, j + 1).some((x) => x.cap || GROUP_HEADS.has(x.lc) || ANONYMOUS_HEADS.has(x.lc) || ROLE_WORDS.has(x.lc) || BODY_HEADS.has(x.lc)))
    return -1;
  const before = tokens[first - 1];
  if (before && first - 1 >= lo && before.type === 'w' && DETERMINERS.has(before.lc)) first--;
  return first;
}

/** True when the word before a phrase makes it the object of a preposition rather than a subject. */
export function afterPreposition(tokens: Token[], first: number, lo: number): boolean {
  const b = tokens[first - 1];
  return !!b && first - 1 >= lo && b.type === 'w' && PREPOSITIONS.has(b.lc);
}

/** Reads a noun phrase forward from `i` (`the foreign minister`, `a senior aide from the presidency`); returns its last token index or -1. */
export function phraseStartingAt(tokens: Token[], i: number, hi: number, withPrepositions = true, lo = -1): number {
  let k = i;
  const t = tokens[k];
  if (!t || k > hi || t.quoted) return -1;
  if (t.type === 'w' && Object.hasOwn(PRONOUNS, t.lc)) return k;
  if (t.type === 'w' && DETERMINERS.has(t.lc)) k++;
  let last = -1;
  let sawHead = false;
  while (k <= hi) {
    const x = tokens[k]!;
    if (x.quoted) break;
    if (isPhraseWord(x, k === lo, tokens[k + 1])) {
      last = k;
      sawHead = true;
      k++;
      continue;
    }
    if (sawHead && titleAnd(tokens, k, Math.max(0, lo), hi)) {
      k++;
      continue;
    }
    if (sawHead && modifiesHead(tokens, k) && k + 1 <= hi) {
      k++;
      continue;
    }
    if (sawHead && NAME_PARTICLES.has(x.lc)) {
      let n = k;
      while (n <= hi && NAME_PARTICLES.has(tokens[n]!.lc)) n++;
      if (n <= hi && tokens[n]!.cap && n - k <= 3) {
        k = n;
        continue;
      }
    }
    const prev = tokens[k - 1];
    const bodyOf = (x.lc === 'of' || x.lc === 'for') && k > lo && !!prev?.cap && BODY_HEADS.has(prev.lc);
    if (sawHead && (withPrepositions || bodyOf) && (x.lc === 'of' || x.lc === 'from' || x.lc === 'at' || x.lc === 'for' || NAME_PARTICLES.has(x.lc))) {
      let n = k + 1;
      if (tokens[n]?.type === 'w' && DETERMINERS.has(tokens[n]!.lc)) n++;
      if (tokens[n] && n <= hi && tokens[n]!.cap && isPhraseWord(tokens[n]!, false)) {
        k = n;
        continue;
      }
    }
    break;
  }
  return last;
}

/** Classifies the noun phrase `tokens[first..last]`: a named person or body, a description, a pronoun, or an anonymous source. */
export function classifyPhrase(text: string, tokens: Token[], first: number, last: number): SpeakerPhrase {
  const span = { start: tokens[first]!.start, end: tokens[last]!.end };
  const ws = tokens.slice(first, last + 1);
  const w0 = ws[0]!;
  if (ws.length === 1 && Object.hasOwn(PRONOUNS, w0.lc)) {
    const p = PRONOUNS[w0.lc]!;
    return { span, kind: 'pronoun', pronoun: p, ...(p === 'male' || p === 'female' ? { gender: p } : {}) };
  }
  // `46 percent`, `nine in 10`: a share of those polled.
  const z = ws[ws.length - 1]!;
  if (z.lc === 'percent' || (/^\d+$/.test(z.lc) && ws.length >= 3 && /^(in|of)$/.test(ws[ws.length - 2]!.lc)))
    return { span, kind: 'body', name: text.slice(span.start, span.end) };
  let body = ws;
  const hasDet = DETERMINERS.has(w0.lc) && !w0.cap ? true : DETERMINERS.has(w0.lc) && ws.length > 1;
  if (hasDet) body = ws.slice(1);
  if (body.length === 0) return { span, kind: 'anonymous' };
  const slice = (a: Token[]) => (a.length ? text.slice(a[0]!.start, a[a.length - 1]!.end) : '');
  const of = nameOfBody(body);
  if (of > 0) {
    const inner = classifyPhrase(text, tokens, first, first + (ws.length - body.length) + of - 1);
    if (inner.kind === 'person' || inner.kind === 'name') return { ...inner, span };
  }
  if (titleCaseBody(body)) return { span, kind: 'body', name: slice(body) };
  const gender = body
    .map((t) => t.lc.replace(/\.$/, ''))
    .filter((w) => Object.hasOwn(GENDERED_TITLES, w))
    .map((w) => GENDERED_TITLES[w])
    .find(Boolean);
  const g = gender ? { gender } : {};
  // Split off a trailing run of capitalised, non-role words: the name.
  let k = body.length;
  while (k > 0) {
    const t = body[k - 1]!;
    // `Ada R. King`, `Ada King`: a role word after an initial or a first name is a surname.
    const before = body[k - 2];
    const surname = k === body.length && t.cap && !!before && before.cap && (/^\p{Lu}\p{Ll}{0,4}\.$/u.test(before.text) || !!firstNameGender(before.lc));
    const roleish = !surname && (ROLE_WORDS.has(t.lc) || BODY_HEADS.has(t.lc) || GROUP_HEADS.has(t.lc));
    if ((t.cap && !roleish) || (NAME_PARTICLES.has(t.lc) && k < body.length)) k--;
    else break;
  }
  // A name that starts with its particle (`de Wit`, `Dos Reis`) is a surname: resolved against the full names.
  const particled = k < body.length - 1 && NAME_PARTICLES.has(body[k]!.lc);
  const nameToks = body.slice(k);
  const roleToks = body.slice(0, k);
  const preceding = roleToks[roleToks.length - 1];
  const nameIsObject = preceding && (PREPOSITIONS.has(preceding.lc) || DETERMINERS.has(preceding.lc));
  // `Ruiz's Vela Point event`: capitalised words after a possessive are the possessor's thing, unless they open with a
  // first name or a speech verb follows (`the Herald's Ana Ruiz`, `the party's Ivo Lind said`); the possessor is named.
  const after = tokens[last + 1];
  const possessed = !firstNameGender(nameToks[0]?.lc ?? '') && !(after && (after.type === 'p' || SPEECH_FORMS.has(after.lc)));
  if (nameToks.length && preceding?.lc === "'s" && k >= 2 && possessed) return classifyPhrase(text, tokens, first, first + ws.length - body.length + k - 2);
  if (nameToks.length && !nameIsObject) {
    const name = slice(nameToks);
    const headLc = preceding?.lc ?? '';
    if (roleToks.length) {
      const role = slice(roleToks);
      if (BODY_HEADS.has(headLc)) return roleToks.every((t) => t.cap) ? { span, kind: 'body', name: slice(body) } : { span, kind: 'body', name, role };
      return { span, kind: 'person', name, role, ...g };
    }
    if (hasDet || nameToks.some((t) => BODY_HEADS.has(t.lc))) return { span, kind: 'body', name };
    if (particled) return { span, kind: 'name', name, ...g };
    if (nameToks.length >= 2) return { span, kind: 'person', name, ...g };
    return { span, kind: 'name', name, ...g };
  }
  // No name: a group, a body, an anonymous source or a description by role.
  const prepAt = body.findIndex((t, i) => i > 0 && PREPOSITIONS.has(t.lc));
  // `Most of the voters`: a quantifier counts the group named after `of`.
  const counted = prepAt === 1 && body[1]!.lc === 'of' && /^(most|many|some|all|several|few|both|each)$/.test(body[0]!.lc);
  const core = prepAt > 0 && !counted ? body.slice(0, prepAt) : body;
  const head = core[core.length - 1]!.lc;
  if (ANONYMOUS_HEADS.has(head)) return { span, kind: 'anonymous' };
  // `Many of his supporters`: the quantifier stays with the group it counts.
  const full = body[0]?.lc === 'of' ? slice(ws) : slice(body);
  if (GROUP_HEADS.has(head)) return { span, kind: 'body', name: full };
  if (BODY_HEADS.has(head)) return { span, kind: 'body', name: full };
  if (!ROLE_WORDS.has(head)) {
    if (body.every((t) => t.cap)) return { span, kind: 'body', name: full };
    return { span, kind: 'anonymous' };
  }
  const qualifiers = body.filter((t) => t !== core[core.length - 1] && t.type === 'w' && !PREPOSITIONS.has(t.lc) && !DETERMINERS.has(t.lc)).map((t) => t.lc);
  return { span, kind: 'description', role: full, head, qualifiers, ...g };
}

const TITLE_SMALL = new Set(['of', 'and', '&', 'for', 'the', 'on', "'s", 'de', 'du', 'des', 'la']);

/** `Ministry of Foreign Affairs`, `Indonesian Iron and Steel Industry Association`: a Title Case name ending in a body word. */
function titleCaseBody(body: Token[]): boolean {
  if (body.length < 2 || !body.every((t) => t.type === 'w' && (t.cap || TITLE_SMALL.has(t.lc)))) return false;
  let h = -1;
  for (let i = 0; i < body.length; i++) if (body[i]!.cap && BODY_HEADS.has(body[i]!.lc)) h = i;
  if (h < 0) return false;
  return h === body.length - 1 || /^(of|for|on)$/.test(body[h + 1]!.lc);
}

/** `Ada Lind of Uppsala University`: the index of the `of` after a person's name, else -1. */
function nameOfBody(body: Token[]): number {
  const o = body.findIndex((t, i) => i >= 2 && t.lc === 'of');
  if (o < 0 || o + 1 >= body.length) return -1;
  const a = body[o - 1]!;
  const b = body[o - 2]!;
  const namePart = (t: Token) => t.cap || NAME_PARTICLES.has(t.lc);
  // `Mr. Lind of …`, `Sen. Ada Lind of …`: a title before a one-word name is fine; `Minister of …` is not a name.
  const surname = b.cap && (/^\p{Lu}\p{Ll}{0,4}\.$/u.test(b.text) || !!firstNameGender(b.lc));
  if (!a.cap || (ROLE_WORDS.has(a.lc) && !surname) || BODY_HEADS.has(a.lc) || !namePart(b) || (ROLE_WORDS.has(b.lc) && !/\.$/.test(b.text))) return -1;
  return body.slice(o + 1).every((t) => t.cap || TITLE_SMALL.has(t.lc)) ? o : -1;
}
