import { hasAttribution } from './attribution.ts';
import { isCompleteClause } from './event-gate.ts';
import { wordCount } from './features.ts';
import { capitalise } from './standalone.ts';

/**
 * Sentence compression: a point's words that a reader of the digest does not need, cut so that a word
 * budget holds more content. Each trim is general English and keeps the point a readable sentence:
 * a leading discourse adverbial (`In fact,`), an aside between dashes or brackets, a non-restrictive
 * relative clause or age inside the sentence (`Ms. Alder, who chairs the board, said …`), the
 * complementiser after a reporting verb (`said that the` → `said the`) and the frame around it
 * (`told reporters Tuesday that` → `said`). Who said it always stays.
 */

/** Which trims are applied (1) or not (0); exported so measurements can vary them. */
export const COMPRESS = {
  /** 1: a trim that loses a word of the question is not made (the caller's `keep`); 0: every trim is made. */
  guard: 1,
  /** Leading discourse adverbials beyond the connectives `cleanOpening` drops (`In fact,`, `Of course,`). */
  adverbials: 1,
  /** Asides between a pair of dashes or wire underscores, and bracketed asides of any length. */
  asides: 1,
  /** `, who …,` / `, which …,` inside the sentence, when the sentence goes on with its verb. */
  relatives: 1,
  /** An age after a name (`Ivo Lasko, 52, was …`). */
  ages: 1,
  /** `that` after a reporting verb (`said that the …` → `said the …`). */
  saidThat: 1,
  /** A reporting frame reduced to its verb: `told reporters` → `said`, `said in a statement` / `said here` / `said Tuesday that` → `said`. */
  frames: 1,
};

/** Leading adverbials that comment on or link the sentence, not add to it; followed by a comma. (Not time or hedges: `At the time,`, `Apparently,` say something.) */
const ADVERBIAL =
  /^(?:in fact|of course|in other words|after all|above all|in particular|in any case|in the end|for example|for instance|similarly|likewise|additionally|further|ultimately|overall|obviously|interestingly|notably|significantly|not surprisingly|specifically|meanwhile|however|still|besides|in addition|nonetheless|nevertheless|indeed|moreover|furthermore|to be sure|as expected|in short|in sum|in the meantime)\s*,\s+/i;

