/**
 * Attribution cues: the words that make a sentence someone's claim rather than a fact.
 * Generic English only (speech and reporting verbs).
 */
const FINITE_CUE =
  /\b(?:said|says|say|told|tells|stated|states|added|adds|noted|notes|claimed|claims|asserted|asserts|argued|argues|insisted|insists|warned|warns|announced|announces|confirmed|confirms|denied|denies|explained|explains|remarked|reported|reportedly|wrote|writes|tweeted|posted|declared|declares|acknowledged|admitted|emphasi[sz]ed|stressed|suggested|suggests|alleged|alleges|according\s+to|as\s+reported\s+by|quoted|citing|cited|per)\b/i;

/** A clause that opens with a speech participle (`, saying …`) attributes only its own content. */
const PARTICIPLE_OPENER =
  /^[\s,;:—–-]*(?:saying|stating|adding|noting|suggesting|arguing|asserting|insisting|warning|claiming|stressing|emphasi[sz]ing|explaining|describing|calling|declaring|telling|writing)\b/i;

/** True when a text contains any speech or reporting cue (`said`, `according to`, `told`, …). */
export function hasAttribution(text: string): boolean {
  return FINITE_CUE.test(text);
}

/**
 * True when dropping `tail` (the end of a sentence) could turn the rest into an unattributed fact:
 * the tail holds a speech cue, unless it is a participle clause (`, saying …`) that attributes only
 * what it says itself.
 */
export function tailCarriesAttribution(tail: string): boolean {
  const opener = PARTICIPLE_OPENER.exec(tail);
  return FINITE_CUE.test(opener ? tail.slice(opener[0].length) : tail);
}
