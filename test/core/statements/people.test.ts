import { describe, expect, it } from 'vitest';
import { classifyPhrase } from '../../../src/core/statements/noun-phrase.ts';
import { ArticlePeople, type SentenceTokens } from '../../../src/core/statements/people.ts';
import { tokenize } from '../../../src/core/statements/tokens.ts';

function setup(sentences: string[]) {
  const text = sentences.join(' ');
  const list: SentenceTokens[] = [];
  let at = 0;
  sentences.forEach((s, i) => {
    const tokens = tokenize(text, at, at + s.length);
    list.push({ tokens, lo: 0, hi: tokens.length - 1, sentence: i });
    at += s.length + 1;
  });
  const people = new ArticlePeople(text, list);
  const phrase = (sentence: number, first: number, last: number) => classifyPhrase(text, list[sentence]!.tokens, first, last);
  return { people, phrase, list };
}

describe('ArticlePeople', () => {
  it('collects people with roles from titles and appositives, and ties surnames to them', () => {
    const { people } = setup(['Her counterpart, Trade Minister Rosa Diaz, spoke.', 'Mr Hans Weber listened.', 'Diaz left.']);
    expect(people.persons.map((p) => [p.name, p.roles, p.gender ?? null])).toEqual([
      ['Rosa Diaz', ['Trade Minister', 'counterpart'], null],
      ['Hans Weber', ['Mr'], 'male'],
    ]);
    expect(people.bySurname('Diaz')?.name).toBe('Rosa Diaz');
    expect(people.bySurname('Paris')).toBeUndefined();
  });

  it('resolves descriptions only when one person has the role', () => {
    const { people, phrase } = setup(['Trade Minister Rosa Diaz and Health Minister Ines Roth met.', 'The trade minister spoke.', 'The minister spoke.']);
    expect(people.resolve(phrase(1, 0, 2), 0, 1)?.name).toBe('Rosa Diaz');
    expect(people.resolve(phrase(2, 0, 1), 0, 2)).toBeNull();
  });

  it('learns gender from pronouns and skips people of the other gender', () => {
    const { people, phrase } = setup(['Mr Hans Weber spoke.', 'Trade Minister Rosa Diaz spoke.', 'She left.', 'He stayed.']);
    people.noteSpeaker({ name: 'Hans Weber', kind: 'person' }, 1);
    expect(people.resolve(phrase(2, 0, 0), 1000, 2)?.name).toBe('Rosa Diaz');
    expect(people.persons.find((p) => p.name === 'Rosa Diaz')?.gender).toBe('female');
    expect(people.resolve(phrase(3, 0, 0), 2000, 3)?.name).toBe('Hans Weber');
  });
});
