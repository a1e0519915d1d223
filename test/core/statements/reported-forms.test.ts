import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../../src/core/statements/extract-statements.ts';
import { makeArticle } from '../../helpers/statements-article.ts';

/** Reported statements of a text as [speaker, cue, content]. */
const reported = (text: string) =>
  extractStatements(makeArticle(text))
    .filter((s) => s.kind === 'reported')
    .map((s) => [s.mention?.name ?? null, s.cue, s.text]);

describe('verb forms of reported speech (invented sentences)', () => {
  it('reads a progressive as the finite verb it is', () => {
    expect(reported('Ana Ruiz is calling for a new pier at Vela.')).toEqual([['Ana Ruiz', 'calling for', 'a new pier at Vela']]);
    expect(reported('Harbour engineers are predicting a wet winter for the port.')).toEqual([['Harbour engineers', 'predicting', 'a wet winter for the port']]);
    expect(reported('Ana Ruiz has been saying the toll will pass.')).toEqual([['Ana Ruiz', 'saying', 'the toll will pass']]);
  });

  it('does not read acting as saying', () => {
    expect(reported('Ana Ruiz is adding to her lead in the polls.')).toEqual([]);
    expect(reported('Ken Berg is pleading guilty to the charges.')).toEqual([]);
    expect(reported('Ken Berg was telling the truth about the pier.')).toEqual([]);
  });
});
