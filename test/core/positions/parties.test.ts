import { describe, expect, it } from 'vitest';
import { compileParties, partyInText, partyOf } from '../../../src/core/positions/parties.ts';

const m = compileParties([
  { id: 'north', name: 'Northland', match: ['Northland', 'Northern', 'NL', 'Royal Palace'] },
  { id: 'south', name: 'Southland', match: ['Southland', 'Southern', 'Southern Ministry of Fisheries'] },
]);

describe('party matching', () => {
  it('matches whole words and phrases, case-insensitively except for acronyms', () => {
    expect(partyInText(m, 'a royal palace spokesman')?.id).toBe('north');
    expect(partyInText(m, 'Northerner')).toBeUndefined();
    expect(partyInText(m, 'the NL delegation')?.id).toBe('north');
    expect(partyInText(m, 'the nl delegation')).toBeUndefined();
  });

  it('takes the earliest match, and the longest phrase on a tie', () => {
    expect(partyInText(m, 'Northern envoy to Southland')?.id).toBe('north');
    expect(partyInText(m, 'Southern envoy to Northland')?.id).toBe('south');
  });

  it('tries the statement role, then the speaker roles, then the name and aliases', () => {
    const speaker = { name: 'Ada Southland', roles: ['adviser', 'Northern trade envoy'], aliases: ['Ada'] };
    expect(partyOf(m, speaker, { role: 'Southern minister', speaker: 'Ada Southland' })?.id).toBe('south');
    expect(partyOf(m, speaker, { speaker: 'Ada Southland' })?.id).toBe('north');
    expect(partyOf(m, { name: 'Ada Southland', roles: [], aliases: [] })?.id).toBe('south');
    expect(partyOf(m, undefined, { speaker: 'Someone' })).toBeUndefined();
  });
});
