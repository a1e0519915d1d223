/**
 * Points that stand alone. A digest point is read without the article around it, so what only the
 * article could explain is cut or named: a wire dateline (`BRUSSELS (AP) _`), a leading connective
 * (`But`, `However,`), a leading time phrase (`Only Monday,`), and an opening that refers back to
 * something the reader never saw (`He said …`, `They said the changes …`, `The report warns …`,
 * `Mirel said …` when no Mirel was introduced). Generic English only.
 */

/** A wire dateline: place in capitals (optionally `, Region`), optional `(AGENCY)`, then `_`, `--` or a dash. */
const DATELINE =
  /^\s*(?:(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})(?:,\s+[A-Z][\p{L}.]+(?:\s+[A-Z][\p{L}.]+){0,2})?\s*(?:\([^()]{1,40}\))?\s*(?:_|--|—|–)\s*)+/u;
/** A dateline with its date (`ISTANBUL, August 21 -- `). */
const DATELINE_DATE =
  /^\s*[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:\s*\([^()]{1,30}\))?,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?\s*(?:\([^()]{1,40}\))?\s*(?:_|--|—|–)\s*/;
/** A dateline in ordinary capitals before the wire's underscore (`Washington _ `). */
const DATELINE_UNDERSCORE = /^\s*\p{Lu}[\p{L}.'’-]+(?:[ ,]+\p{Lu}[\p{L}.'’-]+){0,3}\s+_\s+/u;
/** A bare leading dash or underscore left by a dateline. */
const LEADING_DASH = /^\s*(?:_|--+|—|–)\s*/;

/** A connective that links to the sentence before: it says nothing on its own. */
const CONNECTIVE =
  /^(?:but|and|or|so|yet|still|however|meanwhile|moreover|furthermore|nevertheless|nonetheless|also|besides|instead|indeed|thus|therefore|hence|separately|in addition|in turn|in the meantime|at the same time|on the other hand|for (?:his|her|their|its) part|as a result|by contrast|in contrast|even so)\b\s*,?\s+/i;

const DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|this morning|this afternoon|this evening)';
/** A leading time phrase that dates the sentence only against its article (`Only Monday,`, `Earlier this week,`). */
const TIME_PHRASE = new RegExp(
  `^(?:(?:only|just|also|even|late|early|earlier|later)\\s+)?(?:(?:on|by|since|until|as of|last|this|next)\\s+)?(?:${DAY}(?:\\s+(?:morning|afternoon|evening|night))?|(?:earlier|later)(?:\\s+(?:this|that|last|in\\s+the)\\s+(?:week|month|year|day))?|(?:this|last|next|that)\\s+(?:week|month|year|weekend)|(?:a|one|two|three)\\s+(?:days?|weeks?|months?)\\s+(?:ago|later|earlier))\\s*,\\s+`,
  'i',
);

/**
 * A kicker before the sentence (`Prize winner: Vela novelist …`, `Update: The …`): up to
 * three words with a lower-case letter, then a colon and a capitalised sentence. An all-capitals label
 * (`Q:`, `SMITH:`) is a transcript line, kept so that it is recognised as one.
 */
