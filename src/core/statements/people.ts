import type { Token } from './tokens.ts';
import { classifyPhrase, isCommonWord, phraseEndingAt, phraseStartingAt, type SpeakerPhrase } from './noun-phrase.ts';
import { compatibleNames, foldName, nameWords, similarWord, surnameOf } from './names.ts';
import type { SpeakerMention } from './speaker-mention.ts';
import { BODY_HEADS, ROLE_WORDS, SPEECH_FORMS } from './vocabulary.ts';
import { firstNameGender } from './first-name-gender.ts';
import { describedSpeaker } from './described.ts';

/** More distinct people than any real article names: beyond it, new names are not tracked (keeps work linear). */
const MAX_PERSONS = 300;
/** How many sentences back a pronoun may look for its antecedent when no closer rule found one. */
const MAX_PRONOUN_REACH = 3;

/** Role words that name a field (`Trade Minister`), not a title: a capitalised role ending in one is part of a name. */
const FIELD_WORDS = new Set(
  'state foreign defence defense interior finance economy national security press policy energy trade climate industry health justice education environment agriculture transport labour labor culture'.split(
    ' ',
  ),
);

/** A subordinate clause opening right before a name: `When Orr …, he said`. */
const CLAUSE_OPENER = /\b(?:when|after|as|while|because|since|although|though|if|once|before|until)\s+$/i;

/** Title abbreviations and the role words they stand for (`Sen. Ruiz` is `the senator`). */
const TITLE_WORDS: Record<string, string> = {
  sen: 'senator',
  sens: 'senator',
  rep: 'representative',
  reps: 'representative',
  gov: 'governor',
  gen: 'general',
  lt: 'lieutenant',
  col: 'colonel',
  sgt: 'sergeant',
  rev: 'reverend',
  prof: 'professor',
  dr: 'doctor',
  capt: 'captain',
  adm: 'admiral',
  maj: 'major',
  atty: 'attorney',
  amb: 'ambassador',
  supt: 'superintendent',
  congressman: 'representative',
  congresswoman: 'representative',
};

/** A name that can be a person's: a known gender, or a last word that is neither a body (`Council`) nor a word the article also uses in lower case (`Tower`, `Convention`). */
function personLike(p: Person): boolean {
  const last = surnameOf(p.name);
  return !!(p.gender ?? p.nameGender) || (!BODY_HEADS.has(last) && !isCommonWord(last));
}

/** A person named in one article. */
export interface Person {
  name: string;
  roles: string[];
  gender?: 'male' | 'female';
  /** The usual gender of the first name, when the article itself says nothing (used for pronouns only). */
  nameGender?: 'male' | 'female';
}

/** One place where a person is mentioned. */
interface PersonMention {
  at: number;
  sentence: number;
  person: Person;
}

/** A sentence's tokens, for scanning mentions. */
export interface SentenceTokens {
  tokens: Token[];
  lo: number;
  hi: number;
  sentence: number;
}

/** The people of one article and the state needed to resolve speaker phrases in reading order. */
export class ArticlePeople {
  readonly persons: Person[] = [];
  private readonly mentions: PersonMention[] = [];
  private readonly subjects = new Map<number, SpeakerPhrase>();
  private readonly surnameCache = new Map<string, Person | undefined>();
  private readonly firstInSentence = new Map<number, PersonMention>();
  private readonly appositiveSubject = new Map<number, number>();
  private last: { speaker: SpeakerMention; person?: Person; sentence: number } | undefined;
  private readonly spoken = new Set<Person>();
  /** Speakers named by a bare capitalised word no full name in the article explains (`Brafman said`). */
  private readonly bareSpeakers = new Set<string>();

