/**
 * Generic English cues of denial and qualification (`denied`, `dismissed`, `did not confirm`,
 * `well short of`, `a more cautious version`) and of contrast (`though`, `However,`, `But`).
 */

/** The object of a denial that refers to a claim of fact (`the claim`, `these reports`, `allegations that`). */
const CLAIM_OBJECT =
  "(?:(?:the|this|that|these|those|such|any|his|her|their|its|[\\p{Lu}][\\p{L}'’-]*)\\s+)?(?:[\\p{L}-]+\\s+)?(?:claims?|reports?|allegations?|accusations?|assertions?|suggestions?|charges?|accounts?|characteri[sz]ations?|version|findings?|notion that|idea that)";

const DENIAL: RegExp[] = [
  /\b(?:denied|denies|deny|denying)\b/i,
  /\b(?:dismissed|dismisses|dismissing)\s+(?:(?:the|this|that|these|those|such|any|his|her|their)\s+)?(?:[\p{L}-]+\s+)?(?:idea|ideas|claims?|reports?|suggestions?|notion|allegations?|accusations?|speculation|talk|prospects?|possibility|remarks?|comments?|statements?|assertions?)\b/iu,
  // Rejecting a claim contests a fact; rejecting a plan, offer, proposal or demand does not.
  new RegExp(
    `\\b(?:rejected|rejects|rejecting)\\s+(?:(?:${CLAIM_OBJECT})\\b|(?:this|that|it)(?=\\s*(?:[,.;]|$))|(?:[\\p{L}-]+\\s+){0,4}?as\\s+(?:false|untrue|baseless|groundless|unfounded|lies?|fabricat|fiction|nonsense|absurd))`,
    'iu',
  ),
  /\b(?:refuted|refutes|rebuffed|rebuffs|contradicted|contradicts)\b/i,
  /\b(?:disputed|disputes|disputing)\s+(?:the|this|that|these|those|such|any|his|her|their|claims?|reports?|accounts?)\b/i,
  /\b(?:did not|didn't|does not|doesn't|would not|wouldn't|could not|couldn't|has not|hasn't|have not|haven't|declined to|refused to)\s+(?:immediately\s+|publicly\s+|yet\s+)?(?:confirm|endorse|corroborate|accept|back|verify)\b/i,
  /\b(?:(?:stopping|stopped|stops|fell|falling|falls)\s+(?:well\s+)?|well\s+)short\s+of\b/i,
  /\bmore\s+(?:cautious|measured|guarded|restrained|modest)\s+(?:version|account|reading|picture|description|tone)\b/i,
  /\b(?:played|plays|playing)\s+down\b|\bdownplay(?:ed|s|ing)?\b/i,
  /\bpushed\s+back\b|\bpushes\s+back\b/i,
  /\bno\s+(?:such\s+)?(?:plans?|agreement|decision)\s+(?:for|to|on|had|has|was)\b/i,
];

const DENIAL_ALL = DENIAL.map((re) => new RegExp(re.source, `${re.flags}g`));

/**
 * A word start that every cue of `DENIAL` needs (each cue's first word, or the word it cannot do without):
 * one cheap scan that leaves most sentences before the eleven cue patterns run (`back` also covers `pushed back`). Keep it in step with `DENIAL`.
 */
const DENIAL_ANCHOR = /\b(?:den[iy]|dismiss|reject|refut|rebuff|contradict|disput|confirm|endorse|corroborat|accept|back|verify|short|more|down|no\b)/i;

const PASSIVE = /\b(?:was|were|been|being|be|is|are|get|got)\s+(?:\w+ly\s+)?$/i;

/** Contrast connectives that open the clause carrying a counter-claim inside a sentence. */
const CONTRAST = /(?:,|;|\s[—–-])\s*(?:though|although|but|while|whereas|yet)\s+|\s(?:though|although)\s+|^(?:However|But|Yet|Still|Nevertheless),?\s+/gi;

