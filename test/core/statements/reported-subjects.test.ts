import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../../src/core/statements/extract-statements.ts';
import { makeArticle } from '../../helpers/statements-article.ts';

/** Reported statements of a text as [speaker, cue, content]. */
const reported = (text: string) =>
  extractStatements(makeArticle(text))
    .filter((s) => s.kind === 'reported')
    .map((s) => [s.mention?.name ?? null, s.cue, s.text]);

describe('subjects of reported speech that are no name (invented sentences)', () => {
  it('reads shares of those polled as the speaker', () => {
    expect(reported('Seven in 10 say the ferry should run at night.')).toEqual([['Seven in 10', 'say', 'the ferry should run at night']]);
    expect(reported('Nearly half said they would take the new bridge.')).toEqual([['Nearly half', 'said', 'they would take the new bridge']]);
    const group = reported('About 60 percent of farmers said the subsidy came too late.');
    expect(group).toHaveLength(1);
    expect(group[0]![0]).toMatch(/farmers$/);
    expect(group[0]![2]).toBe('the subsidy came too late');
  });

  it('reads a lower-case plural description and a description tied to whom it belongs to', () => {
    expect(reported('Harbour engineers say the pier will need new piles.')).toEqual([['Harbour engineers', 'say', 'the pier will need new piles']]);
    expect(reported('The town’s taxi drivers said the new lanes are too narrow.')).toEqual([
      ['The town’s taxi drivers', 'said', 'the new lanes are too narrow'],
    ]);
    const aides = reported('Aides to the mayor say she will not run again.');
    expect(aides.map((r) => r.slice(1))).toEqual([['say', 'she will not run again']]);
    expect(aides[0]![0]).toMatch(/^Aides/);
  });

  it('takes a plural evidence noun opening the sentence', () => {
    expect(reported('Surveys show that most riders want later buses.')).toEqual([['Surveys', 'show', 'most riders want later buses']]);
  });

  it('takes no singular common noun, no name ending in s before a belief verb, and no object of a preposition', () => {
    expect(reported('The decision said nothing about the harbour.')).toEqual([]);
    expect(reported('Ferris feel the rule is fair.')).toEqual([]);
    expect(reported('In the view of many farmers said to be angry, the toll is unfair.')).toEqual([]);
  });
});