  /** Collects every person named in the article's sentences, then ties bare surnames to them. */
  constructor(
    private readonly text: string,
    sentences: SentenceTokens[],
  ) {
    const bare: { at: number; sentence: number; name: string }[] = [];
    for (const s of sentences) {
      for (let i = s.lo; i <= s.hi; i++) {
        const t = s.tokens[i]!;
        if (t.type !== 'w' || !t.cap || t.quoted) continue;
        const last = phraseStartingAt(s.tokens, i, s.hi, false, s.lo);
        if (last < 0) continue;
        if (last === i && t.lc !== "'s") {
          if (!ROLE_WORDS.has(t.lc)) bare.push({ at: t.start, sentence: s.sentence, name: t.text });
          continue;
        }
        const p = classifyPhrase(text, s.tokens, i, last);
        if (p.kind === 'person' && p.name) {
          const person = this.add(p);
          this.mentions.push({ at: t.start, sentence: s.sentence, person });
          this.appositives(text, s, i, last, person);
          // `Her colleague, Economy Minister Rita Sala, met …`: the name after a short opening description is the subject.
          if (s.tokens[i - 1]?.lc === ',' && i - 1 > s.lo && i - 1 - s.lo <= 5 && !this.appositiveSubject.has(s.sentence))
            this.appositiveSubject.set(s.sentence, t.start);
        } else if (p.kind === 'name' && p.name) bare.push({ at: t.start, sentence: s.sentence, name: p.name });
        i = last;
      }
    }
    for (const s of sentences) {
      const t = s.tokens[s.lo];
      if (t?.type !== 'w') continue;
      const last = phraseStartingAt(s.tokens, s.lo, s.hi, false, s.lo);
      if (last >= 0) this.subjects.set(s.sentence, classifyPhrase(text, s.tokens, s.lo, last));
    }
    for (const b of bare) {
      const person = this.bySurname(b.name);
      if (person) this.mentions.push({ at: b.at, sentence: b.sentence, person });
    }
    this.mentions.sort((a, b) => a.at - b.at);
    for (const m of this.mentions) if (!this.firstInSentence.has(m.sentence)) this.firstInSentence.set(m.sentence, m);
  }

  /** Roles given next to a name, between commas: `Her Tanzanian counterpart, Grace Mwakyusa,` / `Kim, a spokeswoman`. */
  private appositives(text: string, s: SentenceTokens, first: number, last: number, person: Person) {
    const note = (p: SpeakerPhrase) => {
      if (p.kind !== 'description' || !p.role) return;
      if (!person.roles.includes(p.role)) person.roles.push(p.role);
      if (p.gender && !person.gender) person.gender = p.gender;
    };
    if (s.tokens[first - 1]?.lc === ',' && first - 2 >= s.lo) {
      const bf = phraseEndingAt(s.tokens, first - 2, s.lo);
      if (bf >= 0) note(classifyPhrase(text, s.tokens, bf, first - 2));
    }
    // After the name: `Kim, a spokeswoman`, `Lina Osei, the bloc's executive secretary and its chief mediator,`.
    let at = last + 2;
    for (let n = 0; n < 2 && s.tokens[at - 1]?.lc === (n === 0 ? ',' : 'and') && at <= s.hi; n++) {
      // Up to the role word: `the bloc's executive secretary`, `its chief mediator`.
      let r = at;
      while (r <= s.hi && r - at < 5 && s.tokens[r]!.type === 'w' && !ROLE_WORDS.has(s.tokens[r]!.lc)) r++;
      const end = r <= s.hi && ROLE_WORDS.has(s.tokens[r]!.lc) ? phraseStartingAt(s.tokens, r, s.hi, true) : -1;
      if (end < 0) break;
      // `…, the country's energy minister said.`: a subject of a speech verb, not a role of the name before it.
      const after = s.tokens[end + 1];
      if (n === 0 && (!after || end + 1 >= s.hi || (after.type === 'w' && SPEECH_FORMS.has(after.lc)))) break;
      note(classifyPhrase(text, s.tokens, at, end));
      at = end + 2;
    }
  }

