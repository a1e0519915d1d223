/** The shape of a dispute: a claim by one side and a denial or qualification by another, both cited. */
import type { Evidence } from '../model.ts';

/** One side of a dispute: what was said, by whom, and where. */
export interface DisputeSide {
  /** The cited words (a statement, or the clause of the sentence that carries it). */
  text: string;
  /** The speaker's canonical name, the actor as written (`Lisbon`, `Portuguese officials`), or null. */
  speaker: string | null;
  speakerId: string | null;
  /** The party id, when parties were given and one matches. */
  party?: string;
  partyName?: string;
  /** Every sentence that carries this side, across articles. */
  evidence: Evidence[];
  /** The articles of `evidence`, without repeats, in corpus order. */
  articles: string[];
}

/** A claim that another party denies or qualifies. */
export interface Dispute {
  claim: DisputeSide;
  counter: DisputeSide;
  /** The denial or qualification cue found (`denied`, `did not confirm`, `well short of`). */
  cue: string;
  /** Topic ids of the statements on either side. */
  topics: string[];
}