/** A denial or qualification cue in a sentence. */
export interface CounterCue {
  cue: string;
  /** Offset of the cue in the sentence. */
  at: number;
  /** Offset where the clause carrying the cue starts (after a contrast connective, or 0). */
  clauseStart: number;
  /** Offset of the contrast connective opening the clause, when inside the sentence (> 0). */
  connectiveAt?: number;
}

/** Finds the first denial or qualification cue of a sentence, and the clause it belongs to. */
export function findCounterCue(sentence: string): CounterCue | undefined {
  if (!DENIAL_ANCHOR.test(sentence)) return undefined;
  let first: RegExpExecArray | undefined;
  for (const re of DENIAL_ALL) {
    for (const m of sentence.matchAll(re)) {
      // A passive (`was denied entry`, `was rejected by parliament`) reports a refusal, not a counter-claim.
      if (PASSIVE.test(sentence.slice(Math.max(0, m.index - 20), m.index))) continue;
      if (!first || m.index < first.index) first = m as RegExpExecArray;
      break;
    }
  }
  if (!first) return undefined;
  let clauseStart = 0;
  let connectiveAt: number | undefined;
  for (const m of sentence.matchAll(CONTRAST)) {
    if (m.index >= first.index) break;
    clauseStart = m.index + m[0].length;
    connectiveAt = m.index > 0 ? m.index : undefined;
  }
  const cue: CounterCue = { cue: first[0], at: first.index, clauseStart };
  if (connectiveAt !== undefined) cue.connectiveAt = connectiveAt;
  return cue;
}

/** Lower-case words that can belong to the name of an actor (`Portuguese officials`, `the foreign ministry spokesperson`). */
const ACTOR_WORDS = new Set(
  (
    'the a its his her their of for and officials official spokesperson spokesman spokeswoman aide aides adviser advisor minister ministry ' +
    'president prime leader leaders government authorities side diplomats diplomat sources source envoy secretary chancellor counterpart ' +
    'delegation foreign policy senior state department office press military army negotiators negotiator team administration ' +
    'defence defense interior justice emergency services forces command staff embassy ombudsman'
  ).split(' '),
);

/**
 * The actor written before the cue in its clause (`Lisbon`, `Portuguese officials`, `Costa`):
 * the leading run of capitalised words and role nouns, when only auxiliaries, adverbs or one verb follow it.
 */
export function actorBefore(sentence: string, cue: CounterCue): string | undefined {
  const stretch = sentence
    .slice(cue.clauseStart, cue.at)
    .trim()
    .replace(/^(?:However|But|Yet|Still|though|although|while|whereas),?\s+/i, '');
  const words = stretch.split(/\s+/).filter(Boolean);
  const actor: string[] = [];
  for (const w of words) {
    const bare = w.replace(/[,;:]+$/, '');
    if (/^[\p{Lu}][\p{L}.'’-]*$/u.test(bare) || (actor.length > 0 && ACTOR_WORDS.has(bare.toLowerCase())) || (actor.length === 0 && /^(?:the)$/i.test(bare))) {
      actor.push(bare);
      if (bare !== w) break;
    } else break;
  }
  while (actor.length > 0 && /^(?:the|a|its|his|her|their|of|for|and)$/i.test(actor[actor.length - 1] ?? '')) actor.pop();
  if (actor.length === 0 || actor.length > 8) return undefined;
  const rest = words.slice(actor.length);
  const filler =
    /^(?:has|have|had|was|were|is|are|also|since|later|then|quickly|swiftly|flatly|firmly|publicly|immediately|merely|only|already|repeatedly|did|does|would|could|not|never|has|so|far|a|an|the|\p{L}+ed)$/iu;
  if (rest.length > 4 || !rest.every((w) => filler.test(w))) return undefined;
  const text = actor.join(' ').replace(/^the\s+/i, (m) => m);
  return /^[\p{Lu}]/u.test(text) || /^the\s/i.test(text) ? text : undefined;
}
