/**
 * Cues that tie a counter to the claim it answers: a denial whose object points back at the claim
 * just reported (`denied the claim`, `denied this`), the subject of a reported claim (`A senior
 * negotiator, speaking on condition of anonymity, said …`), and accusations answered by
 * counter-accusations (`A accused B of …` … `B … accused A of …`).
 */
import type { CounterCue } from './cues.ts';

const CLAIM_NOUN = '(?:claims?|reports?|allegations?|accusations?|assertions?|accounts?|charges?|suggestions?|version)';
const ANAPHORIC = new RegExp(
  `^[\\p{L}'’ ]*?\\b(?:the|these|those|such|this|that)\\s+(?:[\\p{L}-]+\\s+)?${CLAIM_NOUN}\\b|^[\\p{L}'’ ]*?\\b(?:this|that|it)(?=\\s*(?:[,.;"”]|$))`,
  'iu',
);

/** True when the denial's object refers back to a claim already reported (`denied the claim`, `denied this`, `rejected the report`). */
export function deniesEarlierClaim(sentence: string, cue: CounterCue): boolean {
  return ANAPHORIC.test(sentence.slice(cue.at, cue.at + cue.cue.length + 40));
}

const SPEECH = /\b(?:said|says|claimed|claims|alleged|told|reported|stated|insisted|asserted|announced|accused)\b/;
const LEADING_DATE =
  /^(?:(?:[Oo]n|[Ll]ate on|[Ee]arly on|[Ee]arlier on|[Ll]ater on|[Ll]ast)\s+)?(?:\p{Lu}\p{L}+day|\p{Lu}\p{L}+ \d{1,2})(?:\s+(?:night|morning|evening|afternoon))?,\s*/u;

/**
 * The subject of the first speech verb of a sentence, as written (`A Tarskan negotiator`), without a
 * leading date phrase or appositives (`, speaking on condition of anonymity,`); undefined when it
 * does not look like a named actor (a capitalised name or a capitalised word and a role noun, at most 8 words).
 */
export function speechSubject(sentence: string): { subject: string; verbAt: number } | undefined {
  const m = SPEECH.exec(sentence);
  if (!m) return undefined;
  let prefix = sentence.slice(0, m.index).replace(LEADING_DATE, '');
  prefix = prefix
    .replace(/,[^,]{1,80},/g, ' ')
    .replace(/\s+(?:has|have|had|also|later|then|previously|repeatedly|publicly)\s*$/i, '')
    .trim();
  const words = prefix.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 8) return undefined;
  if (!/^\p{Lu}/u.test(words[0]!)) return undefined;
  if (!words.slice(/^(?:A|An|The)$/.test(words[0]!) ? 1 : 0).some((w) => /^\p{Lu}/u.test(w))) return undefined;
  if (words.some((w) => /^(?:that|which|who|when|because|if)$/i.test(w))) return undefined;
  return { subject: words.join(' ').replace(/[,;:]+$/, ''), verbAt: m.index };
}

/** An accusation in a sentence: who accuses whom (`Arland accused Belmark of …`). */
export interface Accusation {
  accuser: string;
  accused: string;
  /** Offset of the accuser in the sentence. */
  start: number;
}

const ACCUSED = /\baccused\s+((?:\p{Lu}[\p{L}'’-]*\s+){1,4}?)of\b/u;

/** The accusation of a sentence (`X accused Y of …`), with the accuser as written. */
export function accusationIn(sentence: string): Accusation | undefined {
  const m = ACCUSED.exec(sentence);
  if (!m) return undefined;
  const accused = (m[1] ?? '').trim();
  const sub = speechSubject(sentence);
  const subject = sub && sub.verbAt <= m.index ? sub.subject : undefined;
  if (!subject) return undefined;
  return { accuser: subject, accused, start: Math.max(0, sentence.indexOf(subject)) };
}

/** The key word of an actor for matching (`Belmark` of `Belmark's defence ministry`, of `Belmarkian officials`). */
function keyWords(actor: string): string[] {
  return actor
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w) && !/^(?:The|A|An)$/.test(w))
    .map((w) =>
      w
        .replace(/['’]s$/, '')
        .replace(/(?:an|ian|ese|ish|i)$/, '')
        .toLowerCase(),
    )
    .filter((w) => w.length >= 3);
}

/** True when two actors name the same side (share a key word: `Belmark`, `Belmark's defence ministry`). */
export function sameActor(a: string, b: string): boolean {
  const kb = keyWords(b);
  return keyWords(a).some((w) => kb.some((x) => x.startsWith(w) || w.startsWith(x)));
}

/** True when the second accusation answers the first: the accused accuses the accuser back. */
export function isCounterAccusation(first: Accusation, second: Accusation): boolean {
  return sameActor(second.accuser, first.accused) && sameActor(second.accused, first.accuser) && !sameActor(first.accuser, first.accused);
}
