import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/core/suggest.ts';

const topics = ['security-guarantees', 'summits', 'sanctions', 'ceasefire', 'prisoner-exchange'];

describe('suggest', () => {
  it('offers the known values a typo is close to, best first', () => {
    expect(suggest('sancions', topics)[0]).toBe('sanctions');
    expect(suggest('ceasfire', topics)).toEqual(['ceasefire']);
    expect(suggest('SUMMIT', topics)[0]).toBe('summits');
  });

  it('offers a value that contains the input or is contained in it', () => {
    expect(suggest('security', topics)).toEqual(['security-guarantees']);
  });

  it('offers nothing rather than a far-fetched guess', () => {
    expect(suggest('nope', topics)).toEqual([]);
    expect(suggest('', topics)).toEqual([]);
    expect(suggest('anything', [])).toEqual([]);
  });
});
