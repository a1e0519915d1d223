import type { Speaker, Statement } from '../model.ts';
import { STOPWORDS } from './stopwords.ts';
import { describe, openingName, opensWithReference, replaceOpeningName, replaceSubjectPronoun } from './standalone.ts';

/**
 * Who a point's opening refers to, from the speakers resolved across the corpus: `He said …` in a
 * sentence whose statement was resolved to a person becomes `Tan Mirel, the trade minister, said …`,
 * and a bare `Mirel said …` names Mirel in full on the first mention in the digest.
 */

/** Looks up the speakers behind sentences and surnames. */
export interface Referents {
  /** The person speaking in an article's sentence, with the role this article gives (or the first known). */
  speakerOf(article: string, sentence: number): { name: string; role?: string } | undefined;
  /** The person a bare surname (or a first name) belongs to, when exactly one multi-word name fits. */
  byName(word: string): { name: string; role?: string } | undefined;
}

const words = (name: string) => name.trim().split(/\s+/);

/** A word that may be part of a person's name: capitalised and not a function word (`The`, `Another`). */
const nameWord = (w: string) => /^\p{Lu}/u.test(w) && !STOPWORDS.has(w.toLowerCase());

/**
 * A name a person can be introduced by: two or more words, the first and the last name words
 * (`Tan Mirel`, `Ida van Ost`); not a description the speaker resolver kept as a name
 * (`Another doctor`, `The principal observatory`).
 */
export function personName(name: string): boolean {
  const ws = words(name);
  return ws.length >= 2 && nameWord(ws[0]!) && nameWord(ws[ws.length - 1]!) && !ORGANISATION.test(ws[ws.length - 1]!);
}

/** Last words that make a name an organisation's (`Vela Corp`, `Acme Group`). */
const ORGANISATION =
  /^(?:corp|corporation|inc|co|ltd|llc|plc|ag|sa|group|company|association|party|committee|council|ministry|department|university|agency|bank|news|times|post|press|foundation|institute|court|radio|television|tv|network|international|service|organi[sz]ation|union|league|club|center|centre|office)\.?$/i;

