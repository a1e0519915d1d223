import { describe, expect, it } from 'vitest';
import { classifyPhrase, phraseStartingAt } from '../../../src/core/statements/noun-phrase.ts';
import { tokenize } from '../../../src/core/statements/tokens.ts';

function classify(text: string) {
  const toks = tokenize(text);
  const last = phraseStartingAt(toks, 0, toks.length - 1);
  const p = classifyPhrase(text, toks, 0, last);
  return { kind: p.kind, name: p.name, role: p.role, head: p.head, gender: p.gender };
}

describe('classifyPhrase', () => {
  it('splits titles and roles off names', () => {
    expect(classify('Presidential aide Pavel Orlov')).toMatchObject({ kind: 'person', name: 'Pavel Orlov', role: 'Presidential aide' });
    expect(classify('Secretary of State Ana Ruiz')).toMatchObject({ kind: 'person', name: 'Ana Ruiz', role: 'Secretary of State' });
    expect(classify("the mayor's policy adviser Jo Lee")).toMatchObject({ kind: 'person', name: 'Jo Lee' });
    expect(classify('Chancellor Ursula von der Leyen')).toMatchObject({ kind: 'person', name: 'Ursula von der Leyen', role: 'Chancellor' });
  });

  it('takes gender from a title, never from a first name', () => {
    expect(classify('Ms Dana Frost').gender).toBe('female');
    expect(classify('government spokesman Li Qiang').gender).toBe('male');
    expect(classify('Minister Maria Lopez').gender).toBeUndefined();
  });

  it('tells bodies, groups, descriptions and anonymous sources apart', () => {
    expect(classify('the Daily Ledger')).toMatchObject({ kind: 'body', name: 'Daily Ledger' });
    expect(classify('the state news agency Xinhua')).toMatchObject({ kind: 'body', name: 'Xinhua', role: 'state news agency' });
    expect(classify('Western diplomats')).toMatchObject({ kind: 'body', name: 'Western diplomats' });
    expect(classify('a senior aide from the presidency')).toMatchObject({ kind: 'description', head: 'aide' });
    expect(classify('sources').kind).toBe('anonymous');
    expect(classify('Paris')).toMatchObject({ kind: 'name', name: 'Paris' });
  });
});
