/** Words that tell a person's gender or stand for a person: gendered titles and pronouns. */

/** Titles that give a person's gender without any list of names. */
export const GENDERED_TITLES: Record<string, 'male' | 'female'> = {
  mr: 'male',
  sir: 'male',
  lord: 'male',
  king: 'male',
  prince: 'male',
  spokesman: 'male',
  chairman: 'male',
  mrs: 'female',
  ms: 'female',
  miss: 'female',
  dame: 'female',
  lady: 'female',
  queen: 'female',
  princess: 'female',
  spokeswoman: 'female',
  chairwoman: 'female',
  congressman: 'male',
  congresswoman: 'female',
  assemblyman: 'male',
  assemblywoman: 'female',
  councilman: 'male',
  councilwoman: 'female',
  businessman: 'male',
  businesswoman: 'female',
  mother: 'female',
  father: 'male',
  wife: 'female',
  husband: 'male',
  son: 'male',
  daughter: 'female',
};

/** Subject pronouns and the kind of antecedent they take. */
export const PRONOUNS: Record<string, 'male' | 'female' | 'group' | 'thing' | 'self'> = {
  he: 'male',
  she: 'female',
  they: 'group',
  it: 'thing',
  i: 'self',
  we: 'self',
  you: 'self',
};

/**
 * A one-word speaker that is no name: a capitalised participle opening the sentence (`Facing`, `Rallying`), a contraction
 * (`I'm`), a two-letter state or country abbreviation (`N.C.`), an adverb or function word (`Once`, `Now`). `common` tells
 * whether the article uses the word in lower case.
 */
export function implausibleName(name: string, common: (lc: string) => boolean, functionWord: (lc: string) => boolean): boolean {
  if (/\s/.test(name.trim())) return false;
  const lc = name.toLowerCase();
  if (/^\p{Lu}\.\p{Lu}\.$/u.test(name) || /['’](m|re|ve|ll|d)$/i.test(name)) return true;
  if (functionWord(lc)) return true;
  return /^\p{Lu}\p{Ll}{3,}ing$/u.test(name) && common(lc);
}
