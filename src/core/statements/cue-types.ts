/** The shapes of speech cues and token ranges, shared by the cue finder and its helpers (no logic, so no import cycles). */

/** A token range `[first, last]` (inclusive) in a block's tokens. */
export interface Range {
  first: number;
  last: number;
}

/** A speech cue in one sentence: the verb (or `according to`), who it belongs to, and what was said. */
export interface Cue {
  /** Index of the cue's first token. */
  at: number;
  /** Index of the cue phrase's last token (`told reporters`, `according to`, or the subject after an inverted verb). */
  end: number;
  /** Index of the last token of the cue words themselves (`told reporters`, `according to`, `said`). */
  verbEnd: number;
  lemma: string;
  form: 'past' | 'present' | 'ing' | 'base' | 'source';
  /** The speaker phrase, when the cue has its own. */
  subject?: Range;
  /** The cue whose speaker this one shares (participles, coordinated verbs). */
  inherit?: Cue;
  /** Inside the complement of another cue (a report within a report): not a statement of its own. */
  nested: boolean;
  /** The cue word is inside a quotation. */
  quoted: boolean;
  /** Where the clause of this cue begins (its subject, or the comma/conjunction before it). */
  clauseStart: number;
  /** What was said, as one or two token ranges (two around a parenthetical attribution). */
  complement: Range[];
  /** `…, Orlov stated.` or `The talks, he argued, had …`: the complement is around the cue. */
  around: boolean;
  /** A belief, intention, stance or evidence verb (`believes`, `wants to`, `endorsed`, `shows`), not a speech verb. */
  weak?: boolean;
}
