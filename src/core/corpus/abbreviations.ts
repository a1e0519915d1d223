/**
 * Generic English word lists used by the sentence splitter. Nothing here is about any news story:
 * titles, common abbreviations, month names and the closed-class words that start sentences.
 */

/** Titles and address abbreviations that are always followed by a name, never by a sentence end. */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'mlle', 'dr', 'prof', 'sen', 'sens', 'rep', 'reps', 'gov', 'gen', 'col',
  'lt', 'capt', 'cpt', 'sgt', 'maj', 'adm', 'cmdr', 'cdr', 'cpl', 'pvt', 'brig', 'st', 'ste', 'rev', 'fr', 'hon',
  'pres', 'amb', 'mt', 'ft', 'supt', 'insp', 'det', 'atty', 'secy', 'rt', 'vs', 'v', 'cf', 'viz',
  'approx', 'ca', 'incl', 'esp',
]);

/** Abbreviations that normally precede a number (`No. 10`, `Aug. 5`, `Fig. 3`). */
export const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'no', 'nos', 'nr', 'art', 'arts', 'fig', 'figs', 'vol', 'vols', 'p', 'pp', 'ch', 'chap', 'para', 'ref', 'op',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'tel', 'ext', 'pt',
]);

/**
 * Abbreviations that can end a sentence as well as sit inside one (`Acme Inc. said` / `… of Acme Inc. The`).
 * After them a sentence ends only when the next word is one that typically starts a sentence.
 */
export const AMBIGUOUS_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'inc', 'ltd', 'co', 'corp', 'llc', 'plc', 'jr', 'sr', 'bros', 'etc', 'est', 'dept', 'univ', 'assn', 'govt',
  'ave', 'blvd', 'rd', 'hwy', 'mln', 'bln', 'mn', 'bn', 'al', 'ed', 'eds', 'min', 'max', 'hrs', 'yrs',
]);

/** Closed-class words that commonly begin a sentence; used to break after an ambiguous abbreviation. */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there',
  'his', 'her', 'its', 'their', 'our', 'my', 'your', 'but', 'and', 'or', 'so', 'yet', 'however', 'in', 'on',
  'at', 'after', 'before', 'when', 'while', 'as', 'if', 'meanwhile', 'still', 'also', 'then', 'both', 'some',
  'many', 'most', 'one', 'according', 'earlier', 'later', 'last', 'since', 'despite', 'although', 'though',
  'for', 'with', 'what', 'who', 'why', 'how', 'where', 'officials', 'analysts', 'critics', 'moreover',
  'furthermore', 'instead', 'now', 'today', 'yesterday', 'asked', 'during', 'under', 'over', 'by',
]);

/** Month names and their abbreviations, mapped to 1–12. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9],
  ['sept', 9], ['sep', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12],
  ['dec', 12],
]);

/** Verbs (and verb phrases' heads) that introduce or attribute speech. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'told', 'tells', 'added', 'adds', 'noted', 'notes', 'stated', 'states', 'asked', 'asks',
  'replied', 'replies', 'explained', 'explains', 'insisted', 'insists', 'argued', 'argues', 'wrote', 'writes',
  'remarked', 'declared', 'claimed', 'claims', 'warned', 'warns', 'continued', 'concluded', 'recalled',
  'posted', 'tweeted', 'answered', 'responded', 'stressed', 'emphasized', 'emphasised', 'conceded', 'admitted',
  'acknowledged', 'observed', 'commented', 'announced', 'quipped', 'suggested', 'according',
]);
