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

  it('reads a lone plural source word opening the sentence as the speaker', () => {
    expect(reported('Sources said the ferry would stop in May.')).toEqual([['Sources', 'said', 'the ferry would stop in May']]);
    expect(reported('Officials said the pier would reopen.')).toEqual([['Officials', 'said', 'the pier would reopen']]);
  });

  it('reads a lower-case plural description and a description tied to whom it belongs to', () => {
    expect(reported('Harbour engineers say the pier will need new piles.')).toEqual([['Harbour engineers', 'say', 'the pier will need new piles']]);
    expect(reported('Leading economists say the toll is too high.')).toEqual([['Leading economists', 'say', 'the toll is too high']]);
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

  it('reads a source described by its access to what it reports', () => {
    const out = reported('Two sources close to the mayor say she will sign the toll bill.');
    expect(out.map((r) => r.slice(1))).toEqual([['say', 'she will sign the toll bill']]);
    expect(out[0]![0]).toMatch(/sources/i);
  });
});

describe('a quotation that opens what a speaker reports (invented sentences)', () => {
  const all = (text: string) => extractStatements(makeArticle(text)).map((s) => [s.kind, s.mention?.name ?? null, s.text]);

  it('keeps the report when the sentence goes on in her own words after the quotation', () => {
    expect(all('Ana Ruiz said “it still hurts” every time she drives past the old pier.')).toEqual([
      ['reported', 'Ana Ruiz', '“it still hurts” every time she drives past the old pier'],
      ['direct', 'Ana Ruiz', 'it still hurts'],
    ]);
  });

  it('keeps only the quotation when a few circumstance words or another frame follow it', () => {
    expect(all('Ana Ruiz said, “We will rebuild the pier,” on Monday.')).toEqual([['direct', 'Ana Ruiz', 'We will rebuild the pier']]);
    expect(all('“We will rebuild the pier,” Ana Ruiz said on Monday in the harbour town.')).toEqual([['direct', 'Ana Ruiz', 'We will rebuild the pier']]);
  });

  it('reads what was said around a described speaker: coordinated plurals, a semicolon, a bare day', () => {
    expect(reported('The cause of the anger, dock workers and their leaders say, is the new toll.').map((r) => r[0])).toEqual([
      expect.stringMatching(/^dock workers and their leaders$/),
    ]);
    expect(reported('The pier will need new piles, harbour engineers say; in 2019, the old ones rotted.')).toEqual([
      ['harbour engineers', 'say', 'The pier will need new piles'],
    ]);
    expect(reported('Ana Ruiz spoke first.\nThe ferry was late every day in May, she said Wednesday morning on the radio.')).toEqual([
      ['Ana Ruiz', 'said', 'The ferry was late every day in May'],
    ]);
  });

  it('reads two coordinated reports as two', () => {
    expect(reported('About 70 percent said the ferry is too slow and 20 percent said it is too dear.')).toEqual([
      ['About 70 percent', 'said', 'the ferry is too slow'],
      ['20 percent', 'said', 'it is too dear'],
    ]);
  });

  it('reads a description with a chain of prepositional phrases as one subject', () => {
    const out = reported('The deputy head of the delegation to the forum said the port should close at night.');
    expect(out.map((r) => r.slice(1))).toEqual([['said', 'the port should close at night']]);
    expect(out[0]![0]).toMatch(/^The deputy head/);
  });

  it('keeps a short quotation inside what a later frame reports', () => {
    const all = extractStatements(makeArticle('The harbour’s “upgrades” are a waste of money, Karl Berg said.')).map((s) => [
      s.kind,
      s.mention?.name ?? null,
      s.text,
    ]);
    expect(all).toContainEqual(['reported', 'Karl Berg', 'The harbour’s “upgrades” are a waste of money']);
  });

  it('reads a lower-case source after according to with a count or a superlative', () => {
    expect(reported('The port was the busiest in the region last year, according to one shipping index.')).toEqual([
      ['one shipping index', 'according to', 'The port was the busiest in the region last year'],
    ]);
    const latest = reported('Ferry use fell by a third, according to the most recent figures.');
    expect(latest.map((r) => r.slice(1))).toEqual([['according to', 'Ferry use fell by a third']]);
    expect(latest[0]![0]).toMatch(/figures$/);
  });

  it('gives no speaker that is a participle, a contraction, a day or an abbreviation', () => {
    for (const text of [
      'The band kept smiling at the crowd.\nSmiling said the toll is unfair.',
      'Thursday said the toll is unfair.',
      'I’m said the toll is unfair.',
    ])
      for (const s of extractStatements(makeArticle(text))) expect(s.mention?.name ?? null).not.toMatch(/^(Smiling|Thursday|I’m)$/);
  });

  it('reads no speech in holding a lead, acting in response or pledged delegates', () => {
    expect(reported('Ana Ruiz maintains a wide lead over Karl Berg.')).toEqual([]);
    expect(reported('The harbour board responded by closing the pier.')).toEqual([]);
    expect(reported('Ana Ruiz pledged delegates to the regional congress.')).toEqual([]);
    expect(reported('Ana Ruiz maintains that the toll is fair.')).toEqual([['Ana Ruiz', 'maintains', 'the toll is fair']]);
    expect(reported('Ana Ruiz pledged to rebuild the pier.')).toEqual([['Ana Ruiz', 'pledged', 'to rebuild the pier']]);
  });

  it('reads the whole compound source after according to', () => {
    const out = reported('The ferry carried 2,000 riders a day, according to Harbour Authority figures.');
    expect(out.map((r) => r.slice(1))).toEqual([['according to', 'The ferry carried 2,000 riders a day']]);
    expect(out[0]![0]).toMatch(/figures$/);
  });

  it('ends what was said before a relative clause that comments on it to the end of the sentence', () => {
    expect(reported('Ana Ruiz said the toll will pass in May, which would please the dockworkers.')).toEqual([
      ['Ana Ruiz', 'said', 'the toll will pass in May'],
    ]);
  });
});

