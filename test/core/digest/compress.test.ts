import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { COMPRESS, compress } from '../../../src/core/digest/compress.ts';

const defaults = { ...COMPRESS };
afterEach(() => Object.assign(COMPRESS, defaults));

describe('compress: what a digest reader does not need', () => {
  it('drops a leading discourse adverbial and capitalises what follows', () => {
    expect(compress('In fact, the council approved the new dam after a long debate.')).toBe('The council approved the new dam after a long debate.');
    expect(compress('However, the ferry company cut two of its weekly crossings to Lenport.')).toBe(
      'The ferry company cut two of its weekly crossings to Lenport.',
    );
  });

  it('keeps a leading time phrase or hedge, which says something', () => {
    const t = 'At the time, the ferry company ran only two crossings a week to Lenport.';
    expect(compress(t)).toBe(t);
    const h = 'Apparently, the ferry company ran only two crossings a week to Lenport.';
    expect(compress(h)).toBe(h);
  });

  it('drops an aside between dashes or wire underscores, and a long bracketed aside', () => {
    expect(compress('Construction of the Vell dam _ the first in the valley in a decade _ began in June after a long legal battle.')).toBe(
      'Construction of the Vell dam began in June after a long legal battle.',
    );
    expect(compress('The council approved the dam (a project first proposed by a farmers group in the spring of last year) on Monday.')).toBe(
      'The council approved the dam on Monday.',
    );
  });

  it('drops a non-restrictive relative clause when the sentence goes on with its verb', () => {
    expect(compress('Jane Doe, who chairs the water board of the valley, said the dam would open in May.')).toBe('Jane Doe said the dam would open in May.');
  });

  it('keeps a relative clause that is part of a list or holds a quotation', () => {
    const list = 'The firms, which make ferries, trucks and buses, lost money in the spring.';
    expect(compress(list)).toBe(list);
    const quoted = 'Jane Doe, who called the plan "a disgrace", voted against the dam on Monday.';
    expect(compress(quoted)).toBe(quoted);
  });

  it('drops an age after a name, keeping the comma that closes an apposition', () => {
    expect(compress('Ivo Lasko, 52, was charged with fraud by the city prosecutor.')).toBe('Ivo Lasko was charged with fraud by the city prosecutor.');
    expect(compress('One of the two accused, Ivo Lasko, 52, goes on trial in the city court.')).toBe(
      'One of the two accused, Ivo Lasko, goes on trial in the city court.',
    );
    COMPRESS.relatives = 0;
    expect(compress('Ivo Lasko, 52, who owns the ferry line, was charged with fraud.')).toBe('Ivo Lasko, who owns the ferry line, was charged with fraud.');
    COMPRESS.relatives = 1;
    expect(compress('Ivo Lasko, 52, who owns the ferry line, was charged with fraud.')).toBe('Ivo Lasko was charged with fraud.');
  });

  it('drops a day number after a month, never taking it for an age', () => {
    const t = 'The board met on March, 12, and approved the ferry contract.';
    expect(compress(t)).toBe(t);
  });

  it('drops that after a reporting verb before a subject, not before a verb', () => {
    expect(compress('Jane Doe said that the dam would open in May next year.')).toBe('Jane Doe said the dam would open in May next year.');
    const pronoun = 'Jane Doe said that was the reason the dam opened late.';
    expect(compress(pronoun)).toBe(pronoun);
  });

  it('reduces a reporting frame to its verb and keeps who said it', () => {
    expect(compress('The mayor told reporters Tuesday that the dam would open in May.')).toBe('The mayor said the dam would open in May.');
    expect(compress('The board said in a statement that the dam would open in May.')).toBe('The board said the dam would open in May.');
    expect(compress('The dam will open in May, the minister said here.')).toBe('The dam will open in May, the minister said.');
  });

  it('keeps a day that dates the event, not the report', () => {
    const t = 'The ferry company said Monday as the strike began that it would cut crossings.';
    expect(compress(t)).toBe(t);
  });

  it('makes no trim the caller vetoes, and none when switched off', () => {
    const t = 'Jane Doe, who chairs the water board of the valley, said the dam would open in May.';
    expect(compress(t, (out) => out.includes('water board'))).toBe(t);
    COMPRESS.relatives = 0;
    expect(compress(t)).toBe(t);
  });

  it('never throws and never lengthens a text (property)', () => {
    const word = fc.constantFrom(
      'Jane',
      'Doe,',
      'who',
      'said',
      'that',
      'the',
      'dam',
      '_',
      '—',
      '(a',
      'plan)',
      'In fact,',
      '52,',
      'told reporters',
      'Tuesday',
      '"so',
      'far"',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (ws) => {
        const text = `${ws.join(' ')}.`;
        expect(compress(text).length).toBeLessThanOrEqual(text.length);
      }),
    );
  });
});
