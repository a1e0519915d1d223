/**
 * Points of a story told in the order things happened: a digest answering a story's description (not
 * a specific question, whose answer comes first) lists its chosen points by the date of the article
 * each comes from, then by its place in the article. A person named in full only in a point that now
 * comes later is named in full where the surname first appears instead, and by the surname in the later
 * point (the digest keeps its length), so no point leans on one after it.
 */

/** A chosen point: its text, and the day and place of the sentence it comes from. */
export interface Ordered {
  text: string;
  /** `YYYY-MM-DD…` of its article ('' when undated: first). */
  published: string;
  article: string;
  sentence: number;
}

/** Full names (two or more capitalised words, the last one the surname) written in a text. */
const FULL_NAME = /(?<![\p{L}'’.-])(?:\p{Lu}[\p{Ll}'’-]+\s+(?:\p{Lu}\.\s+)?)+(\p{Lu}[\p{Ll}'’-]+)(?![\p{L}'’-])/gu;

/** Capitalised words of a title or office before a name (`Former House Speaker`, `Vice President`), not part of it. */
const TITLE =
  /^(?:former|late|then|acting|deputy|vice|house|senate|speaker|president|premier|prime|minister|secretary|general|attorney|federal|district|state|judge|justice|chief|chairman|chairwoman|senator|sen|rep|representative|gov|governor|mayor|ambassador|envoy|king|queen|prince|princess|pope|dr|mr|mrs|ms|sir|lord|lady|gen|col|capt|lt|sgt|prof|rev|u\.?s\.?|the|a|an)\.?$/i;

/** A run of capitalised words after its last title word (`Former Harbor Minister Lena Okafor` → `Lena Okafor`): the person's name, if two words or more remain. */
function personPart(run: string): string | undefined {
  const words = run.split(/\s+/);
  const last = words.findLastIndex((w) => TITLE.test(w));
  const name = words.slice(last + 1);
  return name.length >= 2 ? name.join(' ') : undefined;
}

/** The points in time order, with full names moved to the first point that names the person. */
export function inTimeOrder<T extends Ordered>(points: readonly T[]): T[] {
  const order = [...points].sort(
    (a, b) => a.published.slice(0, 10).localeCompare(b.published.slice(0, 10)) || a.article.localeCompare(b.article) || a.sentence - b.sentence,
  );
  // Surname → the first full form the digest wrote (in its chosen order).
  const full = new Map<string, string>();
  for (const p of points) {
    for (const m of p.text.matchAll(FULL_NAME)) {
      const name = personPart(m[0]);
      if (name && !full.has(m[1]!)) full.set(m[1]!, name);
    }
  }
  const texts = order.map((p) => p.text);
  const named = new Set<string>();
  texts.forEach((text, i) => {
    for (const [surname, name] of full) {
      if (named.has(surname)) continue;
      if (text.includes(name)) {
        named.add(surname);
        continue;
      }
      const bare = new RegExp(`(?<![\\p{Lu}][\\p{L}.'’-]*\\s)(?<![\\p{L}'’-])${surname}(?![\\p{L}-])`, 'u').exec(text);
      const later = texts.findIndex((t, j) => j > i && t.includes(name));
      if (!bare || later < 0) continue;
      // Swapped, so the digest keeps its length: the full name here, the surname where it was.
      text = `${text.slice(0, bare.index)}${name}${text.slice(bare.index + surname.length)}`;
      texts[later] = texts[later]!.replace(name, surname);
      named.add(surname);
    }
    texts[i] = text;
  });
  return order.map((p, i) => (texts[i] === p.text ? p : { ...p, text: texts[i]! }));
}
