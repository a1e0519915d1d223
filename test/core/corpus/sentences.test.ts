import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitSentences } from '../../../src/core/corpus/sentences.ts';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits plain sentences and keeps their spans', () => {
    const text = '  The talks ended. Both sides left!  Will they return? ';
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['The talks ended.', 'Both sides left!', 'Will they return?']);
    expect(spans[0]!.start).toBe(2);
  });

  it.each([
    ['U.S.', 'The U.S. President spoke to reporters. He left.'],
    ['Aug.', 'They met on Aug. 5 in the capital. He left.'],
    ['Sen.', 'Sen. Jane Roe objected to the plan. He left.'],
    ['Gen.', 'Gen. Mark Doe briefed the panel. He left.'],
    ['Dr.', 'Dr. Ann Lee treated the wounded. He left.'],
    ['Mr.', 'Mr. Smith declined to comment. He left.'],
    ['St.', 'The rally was held on St. Mark Street. He left.'],
    ['No.', 'The office at No. 10 issued a statement. He left.'],
    ['Inc.', 'Acme Inc. said profits rose. He left.'],
    ['e.g.', 'Some allies, e.g. Finland, agreed. He left.'],
    ['i.e.', 'The deadline, i.e. Friday, passed. He left.'],
    ['initials', 'By Samir Kr. Singh, the editor, wrote it. He left.'],
    ['J. R. R.', 'The author J. R. R. Tolkien wrote it. He left.'],
    ['decimal', 'Growth was 3.5 per cent last year. He left.'],
    ['money', 'The offer was worth $100 billion. He left.'],
    ['ellipsis', 'He paused... and then went on. He left.'],
    ['a.m.', 'The call began at 10 a.m. local time. He left.'],
  ])('does not split after %s', (_label, text) => {
    const parts = split(text);
    expect(parts).toHaveLength(2);
    expect(parts[1]).toBe('He left.');
  });

  it('splits after an abbreviation that ends the sentence when a sentence starter follows', () => {
    expect(split('The troops returned to the U.S. The mission was over.')).toEqual(['The troops returned to the U.S.', 'The mission was over.']);
    expect(split('He bought shares of Acme Inc. The price fell.')).toHaveLength(2);
  });

  it('keeps a quotation of several sentences followed by its attribution as one sentence', () => {
    const text =
      '“Every conversation I have with him is a good conversation. And then, unfortunately, a bomb is loaded up into the city or someplace, and I get very angry about it,” the president told reporters, reflecting frustration. Next sentence.';
    const parts = split(text);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatch(/^“Every conversation.*reflecting frustration\.$/);
  });

  it('does the same with straight quotes', () => {
    const parts = split('"We will win. The war is over," she said on Monday. Then she left.');
    expect(parts).toEqual(['"We will win. The war is over," she said on Monday.', 'Then she left.']);
  });

  it('ends a sentence after the closing quote when the quotation ends it', () => {
    const text = 'He concluded with, "Everyone is very happy about the possibility of peace for A/B." Another point followed.';
    expect(split(text)).toEqual(['He concluded with, "Everyone is very happy about the possibility of peace for A/B."', 'Another point followed.']);
    expect(split('He is ready to meet “without conditions.” He noted the offer.')).toEqual([
      'He is ready to meet “without conditions.”',
      'He noted the offer.',
    ]);
  });

  it('keeps a short attribution after a quotation that ends with a stop', () => {
    expect(split('“We are ready.” The minister said. Talks resume.')).toEqual(['“We are ready.” The minister said.', 'Talks resume.']);
    expect(split('“We are ready.” She said so on Monday. Talks resume.')).toHaveLength(2);
    expect(split('“We are ready.” Smith told reporters. Talks resume.')).toEqual(['“We are ready.” Smith told reporters.', 'Talks resume.']);
    expect(split('“We are ready.” He noted the offer. Talks resume.')).toHaveLength(3);
  });

  it('does not let a stray pair of quote marks far apart swallow many sentences', () => {
    const body = 'The talks went on for hours without any result at all. '.repeat(30);
    expect(split(`He said “yes. ${body}Then no,” she said.`).length).toBeGreaterThan(25);
    expect(split(`He said “yes. ${body.slice(0, 300)}Then no,” she said.`)).toHaveLength(1);
  });

  it('ignores an apostrophe and an unmatched quote mark', () => {
    expect(split('Russia’s army advanced. The city’s mayor fled.')).toHaveLength(2);
    expect(split('He said “we will see. Nothing more. The end.')).toHaveLength(3);
  });

  it('does not split inside a single-quoted phrase of a headline-like sentence', () => {
    expect(split("They had a 'candid. Very constructive' talk. Then it ended.")).toHaveLength(2);
  });

  it('does not split before a lower-case word or inside numbers and addresses', () => {
    expect(split('Visit example.com today. Prices rose 2.5% in Q3. The U.S.-made jets flew.')).toHaveLength(3);
  });

  it('always returns trimmed, non-overlapping spans in order that reproduce the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('He said. ', 'U.S. ', '“Yes. No,” ', 'she said ', '... ', 'The end! ', 'x', '\n', '"', 'Dr. ', '3.5 '), { maxLength: 30 }),
        (parts) => {
          const text = parts.join('');
          const spans = splitSentences(text);
          let last = 0;
          for (const s of spans) {
            expect(s.start).toBeGreaterThanOrEqual(last);
            expect(s.end).toBeGreaterThan(s.start);
            const t = text.slice(s.start, s.end);
            expect(t).toBe(t.trim());
            last = s.end;
          }
          const joined = spans
            .map((s) => text.slice(s.start, s.end))
            .join('')
            .replace(/\s/g, '');
          expect(joined).toBe(text.replace(/\s/g, ''));
        },
      ),
    );
  });
});
