import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../../src/core/statements/extract-statements.ts';
import { parseArticle } from '../../../src/core/corpus/parse-article.ts';

// How far back a pronoun speaker may look for its antecedent, on invented text read by the real loader.
const run = (text: string) => {
  const parsed = parseArticle('t.txt', `---\ntitle: "A test"\n---\n${text.split('\n').join('\n\n')}\n`);
  return extractStatements(parsed.article!);
};
const speakerOf = (text: string, words: string) => {
  const s = run(text).find((x) => x.text.includes(words));
  return s ? (s.mention?.name ?? null) : null;
};

const filler = [
  'The hall was cold that morning.',
  'Buses ran late across the valley.',
  'The river had risen overnight.',
  'Snow was forecast for the weekend.',
  'The market opened an hour early.',
];

describe('pronoun antecedents far back', () => {
  it('leaves a pronoun unknown when the only fitting person was named many sentences earlier', () => {
    const text = ['Ken Orr, a union man, arrived in town on Monday.', ...filler, '"We need someone who fights hard," he said.'].join(' ');
    expect(speakerOf(text, 'fights hard')).toBeNull();
  });

  it('still resolves a pronoun whose antecedent is a few sentences back', () => {
    const text = ['Ken Orr, a union man, arrived in town on Monday.', ...filler.slice(0, 2), '"We need someone who fights hard," he said.'].join(' ');
    expect(speakerOf(text, 'fights hard')).toBe('Ken Orr');
  });
});