  private add(p: SpeakerPhrase): Person {
    const name = p.name!;
    const found =
      this.persons.find((x) => nameWords(x.name).length > 1 && nameWords(name).length > 1 && compatibleNames(x.name, name)) ??
      this.persons.find((x) => compatibleNames(x.name, name) && (nameWords(x.name).length === 1 || nameWords(name).length === 1));
    const person = found ?? { name, roles: [] };
    if (!found && this.persons.length < MAX_PERSONS) {
      this.persons.push(person);
      this.surnameCache?.clear();
    }
    if (nameWords(name).length > nameWords(person.name).length) person.name = name;
    // `Alda State College`, `Education Reform`: Title Case words ending in a field (`State`, `Trade`) are a name, not a role.
    const field = p.role && /^\p{Lu}/u.test(p.role) && FIELD_WORDS.has(surnameOf(p.role));
    if (p.role && !field && !person.roles.includes(p.role)) person.roles.push(p.role);
    if (p.gender && !person.gender) person.gender = p.gender;
    // `Ada Lind` is a woman unless the article says otherwise (a title, a pronoun already noted).
    const given = nameWords(person.name);
    if (!person.nameGender && given.length > 1) {
      const g = firstNameGender(given[0]!);
      if (g) person.nameGender = g;
    }
    return person;
  }

  /** The person whose surname (or single name) this word is, if exactly one fits. */
  bySurname(word: string): Person | undefined {
    if (this.surnameCache.has(word)) return this.surnameCache.get(word);
    const found = this.findBySurname(word);
    this.surnameCache.set(word, found);
    return found;
  }

  private findBySurname(word: string): Person | undefined {
    const w = foldName(word);
    if (!w) return undefined;
    const hits = this.persons.filter((p) => similarWord(surnameOf(p.name), w) || (nameWords(p.name).length > 2 && nameWords(p.name).slice(1).join(' ') === w));
    if (hits.length === 0) {
      // `Park` of `Park Jae-won`; but `Vela` is not the given name of `Vela Tower`: a name ending in a body or a common word,
      // or one the article never gives a role or a gender (`Ruiz Plaza`).
      const given = this.persons.filter(
        (p) => nameWords(p.name).length > 1 && nameWords(p.name)[0] === w && personLike(p) && (p.roles.length > 0 || !!p.gender),
      );
      return given.length === 1 ? given[0] : undefined;
    }
    return hits.length === 1 ? hits[0] : hits.find((p) => surnameOf(p.name) === w);
  }

  /** Resolves a speaker phrase at `at` in sentence `sentence` to a mention, updating the reading state. */
  resolve(p: SpeakerPhrase, at: number, sentence: number): SpeakerMention | null {
    let person: Person | undefined;
    let out: SpeakerMention | null = null;
    switch (p.kind) {
      case 'person':
        person = this.persons.find((x) => compatibleNames(x.name, p.name!)) ?? this.add(p);
        out = { name: person.name, kind: 'person', ...((p.role ?? person.roles[0]) ? { role: p.role ?? person.roles[0]! } : {}) };
        break;
      case 'name':
        person = this.bySurname(p.name!);
        out = person ? { name: person.name, kind: 'person', ...(person.roles[0] ? { role: person.roles[0] } : {}) } : { name: p.name!, kind: 'body' };
        if (!person) this.bareSpeakers.add(out.name);
        break;
      case 'body':
        out = { name: p.name!, kind: 'body', ...(p.role ? { role: p.role } : {}) };
        break;
      case 'description':
        person = this.byRole(p.head!, p.qualifiers ?? [], at);
        // `a longtime adviser to the mayor`, `one campaign aide`: an indefinite description after the role holder is
        // named brings in someone else (before it, it may be the one the article names next).
        if (person && this.indefinite(p) && this.mentions.some((m) => m.person === person && m.at < at)) {
          out = describedSpeaker(this.text, p) ?? null;
          person = undefined;
          break;
        }
        // Unresolved but someone here has the role (`the minister` with two ministers named): one of them, unknown which.
        out = person
          ? { name: person.name, kind: 'person', role: p.role ?? person.roles[0] ?? '' }
          : this.roleHolders(p.head!).length
            ? null
            : (describedSpeaker(this.text, p) ?? null);
        break;
      case 'anonymous':
        out = describedSpeaker(this.text, p) ?? null;
        break;
      case 'pronoun':
        if (p.pronoun === 'male' || p.pronoun === 'female') {
          const described = this.describedAntecedent(p.pronoun, sentence) ?? this.bareAntecedent(p.pronoun, sentence);
          if (described) {
            out = described;
            break;
          }
          person = this.byPronoun(p.pronoun, at, sentence);
          if (person && !person.gender) person.gender = p.pronoun;
          out = person ? { name: person.name, kind: 'person', ...(person.roles[0] ? { role: person.roles[0] } : {}) } : null;
        } else if (p.pronoun === 'group' || p.pronoun === 'thing') {
          const prev = this.subjects.get(sentence - 1);
          if (this.last && this.last.speaker.kind === 'body' && this.last.sentence >= sentence - 1) out = this.last.speaker;
          else if (prev?.kind === 'body' && prev.name) out = { name: prev.name, kind: 'body', ...(prev.role ? { role: prev.role } : {}) };
        }
        break;
      default:
        out = null;
    }
    if (out && person?.gender) out.gender = person.gender;
    if (out) this.last = { speaker: out, ...(person ? { person } : {}), sentence };
    return out;
  }

