import { describe, expect, it } from 'vitest';
import { compatibleNames, foldName, similarWord, slugOf, surnameOf } from '../../../src/core/statements/names.ts';

describe('names', () => {
  it('folds case, diacritics and apostrophes', () => {
    expect(foldName('Lucía Fernández')).toBe('lucia fernandez');
    expect(foldName('O’Neill')).toBe('oneill');
    expect(slugOf('Ursula von der Leyen')).toBe('ursula-von-der-leyen');
    expect(surnameOf('Ursula von der Leyen')).toBe('leyen');
  });

  it('treats transliteration variants as the same word', () => {
    expect(similarWord('yuri', 'yury')).toBe(true);
    expect(similarWord('zelensky', 'zelenskyy')).toBe(true);
    expect(similarWord('merz', 'metz')).toBe(false);
    expect(similarWord('smith', 'smyth')).toBe(true);
    expect(similarWord('jones', 'bones')).toBe(false);
  });

  it('matches names with the same surname and agreeing first names', () => {
    expect(compatibleNames('Yuri Ushakov', 'Yury Ushakov')).toBe(true);
    expect(compatibleNames('Ushakov', 'Yury Ushakov')).toBe(true);
    expect(compatibleNames('J. Smith', 'John Smith')).toBe(true);
    expect(compatibleNames('Anna Smith', 'John Smith')).toBe(false);
    expect(compatibleNames('Anna Smith', 'Anna Jones')).toBe(false);
  });
});
