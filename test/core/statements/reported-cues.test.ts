import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../../src/core/statements/extract-statements.ts';
import { makeArticle } from '../../helpers/statements-article.ts';

/** Reported statements of a text as [speaker, cue, content]. */
const reported = (text: string) =>
  extractStatements(makeArticle(text))
    .filter((s) => s.kind === 'reported')
    .map((s) => [s.mention?.name ?? null, s.cue, s.text]);

describe('reported speech by verbs that are often something else (invented sentences)', () => {
  it('reads `reported` with its clause or after what it reports, not with an object', () => {
    expect(reported('The Vela Herald reported that the ferry will stop running in May.')).toEqual([
      ['Vela Herald', 'reported', 'the ferry will stop running in May'],
    ]);
    expect(reported('The Vela Herald reported on Monday that the ferry will stop running.')).toEqual([
      ['Vela Herald', 'reported', 'the ferry will stop running'],
    ]);
    const after = reported('The ferry will stop running in May, the Vela Herald reported on Monday.');
    expect(after.map((r) => r[2])).toEqual(['The ferry will stop running in May']);
    expect(reported('The Vela Ferry Company reported a loss of two million dollars.')).toEqual([]);
  });

  it('reads `agreed` with a clause as a belief, and keeps it a quotation verb next to a quotation', () => {
    expect(reported('Harbour engineer Ana Ruiz agreed that the pier needs new piles.')).toEqual([['Ana Ruiz', 'agreed', 'the pier needs new piles']]);
    expect(reported('Ana Ruiz agreed to a new contract.')).toEqual([]);
  });

  it('reads an opening prepositional phrase as the circumstance of a report, not what it reports', () => {
    expect(reported('At a rally in Vela, Ana Ruiz promised to rebuild the harbour before winter.')).toEqual([
      ['Ana Ruiz', 'promised', 'to rebuild the harbour before winter'],
    ]);
    expect(reported('In Vela, Ana Ruiz said that the harbour will be rebuilt.')).toEqual([['Ana Ruiz', 'said', 'the harbour will be rebuilt']]);
  });

  it('reads criticism and praise verbs with their object when a named subject comes first', () => {
    expect(reported('Ana Ruiz blasted the harbour board for its delays.')).toEqual([['Ana Ruiz', 'blasted', 'the harbour board for its delays']]);
    expect(reported('Ivo Lind decried the new toll on the bridge.')).toEqual([['Ivo Lind', 'decried', 'the new toll on the bridge']]);
    expect(reported('The decision to blast the rock was taken in May.')).toEqual([]);
  });

  it('reads a lower-case title before the name after `according to`', () => {
    expect(reported('The pier will close in June, according to harbour engineer Ana Ruiz.')).toEqual([
      ['Ana Ruiz', 'according to', 'The pier will close in June'],
    ]);
  });

  it('keeps the report of a cue whose content is mostly the writer’s words around short quotations', () => {
    const all = extractStatements(makeArticle('Ana Ruiz warned that “reckless” spending and “waste” had begun to ruin the harbour board.'));
    expect(all.filter((s) => s.kind === 'reported').map((s) => [s.mention?.name, s.text])).toEqual([
      ['Ana Ruiz', '“reckless” spending and “waste” had begun to ruin the harbour board'],
    ]);
    const called = extractStatements(makeArticle('Ana Ruiz called the new toll on the old harbour bridge “a disgrace”.'));
    expect(called.filter((s) => s.kind === 'reported')).toHaveLength(1);
  });

  it('reads `called` with an object and what it is called, not a name given to a thing', () => {
    expect(reported('Ana Ruiz called Ivo Lind a liar and a coward.')).toEqual([['Ana Ruiz', 'called', 'Ivo Lind a liar and a coward']]);
    expect(reported('Ana Ruiz joined a group called Vela Now in a former factory.')).toEqual([]);
  });

  it('keeps the writer’s words around a quotation in the frame’s report, beside the quotation', () => {
    const all = extractStatements(makeArticle('The old ferry pier was named “in honour of” Vela, Ana Ruiz wrote.'));
    expect(all.map((s) => [s.kind, s.mention?.name, s.text])).toEqual([
      ['reported', 'Ana Ruiz', 'The old ferry pier was named “in honour of” Vela'],
      ['direct', 'Ana Ruiz', 'in honour of'],
    ]);
  });

  it('reads a poll opening the sentence as the source of the rest, unless the rest has its own speech verb', () => {
    expect(reported('In a new Vela Herald poll released Monday, 52 percent of riders back the night ferry.')).toEqual([
      ['new Vela Herald poll', 'In', '52 percent of riders back the night ferry'],
    ]);
    expect(reported('In a new Vela Herald poll, 52 percent of riders said they back the night ferry.').map((r) => r[0])).not.toContain('Vela Herald poll');
  });
});
