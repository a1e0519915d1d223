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

describe('what a stance verb reports (invented sentences)', () => {
  it('ends the object before a time, a second verb or a relative clause', () => {
    expect(reported('Ana Ruiz defended her plan this week on her radio show.')).toEqual([['Ana Ruiz', 'defended', 'her plan']]);
    expect(reported('Ana Ruiz praised the harbour board and pledged more money for the pier.')[0]).toEqual(['Ana Ruiz', 'praised', 'the harbour board']);
    expect(reported('Ana Ruiz attacked Ken Berg, with whom she clashed at the debate.')).toEqual([['Ana Ruiz', 'attacked', 'Ken Berg']]);
  });

  it('keeps what belongs to the object: its preposition phrases and a clause', () => {
    expect(reported('Ana Ruiz slammed his proposal as too vague and unrealistic.')).toEqual([
      ['Ana Ruiz', 'slammed', 'his proposal as too vague and unrealistic'],
    ]);
    expect(reported('Ana Ruiz questioned whether the pier can open this week.')).toEqual([['Ana Ruiz', 'questioned', 'whether the pier can open this week']]);
  });
});

describe('an attribution after what it reports, with a title before the name (invented sentences)', () => {
  it('reads the sentence before the comma as what was said', () => {
    expect(reported('The next Vela record is almost complete, frontman Ana Ruiz recently revealed.')).toEqual([
      ['Ana Ruiz', 'revealed', 'The next Vela record is almost complete'],
    ]);
    expect(reported('The ferry was headed to Lima for meetings, the news site Vela Now reported.')).toEqual([
      ['Vela Now', 'reported', 'The ferry was headed to Lima for meetings'],
    ]);
  });

  it('does not read an object and its relative clause as a speaker', () => {
    const said = reported('Ana Ruiz said the pier would open in May, a point Ken Berg also acknowledged to reporters.');
    expect(said.map((r) => r[0])).not.toContain('Ken Berg');
  });
});

describe('a participle after the clause of a verb that is no speech (invented sentences)', () => {
  it('takes the subject of that clause', () => {
    expect(reported('The departments declined to give any details about the process, saying they cannot discuss the case.')).toContainEqual([
      'The departments',
      'saying',
      'they cannot discuss the case',
    ]);
    expect(reported('For months, Ana Ruiz has stayed out of the fight, arguing she did not want to tip the scales.')).toEqual([
      ['Ana Ruiz', 'arguing', 'she did not want to tip the scales'],
    ]);
  });

  it('not when that subject cannot speak', () => {
    expect(reported('The fracas erupted two weeks after the vote, calling the harbour plan a disgrace.')).toEqual([]);
  });
});

describe('a noun-like -s form between a name and a clause (invented sentences)', () => {
  it('reads it as the verb', () => {
    expect(reported('Ana Ruiz claims she is owed a billion dollars.')).toEqual([['Ana Ruiz', 'claims', 'she is owed a billion dollars']]);
    expect(reported('Ken Berg notes that the pier is older than the town.')).toEqual([['Ken Berg', 'notes', 'the pier is older than the town']]);
  });

  it('keeps it a noun elsewhere', () => {
    expect(reported('Southern states will hold their votes in March.')).toEqual([]);
    expect(reported('The mayor’s claims that the pier is safe were wrong.')).toEqual([]);
  });
});

describe('`according to` opening the sentence (invented sentences)', () => {
  it('takes the whole source up to its comma, and reports the clause after it', () => {
    const out = reported('According to early results of exit polls conducted for the network by Vela Research, most voters want a new pier.');
    expect(out.map((r) => r[2])).toEqual(['most voters want a new pier']);
  });
});
