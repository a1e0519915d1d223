/** Words that start the tail of a sentence after a cue's subject (shared by the cue finder and cue relations). */
export const TAIL_START = new Set([
  'in',
  'at',
  'on',
  'during',
  'to',
  'after',
  'before',
  'when',
  'while',
  'last',
  'this',
  'earlier',
  'later',
  'late',
  'on',
  'via',
  'through',
  'from',
  'as',
  'outside',
  'following',
]);

/** Words that open a speaker's own description after its noun (`a source familiar with …`, `an official who …`). */
export const DESCRIPTION_START = new Set(['familiar', 'close', 'briefed', 'knowledgeable', 'speaking', 'who']);
