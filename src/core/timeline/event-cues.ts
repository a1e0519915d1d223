/**
 * Generic English cues that a sentence reports something that happened (a meeting, a call, an
 * announcement, sanctions…), the kind of event, and the content words used to compare two reports.
 */

/** Past-tense verbs of event, grouped by the kind of event they report. */
const EVENT_VERBS: Record<string, string[]> = {
  meeting: ['met', 'held', 'hosted', 'convened', 'visited', 'gathered', 'attended', 'welcomed', 'received'],
  call: ['called', 'phoned', 'spoke', 'spoken', 'talked', 'engaged', 'interrupted'],
  announcement: ['announced', 'unveiled', 'declared', 'launched', 'proposed', 'introduced', 'published'],
  // Remarks on a stated day are events too (`Speaking to reporters on Sunday, …`, `said on Monday`).
  remarks: ['said', 'told', 'speaking', 'remarked', 'warned', 'pledged', 'vowed', 'confirmed', 'denied', 'insisted'],
  accusation: ['accused', 'blamed'],
  markets: ['fell', 'rose', 'dropped', 'slumped', 'plunged', 'tumbled', 'climbed', 'jumped', 'surged', 'gained', 'slid', 'soared'],
  agreement: ['agreed', 'signed', 'approved', 'ratified', 'adopted', 'concluded', 'reached'],
  sanctions: ['imposed', 'sanctioned', 'banned', 'froze', 'expelled', 'lifted'],
  attack: ['attacked', 'struck', 'bombed', 'shelled', 'killed', 'invaded', 'annexed', 'captured', 'seized', 'shot', 'fired'],
  vote: ['voted', 'elected', 'appointed', 'resigned', 'dismissed', 'sworn'],
  other: [
    'began',
    'started',
    'ended',
    'opened',
    'closed',
    'arrived',
    'returned',
    'travelled',
    'traveled',
    'withdrew',
    'deployed',
    'released',
    'exchanged',
    'swapped',
    'handed',
    'arrested',
    'ordered',
    'passed',
    'collapsed',
    'occurred',
    'happened',
    'took',
  ],
};

/** Nouns that name an event; right after a date (`the August 18 summit`) they date the event itself. */
const EVENT_NOUNS: Record<string, string[]> = {
  meeting: ['meeting', 'meetings', 'summit', 'talks', 'gathering', 'visit', 'conference', 'session', 'negotiations'],
  call: ['call', 'phone', 'conversation', 'phonecall'],
  announcement: ['announcement', 'statement', 'speech', 'address'],
  remarks: ['remarks', 'comments', 'interview', 'briefing'],
  agreement: ['agreement', 'deal', 'accord', 'treaty', 'ceasefire', 'truce'],
  sanctions: ['sanctions', 'tariffs', 'embargo'],
  attack: ['attack', 'strike', 'strikes', 'offensive', 'invasion', 'assault', 'bombing'],
  vote: ['vote', 'election', 'referendum'],
  accusation: ['accusation', 'accusations'],
  other: ['exchange', 'swap', 'handover'],
};

const verbKind = new Map<string, string>();
for (const [kind, words] of Object.entries(EVENT_VERBS)) for (const w of words) verbKind.set(w, kind);
const nounKind = new Map<string, string>();
for (const [kind, words] of Object.entries(EVENT_NOUNS)) for (const w of words) nounKind.set(w, kind);

/** Lower-case word tokens of a text (letters, digits, inner apostrophes and hyphens). */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? []
  ).map((w) => (w.endsWith("'s") ? w.slice(0, -2) : w));
}

/** True when a sentence uses a past-tense verb of event (not merely a speech verb). */
export function hasEventVerb(text: string): boolean {
  return words(text).some((w) => verbKind.has(w));
}

/** True when the words right after a date name an event (`August 18 summit`, `Monday's call`). */
export function datesEventNoun(textAfterDate: string): boolean {
  const next = /^(?:'s|’s)?\s*([\p{L}-]+)(?:\s+([\p{L}-]+))?/u.exec(textAfterDate);
  if (!next) return false;
  return [next[1], next[2]].some((w) => w !== undefined && nounKind.has(w.toLowerCase()));
}

/** The kinds of event a text reports (`meeting`, `call`, `sanctions`…), from its verbs and nouns. */
export function eventKinds(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    const k = verbKind.get(w) ?? nounKind.get(w);
    if (k && k !== 'other') out.add(k);
  }
  return out;
}

const STOP = new Set(
  (
    'a an the and or but nor so yet of to in on at by for with from into onto over under after before during about as than then that this these those ' +
    'it its he him his she her hers they them their we us our you your i me my who whom whose which what when where why how ' +
    'is are was were be been being has have had do does did will would shall should can could may might must not no also just very more most ' +
    'said says say told according reported reports added noted stated while though although however which there here all both each other such ' +
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow day days week weeks month months year years ' +
    'earlier later last next mid early late first second new since until up out'
  ).split(/\s+/),
);

/** A crude stem: enough to equate `meeting`/`meetings`, `called`/`calls`. */
export function stem(word: string): string {
  const w = word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  return w;
}

/** The content words of a text, stemmed, without stop words, dates or numbers. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    if (w.length < 3 || STOP.has(w) || /^\d/.test(w)) continue;
    out.add(stem(w));
  }
  return out;
}

/** Overlap of two word sets: shared words over the smaller set (0–1). */
export function overlap(a: Set<string>, b: Set<string>): { shared: number; ratio: number } {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const min = Math.min(a.size, b.size);
  return { shared, ratio: min === 0 ? 0 : shared / min };
}
