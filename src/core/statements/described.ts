import type { SpeakerPhrase } from './noun-phrase.ts';
import type { SpeakerMention } from './speaker-mention.ts';
import { ANONYMOUS_HEADS, BODY_HEADS, FUNCTION_WORDS, GENDERED_TITLES, GROUP_HEADS, ROLE_WORDS, SPEECH_FORMS } from './vocabulary.ts';

/** Things that speak in print, not people: a singular head among them is no person a pronoun can stand for. */
const THINGS = new Set(
  `report message email tweet post video book column note release document page sign ad text release memo letter
  filing brief opinion order ruling decision plan proposal bill law rule platform site account blog book speech`.split(/\s+/),
);

/** Verbs and adverbs that show a phrase runs on into its clause (`the group has long`, `the deal now`). */
const CLAUSE_WORDS =
  /^(has|have|had|is|are|was|were|be|been|will|would|can|could|may|might|must|should|does|did|do|now|also|just|still|twice|long|already|then|later|ever|even|together)$/;

/** Words that end the head of a description: a preposition, a relative pronoun or a participle's start. */
const STOP = /^(of|for|from|in|on|at|to|by|with|close|familiar|who|whom|whose|that|which|inside|within|near|under|over|about)$/;
/** Heads that are not a source of speech: times, places in the text, the writer's own words. */
const NOT_SPEAKER = new Set(
  `day days week weeks month months year years time times morning afternoon evening night today yesterday tomorrow
  one ones thing things way ways part fact idea point number lot kind sort end case reason problem question issue
  answer result results move decision step`.split(/\s+/),
);

/** The words a description ends its head with, lower case, at most `max` of them. */
function headWords(words: string[], max: number): string[] {
  const out: string[] = [];
  for (const w of words) {
    const lc = w.toLowerCase().replace(/[,;:.]+$/, '');
    // After the head, a preposition, a relative pronoun or a participle (`the official chairing the talks`) ends it.
    if (out.length > 0 && (STOP.test(lc) || (out.length >= 2 && /ing$/.test(lc) && lc.length > 5))) break;
    out.push(w.replace(/[,;:]+$/, ''));
    if (/[,;:]$/.test(w) || out.length >= max) break;
  }
  return out;
}

/**
 * A speaker known only by its description (`a Twitter spokesman`, `officials`, `a source close to the campaign`):
 * the description up to its head noun, as the article gives it (`a source`), with the whole phrase as its role.
 * Undefined when the phrase has no plausible noun head (a time, a function word, a capitalised word).
 */
export function describedSpeaker(text: string, p: SpeakerPhrase): SpeakerMention | undefined {
  // A count the phrase reader leaves out: `One diplomat`, `Two officials`, `Another aide`.
  const count = /(?:^|[^\p{L}])((?:one|two|three|four|five|six|several|some|many|another|other)\s+)$/iu.exec(
    text.slice(Math.max(0, p.span.start - 12), p.span.start),
  );
  const start = count ? p.span.start - count[1]!.length : p.span.start;
  const full = text.slice(start, p.span.end).replace(/\s+/g, ' ').trim();
  const words = headWords(full.split(' '), 6);
  const last = words[words.length - 1];
  if (!last) return undefined;
  const head = last.toLowerCase().replace(/'s$/, '');
  // A lone plural source word opening the sentence (`Sources said`, `Officials told …`) is capitalised only by its place.
  const opening = words.length === 1 && /^\p{Lu}\p{Ll}+s$/u.test(last) && (ANONYMOUS_HEADS.has(head) || GROUP_HEADS.has(head));
  if ((!opening && !/^\p{Ll}[\p{Ll}-]+$/u.test(last)) || head.length < 3 || FUNCTION_WORDS.has(head) || NOT_SPEAKER.has(head)) return undefined;
  const lcs = words.map((w) => w.toLowerCase());
  // A speech verb before the head shows a clause (`the magazine said the cookie`); the head itself may be one (`the note`).
  if (lcs.some((w, i) => CLAUSE_WORDS.test(w) || (SPEECH_FORMS.has(w) && i < lcs.length - 1)) || /(ed|ly)$/.test(head)) return undefined;
  // Without a role word, a long phrase is more likely a clause misread than a source.
  if (!ROLE_WORDS.has(head) && !GROUP_HEADS.has(head) && p.kind === 'anonymous' && words.length > 5) return undefined;
  const name = words.join(' ');
  const plural = /[^s]s$/.test(head) && ROLE_WORDS.has(head.slice(0, -1));
  // A singular head that is neither a group nor a body nor a thing (`a shopkeeper`, `the narrator`) is a person.
  const personal = !GROUP_HEADS.has(head) && !plural && (ROLE_WORDS.has(head) || (!/[^s]s$/.test(head) && !BODY_HEADS.has(head) && !THINGS.has(head)));
  const gender = Object.hasOwn(GENDERED_TITLES, head) ? GENDERED_TITLES[head] : p.gender;
  return {
    name,
    kind: personal ? 'person' : 'body',
    described: true,
    ...(full !== name ? { role: full } : {}),
    ...(gender ? { gender } : {}),
  };
}
