import { describe, expect, it } from 'vitest';
import { isHeadlineLike, shortTitle } from '../../../src/core/corpus/headline.ts';
import { parseArticle } from '../../../src/core/corpus/parse-article.ts';
import { parse, seed } from './seed.ts';

describe('headline of the seed articles', () => {
  it('takes a short first line without a final stop as the headline', () => {
    const a = seed('001');
    expect(a.title).toBe('Trump To Speak With Putin As European Leaders Expected To Come Over To US');
    expect(a.text.slice(a.titleSpan!.start, a.titleSpan!.end)).toBe(a.title);
    expect(a.sentences.some((s) => s.text === a.title)).toBe(false);
  });

  it('accepts a question headline with quoted words', () => {
    expect(seed('003').title).toBe("Did Trump and Putin Have a 'Candid and Very Constructive' Conversation?");
  });

  it('skips a section label (kicker) above the real headline', () => {
    const a = seed('002');
    expect(a.title).toBe('Trump Pushes for Zelensky-Putin Talk');
    expect(a.title).not.toBe('World War');
  });

  it('does not take a long body sentence as the headline; the title falls back to the first sentence, shortened', () => {
    const a = seed('004');
    expect(a.titleSpan).toBeUndefined();
    expect(a.sentences[0]!.text.startsWith('US President Donald Trump has announced')).toBe(true);
    expect(a.title.startsWith('US President Donald Trump has announced')).toBe(true);
    expect(a.title.length).toBeLessThanOrEqual(91);
    expect(a.title.endsWith('…')).toBe(true);
  });

  it('builds the fallback title after the dateline', () => {
    const a = seed('000');
    expect(a.titleSpan).toBeUndefined();
    expect(a.title.startsWith('Voicing optimism')).toBe(true);
  });
});

describe('headline variations', () => {
  it('reads a Markdown heading and a headline without a blank line after it', () => {
    const a = parse('# Ministers Meet Again in Geneva\nThe ministers met on Monday. They agreed to talk again.\n');
    expect(a.title).toBe('Ministers Meet Again in Geneva');
    expect(a.sentences[0]!.text).toBe('The ministers met on Monday.');
  });

  it('prefers the front matter title but still keeps the headline out of the body', () => {
    const a = parse('---\ntitle: A Given Title\n---\nMinisters Meet Again\n\nThe ministers met on Monday.\n');
    expect(a.title).toBe('A Given Title');
    expect(a.titleSpan).toBeUndefined();
    expect(a.sentences.map((s) => s.text)).toEqual(['The ministers met on Monday.']);
  });

  it('treats a lone short line at the top followed by a headline as a kicker', () => {
    const a = parse('Economy\n\nMarkets Rally After Central Bank Holds Rates\n\nShares rose on Tuesday.\n');
    expect(a.title).toBe('Markets Rally After Central Bank Holds Rates');
  });

  it('keeps a one-line article as content with a fallback title', () => {
    const a = parse('The talks ended without a deal on Friday.');
    expect(a.title).toBe('The talks ended without a deal on Friday');
    expect(a.sentences).toHaveLength(1);
  });

  it.each([
    ['Trump To Speak With Putin As European Leaders Expected To Come Over To US', true],
    ["Did They Have a 'Candid' Conversation?", true],
    ['Leaders meet in the capital!', true],
    ['US President Donald Trump has announced plans to hold talks.', false],
    ['Discussions covered:', false],
    ['- a bullet point', false],
    ['lower case start of a wrapped line', false],
  ])('isHeadlineLike(%j) is %s', (line, expected) => {
    expect(isHeadlineLike(line)).toBe(expected);
  });

  it('shortens long titles at a word boundary', () => {
    const t = shortTitle(`${'word '.repeat(40).trim()}.`);
    expect(t.length).toBeLessThanOrEqual(91);
    expect(t.endsWith('…')).toBe(true);
    expect(shortTitle('Short one.')).toBe('Short one');
  });
});

describe('a paragraph that ends in a closing guillemet', () => {
  it('is prose, not a sub-heading left at the end of the page', () => {
    const text = 'Talks resume in Vela\n\nThe minister spoke on Monday about the plan for the port.\n\nShe said: «We are ready to talk.»\n';
    const sentences = parseArticle('guillemet.txt', text).article?.sentences.map((s) => s.text);
    expect(sentences).toContain('She said: «We are ready to talk.»');
  });
});
