import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import { stemWord } from '../topics/tokenize.ts';
import { backgroundBounds } from './roles.ts';

/**
 * Whether two similar sentences report the same event. Sharing names and numbers is not enough:
 * "freed 50 hostages on Friday" and "agreed on Monday to free 50 hostages" are two events (a done
 * deed and a plan), and "the bloc is drafting tariffs" is not "the bloc warned it will raise tariffs".
 * Two sentences are one event when their main predicates (the first verbs of the main clause, speech
 * verbs aside) meet and their modality agrees (a plan — will, would, agreed to, plans — or a fact).
 */

/** The main predicates and modality of a sentence. */
export interface EventShape {
  /** Stems of the first three non-speech verbs of the main clause (empty when none was found). */
  predicates: string[];
  /** Stems of every word of the main clause, to find a predicate said as a noun (`exchanged` / `the exchange`). */
  words: ReadonlySet<string>;
  /** A plan or promise, or something that happened or is. */
  modality: 'plan' | 'fact';
}

/** Reporting and light verbs that say nothing about what happened. */
const LIGHT = new Set(
  'say tell add note report state claim stress reiterate repeat describe call be have do get make take give go come insist argue accord suggest confirm expect seem appear'
    .split(' ')
    .map(stemWord),
);

/** Markers of a plan, promise or proposal in the main clause. */
const PLAN =
  /\b(?:will|would|shall|'ll|plans?|planned|planning|intends?|intended|aims?|expected|scheduled|set to|due to|is to|are to|was to|were to|going to|ready to|could|may|might|proposed|proposes|offered to|offers to|agreed(?: \S+){0,3} to|agree(?: \S+){0,3} to|promised|pledged|preparing|prepares)\b/i;

/** Where a second main clause starts: `, but`, `; `, `, while`, `, whereas`, `, although`, `, yet`. */
const SECOND_CLAUSE = /(?:,\s+(?:but|while|whereas|although|though|yet)\b|;\s)/i;

let nlp: ReturnType<typeof winkNLP> | undefined;

/**
 * The part-of-speech tagger, loaded on first use: the language model takes ~180 ms and ~40 MB, which
 * commands that never compare two sentences (`briefing topics`, the console's /help) should not pay.
 */
function loadTagger(): ReturnType<typeof winkNLP> {
  const require = createRequire(import.meta.url);
  const load = require('wink-nlp') as typeof winkNLP;
  return load(require('wink-eng-lite-web-model'), ['pos']);
}
const cache = new Map<string, EventShape>();
const CACHE_LIMIT = 20_000;

/** The event shape of a sentence (memoised; tagging happens only for sentences compared this way). */
export function eventShape(text: string): EventShape {
  let shape = cache.get(text);
  if (shape) return shape;
  nlp ??= loadTagger();
  const { introEnd, outroStart } = backgroundBounds(text);
  const clause = text.slice(introEnd, outroStart);
  // A second coordinated clause (`…, but the truce was already under strain`) is another event.
  const main = clause.slice(0, SECOND_CLAUSE.exec(clause)?.index ?? clause.length);
  const doc = nlp.readDoc(main);
  const tokens = doc.tokens().out();
  const tags = doc.tokens().out(nlp.its.pos);
  // The lemma helper is typed as needing add-ons; the model ships them.
  const lemmas = doc.tokens().out(nlp.its.lemma as unknown as typeof nlp.its.pos);
  const predicates: string[] = [];
  const words = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const stem = stemWord(tokens[i]!.toLowerCase());
    const lemma = stemWord(String(lemmas[i] ?? tokens[i]).toLowerCase());
    words.add(stem).add(lemma);
    if (tags[i] === 'VERB' && !LIGHT.has(lemma) && predicates.length < 3) predicates.push(lemma);
  }
  shape = { predicates, words, modality: PLAN.test(main) ? 'plan' : 'fact' };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, shape);
  return shape;
}

/** Parts of speech a complete clause does not end on (a verb waiting for its object, a preposition, a conjunction). */
const OPEN_END = new Set(['VERB', 'AUX', 'ADP', 'DET', 'CCONJ', 'SCONJ', 'PART', 'PRON']);

/**
 * True when a text reads as a complete clause: it has a verb, does not end on a word that waits for more
 * (`… has become.`, `… said that.`), and a `that` clause in it has a verb of its own (`… countered that
 * the driver, …` is cut off before its predicate).
 */
export function isCompleteClause(text: string): boolean {
  nlp ??= loadTagger();
  // A relative clause (`…, who faces …`) does not give the main clause its verb.
  const main = text.replace(/[.!?]+$/, '').replace(/,\s+(?:who|which|whose|whom)\b[^,;]*/gi, '');
  const doc = nlp.readDoc(main);
  const all = doc.tokens().out();
  const allTags = doc.tokens().out(nlp.its.pos);
  const words = all.filter((_, i) => allTags[i] !== 'PUNCT').map((w) => w.toLowerCase());
  const tags = allTags.filter((t) => t !== 'PUNCT');
  // A participle before `by` (`efforts led by the army`) qualifies a noun; it is not a predicate.
  const predicate = (from: number) => tags.some((t, i) => i >= from && (t === 'AUX' || (t === 'VERB' && words[i + 1] !== 'by')));
  if (!predicate(0) || OPEN_END.has(tags[tags.length - 1] ?? '')) return false;
  const that = words.lastIndexOf('that');
  return that < 0 || predicate(that + 1);
}

/** From this similarity two sentences are one report whatever their verbs (a near-verbatim repeat). */
export const SAME_WORDS = 0.6;

/**
 * True when two sentences may be merged as one event: near-verbatim (similarity ≥ `SAME_WORDS`); or
 * their main verbs meet (a shared verb, or one's verb among the other's main-clause words: `froze` /
 * `were frozen`, `exchanged` / `the exchange`); or both verbs are words of the topic (`swap` /
 * `release`, in `related`) and the modality agrees (a plan is not the deed: `agreed to swap` ≠
 * `exchanged`). Without a recognisable verb on one side, the modality alone decides.
 */
export function sameEvent(a: string, b: string, sim: number, related?: ReadonlySet<string>): boolean {
  if (sim >= SAME_WORDS) return true;
  const x = eventShape(a);
  const y = eventShape(b);
  if (x.predicates.length === 0 || y.predicates.length === 0) return x.modality === y.modality;
  if (x.predicates.some((p) => y.words.has(p)) || y.predicates.some((p) => x.words.has(p))) return true;
  if (!related || x.modality !== y.modality) return false;
  return x.predicates.some((p) => related.has(p)) && y.predicates.some((p) => related.has(p));
}
