import { createRequire } from 'node:module';

/**
 * The usual gender of an English first name, from compromise's lexicon (`Ada` → female, `Tomas` → male), so a
 * pronoun is not given to a person of the other gender. compromise is loaded on first use (it takes a moment),
 * and only its word list is read; names it does not know, or tags as either, give undefined.
 */
type Lexicon = Record<string, string | string[] | undefined>;
let lexicon: Lexicon | null | undefined;

function load(): Lexicon | null {
  try {
    const nlp = createRequire(import.meta.url)('compromise') as { model(): { one: { lexicon: Lexicon } } };
    return nlp.model().one.lexicon;
  } catch {
    return null;
  }
}

/** `female`, `male` or undefined for a first name (any case). */
export function firstNameGender(name: string): 'male' | 'female' | undefined {
  if (lexicon === undefined) lexicon = load();
  if (!lexicon) return undefined;
  const key = name.toLowerCase();
  if (!Object.hasOwn(lexicon, key)) return undefined;
  const tag = lexicon[key];
  const tags = Array.isArray(tag) ? tag : [tag];
  const female = tags.includes('FemaleName');
  const male = tags.includes('MaleName');
  return female === male ? undefined : female ? 'female' : 'male';
}