/** Quote marks, brackets or a speech cue in a span that would be dropped: then it is kept. */
const UNSAFE = /["“”«»()[\]]/;

/** An aside between two dashes (or the wire's underscores) inside a sentence. */
const DASH_ASIDE = /\s+(?:—|–|--|_)\s+([^—–_"“”]{3,140}?)\s+(?:—|–|--|_)\s+(?=\p{Ll})/gu;
/** An aside between an em dash pair without spaces (`the plan—a first—was …`). */
const TIGHT_DASH_ASIDE = /—([^—"“”]{3,140}?)—(?=\p{Ll})/gu;
/** A bracketed aside of any length (short ones are already dropped by `dropAsides`). */
const BRACKET_ASIDE = /\s*\(([^()]{1,160})\)(?=[\s,.;:!?])/g;

/** Words that open the rest of a sentence after a dropped clause: a verb or an adverb before one. */
const VERB_NEXT =
  /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|shall|did|does|do|said|says|told|tells|also|still|now|then|already|never|recently|later|again|\p{Ll}+ed|(?:says|plans|wants|faces|remains|continues|expects|hopes|argues|claims|insists|denies|believes|warns|calls|urges|seeks|needs|takes|makes|gets|gives|goes|comes|leads|holds|runs|owns|sees|knows|thinks|plays|works|lives|appears|agrees|refuses|stays|serves|heads|joins|becomes|announces|reports|adds|notes|stresses))\b/u;

/** `, who …,` or `, which …,` (also `whose`) inside a sentence, no comma inside it. */
const RELATIVE = /,\s+(?:who|which|whose)\s+[^,;:]{2,160}?,\s+(?=\p{Ll})/gu;

/** A name's age between commas (`Lasko, 52,`). */
const AGE = /(?<=\p{Lu}[\p{L}'’.-]*),\s+\d{1,3},(?=\s)/gu;
/** Words a capitalised word before an age may not be (a month or weekday with a day number). */
const NOT_NAME_BEFORE_AGE =
  /(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$/;

const REPORT =
  '(?:said|says|told\\s+\\p{Ll}+|added|announced|stated|noted|reported|argued|warned|insisted|claimed|acknowledged|admitted|explained|stressed|maintained|predicted|estimated|conceded|confirmed|believes|believed|thinks|thought|agreed|testified|wrote|declared)';
/** `that` after a reporting verb, before the subject of its clause (a determiner, pronoun, name or number). */
const SAID_THAT = new RegExp(
  `\\b(${REPORT})\\s+that\\s+(?=(?:the|a|an|his|her|their|its|our|my|your|he|she|they|it|we|i|there|this|these|some|no|all|most|many|any|each|every|both|one|two|three|more|several|only|\\p{Lu}|\\d)\\b)`,
  'gu',
);

const DAY =
  '(?:(?:on\\s+)?(?:(?:early|late)\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)(?:\\s+(?:morning|afternoon|evening|night))?)';
/** A reporting frame: the verb, then where, how or when it was said (`in a statement`, `here`, `Tuesday`), before `that` or a comma. */
const FRAME = new RegExp(
  `\\b(said|says|announced|added|stated|noted|reported|told\\s+reporters)((?:\\s+(?:in\\s+(?:a|an)\\s+(?:statement|interview|speech|news\\s+release|press\\s+release|written\\s+statement|telephone\\s+interview)|at\\s+a\\s+(?:news|press)\\s+conference|here|${DAY}))+)(?=\\s+that\\b|\\s*[,.;]|\\s+(?:(?:the|a|an|he|she|they|it|his|her|their)\\b|\\p{Lu}))`,
  'gu',
);
/** `told reporters` (the audience says nothing a reader needs) before what was said. */
const TOLD_REPORTERS = /\btold\s+(?:reporters|journalists|the\s+press)\b/gi;

/** A span dropped by `replace` only when what it drops is free of quotes, brackets and speech cues. */
function dropSpans(text: string, re: RegExp, replacement: string, inner = 0): string {
  return text.replace(re, (all: string, ...groups: unknown[]) => {
    const span = inner > 0 ? String(groups[inner - 1] ?? '') : all;
    return UNSAFE.test(span.replace(/^\s*\(|\)\s*$/g, '')) || hasAttribution(span) ? all : replacement;
  });
}

function balanced(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return count(/[“«]/g) === count(/[”»]/g) && count(/"/g) % 2 === 0 && count(/\(/g) === count(/\)/g);
}

/**
 * Applies one trim: kept only when the point still reads (balanced, ≥ 6 words, and for a trim that drops
 * a clause still a complete clause if it was one: the tagger's test fails some whole sentences, `…,
 * officials said.`) and `keep` accepts it.
 */
function attempt(text: string, trim: (t: string) => string, keep: (t: string) => boolean, clause: boolean): string {
  const out = trim(text)
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .trim();
  if (out === text || wordCount(out) < 6 || !balanced(out) || !keep(out)) return text;
  return !clause || isCompleteClause(out) || !isCompleteClause(text) ? out : text;
}

const leadingAdverbial = (t: string) => {
  const m = /^(["“‘']?)/.exec(t)![1]!;
  const rest = t.slice(m.length);
  return ADVERBIAL.test(rest) ? m + capitalise(rest.replace(ADVERBIAL, '')) : t;
};

const asides = (t: string) => {
  let out = dropSpans(t, DASH_ASIDE, ' ', 1);
  out = dropSpans(out, TIGHT_DASH_ASIDE, ' ', 1);
  return dropSpans(out, BRACKET_ASIDE, '', 1);
};

const relatives = (t: string) =>
  t.replace(RELATIVE, (all: string, at: number, whole: string) => {
    const rest = whole.slice(at + all.length);
    return UNSAFE.test(all) || hasAttribution(all) || !VERB_NEXT.test(rest) ? all : ' ';
  });

/** A name opened by a comma (`…, Ivo Lasko, 52, was`): its closing comma stays when the age goes. */
const APPOSED_NAME = /,\s+(?:\p{Lu}[\p{L}'’.-]*\s+)*\p{Lu}[\p{L}'’.-]*$/u;

const ages = (t: string) =>
  t.replace(AGE, (all: string, at: number, whole: string) => {
    const before = whole.slice(0, at);
    if (NOT_NAME_BEFORE_AGE.test(before)) return all;
    // The comma after the age also opens what follows (`Lasko, 52, who …`, `Lasko, 52, a baker, …`).
    return APPOSED_NAME.test(before) || /^\s+(?:who|which|whose|a|an|the|\p{Lu})/u.test(whole.slice(at + all.length)) ? ',' : '';
  });

const saidThat = (t: string) => t.replace(SAID_THAT, '$1 ');

const frames = (t: string) =>
  t.replace(FRAME, '$1').replace(TOLD_REPORTERS, (m, at: number, whole: string) => (/^\s+that\b/i.test(whole.slice(at + m.length)) ? 'said' : m));

/** The trims in the order they are tried, each with its switch. */
const TRIMS: { on: () => number; trim: (t: string) => string; clause: boolean }[] = [
  { on: () => COMPRESS.adverbials, trim: leadingAdverbial, clause: false },
  { on: () => COMPRESS.asides, trim: asides, clause: true },
  // The age first: its comma may open the relative clause (`Lasko, 52, who …`).
  { on: () => COMPRESS.ages, trim: ages, clause: false },
  { on: () => COMPRESS.relatives, trim: relatives, clause: true },
  { on: () => COMPRESS.frames, trim: frames, clause: false },
  { on: () => COMPRESS.saidThat, trim: saidThat, clause: false },
];

/**
 * A point's text with what the reader does not need cut (see `COMPRESS`). `keep` vetoes a trim (the
 * caller checks that no word of the question is lost); each trim is kept only if the result is still a
 * complete, balanced sentence.
 */
export function compress(text: string, keep: (t: string) => boolean = () => true): string {
  let out = text;
  const veto = COMPRESS.guard ? keep : () => true;
  for (const { on, trim, clause } of TRIMS) if (on()) out = attempt(out, trim, veto, clause);
  return out;
}
