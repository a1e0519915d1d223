import { describe, expect, it } from 'vitest';
import { neutraliseMentions, safeUrl } from '../../src/platforms/shared/text-safety.ts';

describe('text safety', () => {
  it('breaks every kind of mention', () => {
    const out = neutraliseMentions('hi @everyone and @here, <@123>, <@!123>, <@&9>, <#5>, @someone');
    expect(out).not.toMatch(/@(everyone|here)|<@!?&?\d|<#\d|@someone/);
  });
  it('keeps only http(s) links', () => {
    expect(safeUrl('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
  });
});
