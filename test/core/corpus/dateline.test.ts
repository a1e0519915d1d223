import { describe, expect, it } from 'vitest';
import { parseDateline } from '../../../src/core/corpus/dateline.ts';
import { parse, seed } from './seed.ts';

const at = (text: string) => parseDateline(text, 0, text.length);

describe('datelines of the seed corpus', () => {
  it('parses place, month, day and outlet, and the first sentence starts after the dateline', () => {
    const a = seed('000');
    expect(a.dateline).toMatchObject({ raw: 'WASHINGTON, Aug 26 (Alliance News):', place: 'WASHINGTON', month: 8, day: 26, outlet: 'Alliance News' });
    expect(a.source).toBe('Alliance News');
    expect(a.sentences[0]!.text.startsWith('Voicing optimism')).toBe(true);
    expect(a.sentences[0]!.span.start).toBeGreaterThanOrEqual(a.dateline!.span.end);
  });

  it('parses a dash dateline after takeaways', () => {
    const a = seed('003');
    expect(a.dateline).toMatchObject({ raw: 'Moscow, Aug 19 (NationPress) -', place: 'Moscow', month: 8, day: 19, outlet: 'NationPress' });
    const first = a.sentences.find((s) => s.kind === 'body')!;
    expect(first.text.startsWith('US President Donald Trump and Russian President')).toBe(true);
  });

  it('parses a place-only dateline with a region', () => {
    const a = seed('002');
    expect(a.dateline).toMatchObject({ raw: 'Washington, D.C. —', place: 'Washington, D.C.' });
    expect(a.dateline!.month).toBeUndefined();
    expect(a.sentences[0]!.text.startsWith('U.S. President Donald Trump announced')).toBe(true);
  });

  it('finds no dateline where there is none', () => {
    expect(seed('001').dateline).toBeUndefined();
    expect(seed('004').dateline).toBeUndefined();
  });
});

describe('dateline variations', () => {
  it.each([
    ['LONDON (Reuters) - Prices rose.', { place: 'LONDON', outlet: 'Reuters' }],
    ['NEW DELHI, Sept. 3 (PTI): The minister said.', { place: 'NEW DELHI', month: 9, day: 3, outlet: 'PTI' }],
    ['PARIS, 26 August 2025 (AFP) — Talks began.', { place: 'PARIS', month: 8, day: 26, outlet: 'AFP' }],
    ['Geneva, March 4 — Talks began.', { place: 'Geneva', month: 3, day: 4 }],
    ['KYOTO — Talks began.', { place: 'KYOTO' }],
    ['NAIROBI: The minister spoke.', { place: 'NAIROBI' }],
    ['Springfield, Ill. — The mayor spoke.', { place: 'Springfield, Ill.' }],
    ['SYDNEY, Sunday (Wire) - Talks began.', { place: 'SYDNEY', outlet: 'Wire' }],
  ])('parses %j', (text, expected) => {
    expect(at(text)).toMatchObject(expected);
  });

  it.each([
    'The President — who spoke late — said so.',
    'Trump: talks went well.',
    'Officials said on Monday that talks would resume.',
    'Note: this is not a dateline.',
    'NATO - the alliance - met on Monday.',
  ])('does not take %j for a dateline', (text) => {
    expect(at(text)).toBeUndefined();
  });

  it('keeps the dateline span exact so citations stay valid', () => {
    const a = parse('\r\nBERLIN, Oct 2 (Wire Service): The talks ended. Both sides left.\r\n');
    expect(a.text.slice(a.dateline!.span.start, a.dateline!.span.end)).toBe('BERLIN, Oct 2 (Wire Service):');
    expect(a.sentences.map((s) => s.text)).toEqual(['The talks ended.', 'Both sides left.']);
  });
});
