import { describe, expect, it } from 'vitest';
import { backgroundBounds, isDigression, roleScore } from '../../../src/core/digest/roles.ts';
import type { TopicDef } from '../../../src/core/model.ts';
import { compileTopics, scoreText } from '../../../src/core/topics/topic-scorer.ts';

const talks: TopicDef = {
  id: 'talks',
  title: 'Talks',
  description: '',
  terms: [
    { term: 'negotiat*', weight: 2 },
    { term: 'truce', weight: 3 },
    { term: 'summit', weight: 3 },
  ],
};
const c = compileTopics([talks]);
const role = (text: string) => roleScore(text, 'talks', c, scoreText(c, text).talks!);

describe('roleScore', () => {
  it('keeps the full score when a term is in the main clause', () => {
    expect(role('The two sides agreed a truce on the northern front, ending weeks of shelling.')).toBe(3);
  });

  it('halves terms that sit only in a trailing participle clause', () => {
    expect(role('The minister announced new port fees on Tuesday, warning that they would rise further without a truce.')).toBe(1.5);
  });

  it('halves terms after "without": what did not happen', () => {
    expect(role('The meeting in the old palace ended without a truce.')).toBe(1.5);
  });

  it('halves an agent noun that only describes the speaker', () => {
    expect(role('A senior negotiator, speaking on condition of anonymity, said the river crossing would reopen.')).toBe(1);
  });

  it('keeps a term after a parenthesis about the speaker', () => {
    expect(role('An official, speaking on condition of anonymity, said a truce was close.')).toBe(3);
  });

  it('treats a signpost opener as background', () => {
    expect(role('On the summit, opinions differed.')).toBe(1.5);
    expect(backgroundBounds('On the summit, opinions differed.').introEnd).toBeGreaterThan(0);
  });

  it('does not treat speech participles as background', () => {
    expect(role('The envoy rejected the plan, saying a truce had to come first.')).toBe(3);
  });
});

describe('isDigression', () => {
  it('recognises side stories', () => {
    expect(isDigression('Outside the hall, a choir sang for the visitors.')).toBe(true);
    expect(isDigression('Separately, the airline cut its forecast.')).toBe(true);
    expect(isDigression('The leaders met for three hours.')).toBe(false);
  });
});