describe('what an `according to` source is cited for (invented sentences)', () => {
  it('leaves the description of the source out of what it is cited for', () => {
    expect(reported('The ferry will stop in May, according to a source familiar with the plans.')).toEqual([
      ['a source', 'according to', 'The ferry will stop in May'],
    ]);
    expect(reported('The pier is unsafe, according to a person close to the board, and repairs will wait.')).toEqual([
      ['a person', 'according to', 'The pier is unsafe and repairs will wait'],
    ]);
    expect(reported('The toll will rise, according to officials who asked not to be named.')).toEqual([['officials', 'according to', 'The toll will rise']]);
  });
});

describe('an inverted speaker followed by its description (invented sentences)', () => {
  it('keeps the statement and the description out of the speaker', () => {
    expect(reported('The ferry will stop in May, says a source familiar with the plans.')).toEqual([['a source', 'says', 'The ferry will stop in May']]);
    expect(reported('The pier is unsafe, said an engineer who asked not to be named.')).toEqual([['an engineer', 'said', 'The pier is unsafe']]);
  });

  it('reads a subject before an aside between dashes, and a longer description before an apposed name', () => {
    expect(reported('Ana Ruiz — after a long pause — told reporters the pier will close.')).toEqual([['Ana Ruiz', 'told reporters', 'the pier will close']]);
    const apposed = reported('One engineer not on the harbour board, Ivo Lind, said the pier will close.');
    expect(apposed.map((r) => [r[0], r[2]])).toEqual([['Ivo Lind', 'the pier will close']]);
  });
});

describe('a quantifier and the group it counts as the speaker (invented sentences)', () => {
  it('keeps the quantifier with the group', () => {
    expect(reported('Many of her supporters say the plan will fail.')).toEqual([['Many of her supporters', 'say', 'the plan will fail']]);
    expect(reported('Most of the farmers said the subsidy came too late.')).toEqual([['Most of the farmers', 'said', 'the subsidy came too late']]);
  });
});