/** A role worth printing after a name: short, one description (no list of people), not repeating the name. */
function plausibleRole(role: string, name: string): boolean {
  const r = role.trim();
  const ws = words(r);
  if (ws.length === 0 || ws.length > 8 || /\band\b|[,;:()"“”]/.test(r)) return false;
  // An honorific is not a role (`Mara Quell, Ms,`).
  if (ws.length === 1 && /^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|mme|mlle|herr|frau)\.?$/i.test(r)) return false;
  return !words(name).some((w) => ws.includes(w));
}

/** Builds the lookups from the resolved statements and speakers. */
export function makeReferents(statements: readonly Statement[], speakers: readonly Speaker[]): Referents {
  const byId = new Map(speakers.map((s) => [s.id, s]));
  const bySentence = new Map<string, Statement>();
  for (const st of statements) {
    if (!st.speakerId) continue;
    const key = `${st.article}\u0000${st.sentence}`;
    if (!bySentence.has(key)) bySentence.set(key, st);
  }
  const byWord = new Map<string, Speaker | null>();
  for (const s of speakers) {
    if (s.kind !== 'person' || !personName(s.name)) continue;
    for (const alias of [s.name, ...s.aliases]) {
      for (const w of words(alias)) {
        if (w.length < 2 || !nameWord(w)) continue;
        const prev = byWord.get(w);
        byWord.set(w, prev === undefined || prev === s ? s : null);
      }
    }
  }
  const roleOf = (s: Speaker, own?: string) => [own, ...s.roles].find((r) => r !== undefined && plausibleRole(r, s.name));
  return {
    speakerOf(article, sentence) {
      const st = bySentence.get(`${article}\u0000${sentence}`);
      const sp = st?.speakerId ? byId.get(st.speakerId) : undefined;
      if (sp?.kind !== 'person' || !personName(sp.name)) return undefined;
      const role = roleOf(sp, st?.role);
      return role ? { name: sp.name, role } : { name: sp.name };
    },
    byName(word) {
      const sp = byWord.get(word);
      if (!sp) return undefined;
      const role = roleOf(sp);
      return role ? { name: sp.name, role } : { name: sp.name };
    },
  };
}

/**
 * A point's text made to stand alone, given the names the digest has already introduced (`mentioned`,
 * full names; updated in place when this point introduces one): a leading `He`/`She` or bare surname is
 * replaced by the person's full name (with role on first mention); any other opening reference the
 * engine cannot name makes the point unusable (undefined).
 */
export function standAlone(
  text: string,
  where: { article: string; sentence: number; text?: string },
  referents: Referents | undefined,
  mentioned: Set<string>,
): string | undefined {
  const introduce = (who: { name: string; role?: string }) => {
    const first = !mentioned.has(who.name);
    mentioned.add(who.name);
    return first ? describe(who.name, who.role) : who.name;
  };
  if (opensWithReference(text)) {
    const who = referents?.speakerOf(where.article, where.sentence);
    if (!who) return undefined;
    return replaceSubjectPronoun(text, introduce(who));
  }
  // A function word opening the point (`The`, `Some`) is no name.
  const opening = openingName(text);
  const name = opening && !STOPWORDS.has(opening.toLowerCase()) ? opening : undefined;
  const known = name ? referents?.byName(name) : undefined;
  // A surname the speaker resolver does not know may still be written in full earlier in its own article.
  const inArticle = name && !known && where.text ? articleFullName(where.text, name) : undefined;
  const who = known ?? (inArticle ? { name: inArticle } : undefined);
  let out = text;
  // An inserted attribution by pronoun (`Antitrust law, he said, …`) names its speaker too.
  const inserted = INSERTED_PRONOUN.exec(text.slice(0, 80));
  if (inserted) {
    const speaker = referents?.speakerOf(where.article, where.sentence);
    if (!speaker) return undefined;
    const at = inserted.index + inserted[0].indexOf(inserted[1]!);
    out = `${text.slice(0, at)}${introduce(speaker)}${text.slice(at + inserted[1]!.length)}`.replace(/,,/g, ',');
    return out;
  }
  // `Moll is the father of Theresa Moll`: a full name written later in the point is someone else than its
  // opening surname, which the engine cannot name; the point is not used rather than name the wrong person.
  if (name && who && who.name !== name && text.slice(name.length).includes(who.name)) return undefined;
  if (name && who && who.name !== name && !mentioned.has(who.name)) out = replaceOpeningName(text, name, introduce(who)) ?? text;
  out = describeSpeakers(out, referents, mentioned);
  for (const n of fullNamesIn(out, referents)) mentioned.add(n);
  return introduceBareNames(out, referents, mentioned);
}

/** `, he said,` inside a sentence: a pronoun standing for the speaker. */
const INSERTED_PRONOUN = /,\s+(he|she)\s+(?:said|says|added|noted|observed|argued|insisted|warned|explained|stressed|wrote|told \w+),/i;

/** A capitalised word standing alone inside a sentence (no capitalised word just before or after it), possibly possessive. */
const BARE_INSIDE = /(?<!\p{Lu}[\p{L}.'’-]*\s)(?<=[\p{Ll}\d,;:(]\s)(\p{Lu}[\p{Ll}'’-]+?)(?=(?:['’]s)?[\s,;:.!?)"”](?!\s*\p{Lu}[\p{Ll}]))/gu;

/**
 * A bare surname (or first name) inside the point (`… Dorn and Lasko fled …`) of a person
 * the digest has not named in full yet becomes the full name on its first mention (`… Ivo
 * Lasko …`), so the reader knows who is meant; no role, to keep the point short.
 */
function introduceBareNames(text: string, referents: Referents | undefined, mentioned: Set<string>): string {
  if (!referents) return text;
  const opening = openingName(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(BARE_INSIDE)) {
    const word = m[1]!;
    if (m.index === 0 || word === opening || STOPWORDS.has(word.toLowerCase())) continue;
    const who = referents?.byName(word);
    // A surname only (`Lasko` → `Ivo Lasko`): a first word may be a nationality or a place (`Swiss`).
    if (!who || who.name === word || !who.name.endsWith(` ${word}`) || mentioned.has(who.name)) continue;
    mentioned.add(who.name);
    out += text.slice(last, m.index) + who.name;
    last = m.index + word.length;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** A full name right before a speech verb (`… Tomas Rell said in opening statements`). */
const SPEAKER_NAME = /(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}'’-]+)+)(?=\s+(?:said|says|told|added|testified|argued|wrote)\b)/gu;

/**
 * A person quoted by full name on their first mention in the digest gets their role (`Tomas Rell, a
 * defense lawyer, said …`), as a pronoun or surname replaced by the name does: a quote needs its speaker's standing.
 */
function describeSpeakers(text: string, referents: Referents | undefined, mentioned: Set<string>): string {
  if (!referents) return text;
  for (const m of text.matchAll(SPEAKER_NAME)) {
    const ws = words(m[1]!);
    const who = referents.byName(ws[ws.length - 1]!);
    if (!who?.role || who.name !== m[1] || mentioned.has(who.name)) continue;
    // Not when the sentence already describes the speaker before the name (`defense attorney Tomas Rell said`).
    if (/\p{Ll}\s+$/u.test(text.slice(Math.max(0, m.index - 2), m.index)) && !/[,.;:"”]\s*$/.test(text.slice(0, m.index))) continue;
    return `${text.slice(0, m.index)}${describe(who.name, who.role)}${text.slice(m.index + m[1]!.length)}`;
  }
  return text;
}

/** Capitalised words before a surname that are titles or descriptions, not first names. */
const NOT_FIRST =
  /^(?:mr|mrs|ms|miss|dr|sir|president|judge|justice|sen|senator|rep|gov|governor|mayor|minister|general|gen|col|colonel|capt|captain|lt|sgt|officer|chief|prof|professor|rev|father|pope|king|queen|prince|princess|lord|lady|saint|st|the|a|an|and|or|of|in|on|at|by|for|to|with|from|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?$/i;

/** The first full form (`Edda Voss`, `Edda M. Voss`) of a surname written in an article, if any (on one line: a heading above a paragraph is no first name). */
export function articleFullName(article: string, surname: string): string | undefined {
  const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of article.matchAll(new RegExp(`(?<![\\p{L}'’-])(\\p{Lu}[\\p{Ll}'’-]+)((?:[ \\t]+\\p{Lu}\\.)?)[ \\t]+${escaped}(?![\\p{L}'’-])`, 'gu'))) {
    if (!NOT_FIRST.test(m[1]!) && !STOPWORDS.has(m[1]!.toLowerCase())) return `${m[1]}${m[2]} ${surname}`;
  }
  return undefined;
}

/** Full names of known people written out in a text (so later bare surnames need no introduction). */
function fullNamesIn(text: string, referents: Referents | undefined): string[] {
  if (!referents) return [];
  const out: string[] = [];
  for (const m of text.matchAll(/\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+/gu)) {
    const last = words(m[0]).pop()!;
    const who = referents.byName(last);
    if (who && m[0].endsWith(words(who.name).pop()!)) out.push(who.name);
  }
  return out;
}