  /**
   * `A campaign aide said … . He added …`: a pronoun right after a speaker known only by an indefinite description
   * stands for that speaker, unless the pronoun's own sentence names someone before it.
   */
  private describedAntecedent(gender: 'male' | 'female', sentence: number): SpeakerMention | undefined {
    const last = this.last;
    if (!last?.speaker.described || last.speaker.kind !== 'person' || last.sentence < sentence - 1) return undefined;
    // `the former secretary` usually stands for someone named before: only a new, indefinite one (`an aide`) is kept.
    if (!/^(a|an|one|another)\s/i.test(last.speaker.name)) return undefined;
    if (last.speaker.gender && last.speaker.gender !== gender) return undefined;
    if (this.firstInSentence.has(sentence) && last.sentence < sentence) return undefined;
    return last.speaker;
  }

  /**
   * `Brafman said … . He added …`: a pronoun right after a speaker known only by a bare name (no full name anywhere in
   * the article) stands for that speaker, when the name is not a first name of the other gender and the pronoun's own
   * sentence names no one before it.
   */
  private bareAntecedent(gender: 'male' | 'female', sentence: number): SpeakerMention | undefined {
    const last = this.last;
    if (!last || last.person || !this.bareSpeakers.has(last.speaker.name) || last.sentence < sentence - 1) return undefined;
    const name = last.speaker.name;
    const f = foldName(name);
    const g = firstNameGender(f);
    // Not a surname: an abbreviation (`D.C.`), a run-in capital (`ProPublica`), an -ing word, a plural of a common word.
    if (/\./.test(name) || /\p{Ll}\p{Lu}/u.test(name) || /ing$/.test(f) || (/s$/.test(f) && isCommonWord(f.slice(0, -1)))) return undefined;
    if ((g && g !== gender) || isCommonWord(f)) return undefined;
    if (this.firstInSentence.has(sentence) && last.sentence < sentence) return undefined;
    return last.speaker;
  }

  /** A description opening with `a`, `an`, `one` or `another` (`one` may sit just before the phrase read). */
  private indefinite(p: SpeakerPhrase): boolean {
    const before = this.text.slice(Math.max(0, p.span.start - 10), p.span.start);
    return /^(?:a|an|one|another)\s/i.test(this.text.slice(p.span.start, p.span.end)) || /(?:^|[^\p{L}])(?:one|another)\s+$/iu.test(before);
  }

  /** Records that a statement was made by `speaker` (the "previous attribution" for pronouns). */
  noteSpeaker(speaker: SpeakerMention | null, sentence: number): void {
    if (!speaker) return;
    const person = speaker.kind === 'person' ? this.persons.find((x) => x.name === speaker.name) : undefined;
    if (person) this.spoken.add(person);
    this.last = { speaker, ...(person ? { person } : {}), sentence };
  }

  /** The people of the article given a role with this head word (`minister`). */
  private roleHolders(head: string): Person[] {
    const words = (p: Person) => new Set(p.roles.flatMap((r) => nameWords(r)).map((w) => TITLE_WORDS[w] ?? w));
    return this.persons.filter((p) => words(p).has(head) || words(p).has(`${head}s`));
  }

