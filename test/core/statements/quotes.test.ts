import { describe, expect, it } from 'vitest';
import { findQuotations, isTitleCase } from '../../../src/core/statements/quotes.ts';

const contents = (text: string) => findQuotations(text, 0, text.length).map((q) => text.slice(q.content.start, q.content.end));

describe('findQuotations', () => {
  it('finds curly and straight double quotes, trimming trailing commas and full stops', () => {
    expect(contents('“Yes, I have.” He said "no," and left.')).toEqual(['Yes, I have', 'no']);
  });

  it('tells single quotes from apostrophes', () => {
    expect(contents("A 'frank and useful' talk in the country's capital, the workers' hall.")).toEqual(['frank and useful']);
    expect(contents('He doesn’t like ‘deals’ much.')).toEqual(['deals']);
  });

  it('keeps a nested quote inside the outer one', () => {
    expect(contents('“When he says ‘later’, he means never,” she said.')).toEqual(['When he says ‘later’, he means never']);
  });

  it('reports a quotation left open at the end of the block as not closed', () => {
    const text = 'She said: “Not this week, not next week.';
    const [q] = findQuotations(text, 0, text.length);
    expect(q?.closed).toBe(false);
    expect(text.slice(q!.content.start, q!.content.end)).toBe('Not this week, not next week');
  });

  it('ignores markup attributes and CSS blocks', () => {
    expect(contents('<div class="x">hi</div>')).toEqual([]);
    expect(contents('.a[data-x="y"] { margin: 0; }')).toEqual([]);
  });

  it('only looks inside the given range', () => {
    const text = '"outside" and "inside"';
    expect(findQuotations(text, 10, text.length).map((q) => text.slice(q.content.start, q.content.end))).toEqual(['inside']);
  });
});

describe('isTitleCase', () => {
  it('accepts names and titles in Title Case, with small words inside', () => {
    expect(isTitleCase('Candid and Very Constructive')).toBe(true);
    expect(isTitleCase('Coalition of the Willing')).toBe(true);
  });
  it('rejects ordinary speech', () => {
    expect(isTitleCase('we are going to get it done')).toBe(false);
    expect(isTitleCase('The budget is balanced')).toBe(false);
  });
});
