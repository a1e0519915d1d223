import { describe, expect, it } from 'vitest';
import { parse, seed } from './seed.ts';

describe('paragraph kinds', () => {
  it('marks the seed sub-headings as subheads, not body sentences', () => {
    const a = seed('002');
    for (const h of [
      'Western Leaders Stress Security Guarantees at Summit',
      'Debate Over Security Guarantees',
      'Russia Rejects NATO-Linked Proposals',
      'Talks of Ceasefire Amid Future Summits',
    ]) {
      const s = a.sentences.find((x) => x.text === h);
      expect(s?.kind, h).toBe('subhead');
      expect(a.paragraphs[s!.paragraph]!.kind).toBe('subhead');
    }
    expect(a.sentences.filter((s) => s.kind === 'body').some((s) => /Security Guarantees at Summit/.test(s.text))).toBe(false);
  });

  it('keeps the key-takeaway bullets as takeaway content, without their markers', () => {
    const a = seed('003');
    const takeaways = a.sentences.filter((s) => s.kind === 'takeaway').map((s) => s.text);
    expect(takeaways).toHaveLength(5);
    expect(takeaways[0]).toBe('Trump and Putin had a constructive phone call.');
    expect(takeaways.every((t) => !t.startsWith('-'))).toBe(true);
  });

  it('marks other bullets as bullet', () => {
    const bullets = seed('002')
      .sentences.filter((s) => s.kind === 'bullet')
      .map((s) => s.text);
    expect(bullets).toEqual([
      'Plans for future Ukrainian-Russian meetings,',
      'NATO and EU support for Ukraine,',
      'Frameworks for long-term security guarantees.',
    ]);
  });

  it('joins hard-wrapped lines into one paragraph and splits sentences across the line break', () => {
    const raw =
      'Talks Resume in the Capital\n\nThe ministers met on Monday in the capital and\nagreed to meet again. The U.S.\nenvoy was present as well.\n\nA second paragraph follows here.\n';
    const a = parse(raw);
    expect(a.paragraphs).toHaveLength(2);
    expect(a.sentences.map((s) => s.text.replace(/\s+/g, ' '))).toEqual([
      'The ministers met on Monday in the capital and agreed to meet again.',
      'The U.S. envoy was present as well.',
      'A second paragraph follows here.',
    ]);
  });

  it('drops trailing link titles after a related-articles marker', () => {
    const a = parse('Main Story Headline Here\n\nThe talks ended on Friday.\n\nRelated Articles\n\nMarkets Rally After Talks\nLeaders Meet Again\n');
    expect(a.sentences.map((s) => s.text)).toEqual(['The talks ended on Friday.']);
  });

  it('drops a trailing heading-like line with nothing after it', () => {
    const a = parse('The talks ended on Friday.\n\nMore On This Story\n');
    expect(a.sentences.map((s) => s.text)).toEqual(['The talks ended on Friday.']);
    expect(a.debris).toHaveLength(1);
  });
});

describe('span invariants', () => {
  it('every sentence text is its span of the article text, trimmed, and inside its paragraph', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const a = seed(prefix);
      for (const s of a.sentences) {
        expect(a.text.slice(s.span.start, s.span.end)).toBe(s.text);
        expect(s.text).toBe(s.text.trim());
        const p = a.paragraphs[s.paragraph]!;
        expect(s.span.start).toBeGreaterThanOrEqual(p.span.start);
        expect(s.span.end).toBeLessThanOrEqual(p.span.end);
        expect(s.kind).toBe(p.kind);
      }
      expect(a.sentences.map((s) => s.index)).toEqual(a.sentences.map((_, i) => i));
    }
  });

  it('keeps spans valid with CRLF line endings and a BOM', () => {
    const lf = 'Leaders Meet in the Capital\n\nThe talks resumed on Monday. “We are ready. We are willing,” the minister said.\n\nBy Jane Doe\n';
    const a = parse(`\uFEFF${lf.replace(/\n/g, '\r\n')}`);
    expect(a.title).toBe('Leaders Meet in the Capital');
    expect(a.text.startsWith('\uFEFF')).toBe(false);
    expect(a.sentences.map((s) => s.text)).toEqual(['The talks resumed on Monday.', '“We are ready. We are willing,” the minister said.']);
    for (const s of a.sentences) expect(a.text.slice(s.span.start, s.span.end)).toBe(s.text);
  });
});
