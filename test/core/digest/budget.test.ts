import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget, DIGEST_CHAR_BUDGET, pointLength } from '../../../src/core/digest/budget.ts';
import { MAX_RENDERED_CITATIONS, renderDigestMarkdown, renderPoint } from '../../../src/core/digest/render-markdown.ts';
import type { DigestItem, SourceRef } from '../../../src/core/model.ts';

const source = (i: number): SourceRef => ({
  article: `a${i}`,
  title: `A fairly long headline number ${i} about the talks`,
  date: '2025-08-26',
  url: `https://example.com/${i}`,
});
const item = (text: string, n = 1): DigestItem => ({
  text,
  sources: Array.from({ length: n }, (_, i) => source(i)),
  evidence: [],
});

describe('renderPoint', () => {
  it('writes the text and one citation per source, at most a few then "+N more"', () => {
    const line = renderPoint(item('A point.', MAX_RENDERED_CITATIONS + 3));
    expect(line.startsWith('- A point. (')).toBe(true);
    expect(line).toContain('+3 more');
    expect(line.match(/https:\/\/example\.com/g)).toHaveLength(MAX_RENDERED_CITATIONS);
  });

  it('renders an empty digest as a sentence, not a blank', () => {
    expect(renderDigestMarkdown({ topic: 't', title: 'T', items: [] })).toMatch(/No points/);
  });
});

describe('budget', () => {
  it('keeps everything that fits, in order', () => {
    const items = [item('One.'), item('Two.'), item('Three.')];
    expect(budget(items)).toEqual(items);
  });

  it('drops whole points so the Markdown stays under the limit (property)', () => {
    const arb = fc.array(fc.record({ len: fc.integer({ min: 1, max: 900 }), n: fc.integer({ min: 1, max: 12 }) }), { maxLength: 25 });
    fc.assert(
      fc.property(arb, (specs) => {
        const items = specs.map((s, i) => item(`${i} ${'x'.repeat(s.len)}.`, s.n));
        const kept = budget(items);
        const md = renderDigestMarkdown({ topic: 't', title: 'A topic title', items: kept });
        expect(md.length).toBeLessThanOrEqual(DIGEST_CHAR_BUDGET);
        for (const k of kept) expect(items).toContain(k);
        const order = kept.map((k) => items.indexOf(k));
        expect([...order].sort((a, b) => a - b)).toEqual(order);
      }),
    );
  });

  it('counts at least ~60 characters per shown citation', () => {
    const one = item('Short.', 1);
    expect(pointLength(one)).toBeGreaterThanOrEqual('Short.'.length + 60);
  });
});