  private byRole(head: string, qualifiers: string[], at: number): Person | undefined {
    const words = (p: Person) => new Set(p.roles.flatMap((r) => nameWords(r)).map((w) => TITLE_WORDS[w] ?? w));
    let hits = this.roleHolders(head);
    if (hits.length > 1) {
      const scored = hits.map((p) => ({ p, n: qualifiers.filter((q) => words(p).has(q)).length }));
      const best = Math.max(...scored.map((x) => x.n));
      hits = scored.filter((x) => x.n === best).map((x) => x.p);
    }
    return hits.length === 1 ? hits[0] : this.mostRecent(hits, at);
  }

  /** Of several people, the one named last before `at`, unless another was named in the same sentence. */
  private mostRecent(hits: Person[], at: number): Person | undefined {
    if (hits.length < 2) return undefined;
    const i = this.mentionIndex(at);
    const seen = new Map<Person, number>();
    for (let k = i - 1; k >= 0 && k >= i - 60 && seen.size < hits.length; k--) {
      const m = this.mentions[k]!;
      if (hits.includes(m.person) && !seen.has(m.person)) seen.set(m.person, m.sentence);
    }
    const order = [...seen.entries()];
    if (!order.length) return undefined;
    if (order.length > 1 && order[1]![1] === order[0]![1]) return undefined;
    return order[0]![0];
  }

  private mentionIndex(at: number): number {
    let a = 0;
    let z = this.mentions.length;
    while (a < z) {
      const m = (a + z) >> 1;
      if (this.mentions[m]!.at < at) a = m + 1;
      else z = m;
    }
    return a;
  }

  private byPronoun(gender: 'male' | 'female', at: number, sentence: number): Person | undefined {
    // A person a pronoun can stand for: of that gender or unknown, and plausibly a person (a known first name, a title or
    // role, a gender from the text, or a speaker already), not any two capitalised words (`Harbor Avenue`).
    const fits = (p: Person | undefined) =>
      !!p &&
      (!(p.gender ?? p.nameGender) || (p.gender ?? p.nameGender) === gender) &&
      (!!(p.gender ?? p.nameGender) || ((p.roles.length > 0 || this.spoken.has(p)) && personLike(p)));
    // The subject of the sentence, before the pronoun: `Aro shook hands with Baker, and he later told …`.
    const subj = this.subjects.get(sentence);
    const own = this.firstInSentence.get(sentence);
    const isSubject =
      own && this.appositiveSubject.get(sentence) === own.at
        ? true
        : subj &&
          own &&
          (subj.kind === 'person' || subj.kind === 'name'
            ? own.at >= subj.span.start && own.at < subj.span.end
            : own.at - subj.span.end <= 2 && own.at > subj.span.end);
    if (own && isSubject && own.at < at && fits(own.person)) return own.person;
    // `When Orr was asked about it, he laughed`: the one fitting person named earlier in the same sentence.
    if (own && own.at < at && !subj) {
      const same = new Set<Person>();
      for (let i = this.mentionIndex(at) - 1; i >= 0 && this.mentions[i]!.sentence === sentence; i--) {
        const m = this.mentions[i]!;
        if (fits(m.person) && CLAUSE_OPENER.test(this.text.slice(Math.max(0, m.at - 12), m.at))) same.add(m.person);
      }
      if (same.size === 1) return [...same][0];
    }
    if (this.last?.person && this.last.sentence >= sentence - 1 && fits(this.last.person)) return this.last.person;
    const prevFirst = this.firstInSentence.get(sentence - 1);
    if (prevFirst && fits(prevFirst.person)) return prevFirst.person;
    // `Orr had close ties to Baker. But he then backed Ms. Aro. "…," he said`: the person opening the sentence before the
    // previous one, before any later mention.
    const twoBack = this.firstInSentence.get(sentence - 2);
    if (twoBack && fits(twoBack.person)) return twoBack.person;
    // The latest fitting mention within MAX_PRONOUN_REACH sentences (further back it is wrong more often than right).
    const a = this.mentionIndex(at);
    for (let i = a - 1; i >= 0 && i >= a - 50 && this.mentions[i]!.sentence >= sentence - MAX_PRONOUN_REACH; i--) {
      const m = this.mentions[i]!;
      if (fits(m.person)) return m.person;
    }
    return undefined;
  }
}
