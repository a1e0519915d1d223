import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/core/statements/tokens.ts';

describe('tokenize', () => {
  it('splits words, possessives, acronyms and punctuation with offsets into the text', () => {
    const text = 'x “U.S. leader’s deal,” she said.';
    const toks = tokenize(text, 2);
    expect(toks.map((t) => t.text)).toEqual(['“', 'U.S.', 'leader', '’s', 'deal', ',', '”', 'she', 'said', '.']);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(toks.map((t) => t.type).join('')).toBe('qwwwwpqwwp');
    expect(toks[2]?.cap).toBe(false);
    expect(toks[1]?.cap).toBe(true);
    expect(toks[3]?.lc).toBe("'s");
  });

  it('keeps hyphenated and contracted words whole', () => {
    expect(tokenize('Jae-won doesn’t all-for-all').map((t) => t.lc)).toEqual(['jae-won', "doesn't", 'all-for-all']);
  });
});
