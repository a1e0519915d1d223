import { describe, expect, it } from 'vitest';
import { splitFormatted } from '../../src/platforms/shared/split-message.ts';

describe('splitFormatted', () => {
  it('keeps a short text whole', () => {
    expect(splitFormatted({ text: 'hello', entities: [{ type: 'bold', offset: 0, length: 5 }] })).toEqual([
      { text: 'hello', entities: [{ type: 'bold', offset: 0, length: 5 }] },
    ]);
  });

  it('cuts on paragraph boundaries and re-bases entities', () => {
    const a = 'a'.repeat(6);
    const b = 'b'.repeat(6);
    const text = `${a}\n\n${b}`;
    const out = splitFormatted({ text, entities: [{ type: 'bold', offset: 8, length: 3 }] }, 10);
    expect(out.map((m) => m.text)).toEqual([a, b]);
    expect(out[1]!.entities).toEqual([{ type: 'bold', offset: 0, length: 3 }]);
  });

  it('clips an entity that straddles a cut into both messages', () => {
    const text = 'one two three four';
    const out = splitFormatted({ text, entities: [{ type: 'italic', offset: 4, length: 9 }] }, 8);
    for (const m of out) {
      expect(m.text.length).toBeLessThanOrEqual(8);
      for (const e of m.entities) expect(e.offset + e.length).toBeLessThanOrEqual(m.text.length);
    }
    const italic = out.flatMap((m) => m.entities.map((e) => m.text.slice(e.offset, e.offset + e.length))).join(' ');
    expect(italic).toBe('two three');
  });

  it('never splits a surrogate pair when it must cut inside a word', () => {
    const text = '😀'.repeat(10);
    const out = splitFormatted({ text, entities: [] }, 5);
    expect(out.map((m) => m.text).join('')).toBe(text);
    for (const m of out) expect(m.text.length).toBeLessThanOrEqual(5);
    for (const m of out) expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(m.text)).toBe(false);
  });
});
