/** Word lists of the speaker noun-phrase reader (noun-phrase.ts). */
/** Words that open a noun phrase without being part of a name. */
export const DETERMINERS = new Set(['the', 'a', 'an', 'both', 'some', 'several', 'many', 'two', 'three', 'other', 'its', 'their', 'his', 'her']);
/** Prepositions: a phrase right after one is an object, not a subject. */
export const PREPOSITIONS = new Set([
  'of',
  'from',
  'in',
  'on',
  'at',
  'to',
  'by',
  'with',
  'for',
  'into',
  'about',
  'between',
  'among',
  'against',
  'over',
  'under',
  'after',
  'before',
  'during',
  'than',
  'like',
  'toward',
  'towards',
  'via',
  'through',
]);
/** Lower-case modifiers allowed inside a speaker phrase (`a senior intelligence official`). */
export const EXTRA_MODIFIERS = new Set([
  'news',
  'intelligence',
  'foreign',
  'european',
  'western',
  'eastern',
  'local',
  'regional',
  'federal',
  'high-ranking',
  'unnamed',
  'anonymous',
]);
