import { matchTerms, type CompiledTopics } from '../topics/topic-scorer.ts';

/**
 * Syntactic role of topic terms in a sentence. A term in the main clause (subject, verb, object) says
 * what the sentence reports; the same term in a leading or trailing adverbial or participle clause
 * (`…, warning that the rebels would pay if they refused a truce`), or naming who speaks
 * (`A negotiator, speaking anonymously, said …`), is background and counts for less.
 */

/**
 * A leading adverbial or participle clause (`Despite the new penalties, …`, `Voicing optimism about …, `)
 * or a signpost (`On tariffs, views differed.`): background, not what the sentence reports.
 */
const INTRO_CLAUSE =
  /^(?:(?:despite|amid|after|following|before|ahead of|as|while|although|though|in addition to|besides|since|during|on top of|on|regarding|concerning|as for|as to)\b|(?!(?:according|including)\b)\p{L}+ing\s)[^,;]{0,120},/iu;

/** A trailing adverbial clause (`…, following last week's truce talks.`): background too. */
const OUTRO_CLAUSE = /,\s+(?:following|after|amid|despite|ahead of|as part of|in the wake of)\b[^,;]*$/i;

/**
 * A trailing participle clause (`…, warning that …`, `…, arriving an hour late for …`): its first
 * occurrence starts the background. (Conditionals are not side clauses: `… if the country abandons its
 * alliance ambitions` is often the point.)
 */
const SIDE_CLAUSE =
  /,\s+(?!(?:including|according|excluding|during|saying|stating|adding|noting|suggesting|arguing|asserting|insisting|claiming|stressing|emphasi[sz]ing|explaining|describing|calling|declaring|telling|writing)\b)\p{Ll}+ing\b/u;

/** A main clause that only reports speech (`The envoy said`): what follows it is the content, not background. */
const REPORT_ONLY = /^\s*(?:\S+\s+){0,5}?(?:said|says|told|added|warned|stressed)\b[^,]{0,30}$/i;

/** A speech cue, for finding the speaker's description before it. */
const SPEECH_CUE = /\b(?:said|says|told|tells|added|claimed|claims|rejected|denied|insisted|argued|stated)\b/i;

/** A digression marker at the start: the sentence is a side story, whatever its words. */
const DIGRESSION = /^["“‘']?(?:outside|elsewhere|separately|in other news|away from)\b/i;

/** True when a sentence opens as a digression from the story (`Outside the palace, …`, `Separately, …`). */
export function isDigression(text: string): boolean {
  return DIGRESSION.test(text.trimStart());
}

/**
 * Where the background parts of a sentence are: the end of a leading clause, the start of a trailing
 * one, and a participle parenthesis about the speaker (`A negotiator, speaking anonymously, said …`).
 */
export function backgroundBounds(text: string): { introEnd: number; outroStart: number; parenthesis?: [number, number] } {
  const introEnd = INTRO_CLAUSE.exec(text)?.[0].length ?? 0;
  let outroStart = OUTRO_CLAUSE.exec(text)?.index ?? text.length;
  const side = SIDE_CLAUSE.exec(text);
  const cue = SPEECH_CUE.exec(text);
  // A participle before the speech cue is a parenthesis about the speaker (`A negotiator, speaking …, said`).
  if (side && cue && side.index < cue.index) return { introEnd, outroStart, parenthesis: [side.index, cue.index] };
  if (side && side.index < outroStart && side.index > introEnd && !REPORT_ONLY.test(text.slice(introEnd, side.index))) {
    outroStart = side.index;
  }
  return { introEnd, outroStart };
}

/** Weight factor of a term in background or naming the speaker. */
export const SIDE_FACTOR = 0.5;

/** A term right after `without (a|any)`: something that did not happen (`ended without a truce`). */
const NEGATED = /\bwithout\s+(?:a|an|any|the)?\s*(?:\p{L}+\s+)?$/iu;

/** An agent noun (`negotiator`, `mediator`): as part of a speaker's description it names a person, not an event. */
const AGENT = /(?:or|er|ers|ors)$/;

/**
 * The topic score of a sentence with its terms weighted by their role. When the main clause holds a
 * term of the topic, the sentence is about it and keeps `raw`; when every term sits in a leading or
 * trailing side clause, follows `without`, or is an agent noun describing the speaker before the speech cue, each counts
 * `SIDE_FACTOR`. Cheap when the sentence has no side clause and no speech cue (returns `raw`).
 */
export function roleScore(text: string, topicId: string, compiled: CompiledTopics, raw: number): number {
  const { introEnd, outroStart, parenthesis } = backgroundBounds(text);
  const cue = SPEECH_CUE.exec(text);
  const speakerEnd = cue && cue.index < 120 ? cue.index : 0;
  if (introEnd === 0 && outroStart === text.length && speakerEnd === 0 && !text.includes('without')) return raw;
  const [pStart, pEnd] = parenthesis ?? [0, 0];
  const seen = new Set<string>();
  let score = 0;
  for (const m of matchTerms(compiled, text)) {
    if (m.topic !== topicId || seen.has(m.term)) continue;
    seen.add(m.term);
    const side =
      m.end <= introEnd ||
      m.start >= outroStart ||
      (m.start >= pStart && m.end <= pEnd) ||
      (m.end <= speakerEnd && AGENT.test(text.slice(m.start, m.end))) ||
      NEGATED.test(text.slice(Math.max(0, m.start - 20), m.start));
    if (!side) return raw;
    score += m.weight * SIDE_FACTOR;
  }
  return Math.min(raw, score);
}
