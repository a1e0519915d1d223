/**
 * Accusation answered by counter-accusation: `A accused B of …` and, a few sentences later,
 * `B … said …, and accused A of …`. Each side contests what the other says happened, so the pair is
 * a dispute: the first accusation is the claim and the answer the counter.
 */
import type { Article, Sentence } from '../model.ts';
import { accusationIn, isCounterAccusation, type Accusation } from './claim-cues.ts';
import type { DisputeSide } from './dispute.ts';

/** Builds one side of a dispute from a sentence, a span inside it and the actor as written. */
export type SideOf = (sentence: Sentence, start: number, end: number, actor: string) => DisputeSide;

/** How many sentences later a counter-accusation may come. */
const WINDOW = 3;

/** The counter-accusation pairs of an article, as claim and counter sides (cue `accused`). */
export function counterAccusations(article: Article, sideOf: SideOf): { claim: DisputeSide; counter: DisputeSide; cue: string }[] {
  const found: { s: Sentence; acc: Accusation }[] = [];
  for (const s of article.sentences) {
    if (s.kind === 'subhead' || !s.text.includes('accused')) continue;
    const acc = accusationIn(s.text);
    if (acc) found.push({ s, acc });
  }
  const out: { claim: DisputeSide; counter: DisputeSide; cue: string }[] = [];
  for (let i = 0; i < found.length; i++) {
    for (let j = i + 1; j < found.length; j++) {
      const a = found[i]!;
      const b = found[j]!;
      if (b.s.index - a.s.index > WINDOW) break;
      if (!isCounterAccusation(a.acc, b.acc)) continue;
      out.push({
        claim: sideOf(a.s, a.acc.start, a.s.text.length, a.acc.accuser),
        counter: sideOf(b.s, b.acc.start, b.s.text.length, b.acc.accuser),
        cue: 'accused',
      });
      break;
    }
  }
  return out;
}