const KICKER = /^(?=[^:]*\p{Ll})[^\s:"“]+(?:\s+[^\s:"“]+){0,2}:\s+(?=["“]?\p{Lu})/u;

/** Upper-cases the first letter of a text (after an opening quote). */
export function capitalise(text: string): string {
  return text.replace(/^(["“‘']?)(\p{Ll})/u, (_, q: string, c: string) => q + c.toUpperCase());
}

/** A point's text without what only its article explains: dateline, leading connective, leading time phrase. */
export function cleanOpening(text: string): string {
  let out = text.replace(DATELINE_DATE, '').replace(DATELINE, '').replace(DATELINE_UNDERSCORE, '').replace(LEADING_DASH, '').replace(KICKER, '');
  for (let i = 0; i < 3; i++) {
    const before = out;
    out = out.replace(CONNECTIVE, '').replace(TIME_PHRASE, '');
    if (out === before) break;
  }
  out = out.trim();
  // Keep the original when cutting left too little to be a sentence.
  return out.split(/\s+/).length >= 4 ? capitalise(out) : text.trim();
}

/** A short aside in brackets (`(ECB)`, `(300 km)`, `(AP)`): it adds words, not facts a point needs. */
const ASIDE = /\s*\((?:[^()]{1,40})\)(?=[\s,.;:!?])/g;

/** A point's text without short bracketed asides (a bracketed date note of the engine is not one). */
export function dropAsides(text: string): string {
  return text.replace(ASIDE, '');
}

/** Pronouns and determiners that point back when they open a point. */
const PRONOUN = /^["“‘']?(?:he|she|it|they|we|him|her|his|hers|its|their|them|this|these|those|such|both)\b(?!\s*-)/i;
/** `That` as a pronoun or determiner (not the conjunction opening a quotation, which is rare at the start). */
const THAT = /^["“‘']?that\s+(?!is\b|was\b)/i;
/** Definite references to something said or done before (`The report`, `the remarks`, `The move`). */
const DEFINITE_BACK =
  /^["“‘']?the\s+(?:report|reports|remarks?|statements?|comments?|move|deal|decision|incident|claims?|announcement|letter|study|survey|ruling|measures?|proposals?|plan|changes|accusations?|allegations?|demands?|request|idea|two|three|four|latter|former|same|man|woman|couple|pair|group)\b/i;
/** A reference back inside a leading phrase (`In response to this`, `Despite that`). */
const BACK_PHRASE =
  /^["“‘']?(?:despite|after|amid|following|given|because of|in response to|in addition to|besides|like)\s+(?:this|that|these|those|it|them|him|her)\b/i;

/** A reply to something said before (`… denied this`, `… called the claim …`) near the start. */
const REPLY_BACK =
  /\b(?:denied|rejected|dismissed|confirmed|called|described|welcomed|criticised|criticized|condemned)\s+(?:this|that|it|them|the (?:claim|claims|report|accusation|allegation|idea|proposal|move|demand|remarks|comments|statement))\b/i;

/** An answer to a question the reader never saw (`Yes, …`, `No.`), or a line of an interview transcript (`NAME: …`). */
const ANSWER = /^["“‘']?(?:yes|no|well|sure|exactly|absolutely|of course)\b\s*[,.!—–-]/i;
const TRANSCRIPT = /^["“‘']?\p{Lu}[\p{Lu}.'’ -]{1,40}:\s/u;

/** True when a text opens with a pronoun or a definite reference to something before it, or replies to one. */
export function opensWithReference(text: string): boolean {
  const t = text.trimStart();
  return (
    ANSWER.test(t) || TRANSCRIPT.test(t) || PRONOUN.test(t) || THAT.test(t) || DEFINITE_BACK.test(t) || BACK_PHRASE.test(t) || REPLY_BACK.test(t.slice(0, 90))
  );
}

/** A single capitalised word opening the sentence, followed by a lower-case verb: a bare name (`Mirel said`). */
const BARE_NAME = /^["“‘']?(\p{Lu}[\p{L}'’-]+)\s+(?=\p{Ll})/u;

/** The bare capitalised word opening a text (`Mirel` in `Mirel said …`), if there is one. */
export function openingName(text: string): string | undefined {
  return BARE_NAME.exec(text.trimStart())?.[1];
}

/** A leading subject pronoun that a person's name can replace (`He said` → `Name said`). */
const SUBJECT_PRONOUN = /^(["“‘']?)(?:he|she)\b/i;

/** Replaces a leading `He`/`She` by a description (`Tan Mirel, the trade minister,`); undefined when it does not open so. */
export function replaceSubjectPronoun(text: string, description: string): string | undefined {
  const m = SUBJECT_PRONOUN.exec(text.trimStart());
  if (!m) return undefined;
  return `${m[1]}${description}${text.trimStart().slice(m[0].length)}`;
}

/** Replaces a leading bare name by a description; undefined when the text does not open with that name. */
export function replaceOpeningName(text: string, name: string, description: string): string | undefined {
  const t = text.trimStart();
  const at = t.startsWith(name) ? 0 : /^["“‘']/.test(t) && t.slice(1).startsWith(name) ? 1 : -1;
  if (at < 0) return undefined;
  return `${t.slice(0, at)}${description}${t.slice(at + name.length)}`;
}

/** `Name, role,` for a first mention; just `Name` without a role. */
export function describe(name: string, role: string | undefined): string {
  const r = role?.trim().replace(/[,;.]+$/, '');
  return r ? `${name}, ${r},` : name;
}

const REPORT_VERB = '(?:said|says|reported|reports|announced|added|stated|noted)';
const TAIL_DAY =
  '(?:on\\s+)?(?:(?:early|late|mid)\\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)(?:\\s+(?:morning|afternoon|evening|night))?';
/** A reporting verb at the end of a sentence dated by a day (`…, officials said Thursday.`). */
const TAIL_TIME = new RegExp(`(,[^,;:"“”]{1,60}?\\b${REPORT_VERB})\\s+${TAIL_DAY}(?=\\s*[.!?]["”’]?\\s*$)`, 'i');
/** A reporting verb dated by a day at the start (`Officials said Thursday that …`). */
const LEAD_TIME = new RegExp(`^((?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,5}${REPORT_VERB})\\s+${TAIL_DAY}(?=\\s+(?:that\\s|it\\s|the\\s|\\p{Ll}))`, 'iu');

/**
 * A point's text without the weekday its report is dated by (`…, officials said Thursday.` →
 * `…, officials said.`): the citation gives the report's date, and the words go to content. Who said
 * it stays; a day that dates the event itself (`The plane landed on Sunday`) stays too.
 */
export function dropReportDay(text: string): string {
  return text.replace(TAIL_TIME, '$1').replace(LEAD_TIME, '$1');
}
