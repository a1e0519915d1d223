import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TopicDef } from '../../../src/core/model.ts';
import { compileTopics, matchTerms, scoreText } from '../../../src/core/topics/topic-scorer.ts';

const topic = (id: string, terms: [string, number][]): TopicDef => ({
  id,
  title: id,
  description: '',
  terms: terms.map(([term, weight]) => ({ term, weight })),
});

const guarantees = topic('security-guarantees', [
  ['security guarantees', 3],
  ['guarantees', 1],
  ['Article 5', 3],
  ['collective defense', 3],
]);
const sanctions = topic('sanctions', [
  ['sanction*', 3],
  ['punitive measure*', 2],
  ['tariffs', 3],
]);
const compiled = compileTopics([guarantees, sanctions]);

describe('scoreText', () => {
  it('scores every topic, 0 for unrelated text', () => {
    expect(scoreText(compiled, 'The weather was fine in the capital.')).toEqual({ 'security-guarantees': 0, sanctions: 0 });
  });

  it('matches phrases case-insensitively and across inflections', () => {
    expect(scoreText(compiled, 'Leaders discussed a Security Guarantee for the country.')['security-guarantees']).toBe(3);
    expect(scoreText(compiled, 'The tariff was raised.').sanctions).toBe(3);
  });

  it('lets the longest phrase win over a word it contains', () => {
    // "security guarantees" (3) consumes "guarantees": the single-word term (1) is not added.
    expect(scoreText(compiled, 'They want security guarantees.')['security-guarantees']).toBe(3);
    expect(scoreText(compiled, 'They want guarantees.')['security-guarantees']).toBe(1);
  });

  it('counts a repeated term once, different terms add up', () => {
    expect(scoreText(compiled, 'Sanctions, more sanctions and tariffs.').sanctions).toBe(6);
    expect(scoreText(compiled, 'Security guarantees modelled on Article 5 and collective defense.')['security-guarantees']).toBe(9);
  });

  it('supports a trailing * on the last word of a phrase and of a single word', () => {
    expect(scoreText(compiled, 'He sanctioned banks.').sanctions).toBe(3);
    expect(scoreText(compiled, 'Ready to escalate punitive measures.').sanctions).toBe(2);
    expect(scoreText(compiled, 'A punitive measure was taken.').sanctions).toBe(2);
  });

  it('scores wildcard and exact terms alike in any text, a word met again as the first time', () => {
    const c = compileTopics([
      topic('levies', [
        ['lev*', 1],
        ['levies', 3],
      ]),
      topic('ports', [
        ['levied cargo', 2],
        ['cargo', 1],
      ]),
    ]);
    const first = scoreText(c, 'Levies on cargo, leverage over levied cargo by cargo.');
    expect(first).toEqual({ levies: 4, ports: 3 });
    expect(scoreText(c, 'Levies on cargo, leverage over levied cargo by cargo.')).toEqual(first);
    expect(scoreText(c, 'Cargo levies.')).toEqual({ levies: 3, ports: 1 });
    expect(scoreText(c, 'Leverage.')).toEqual({ levies: 1, ports: 0 });
  });

  it('finds a one-letter wildcard prefix and a word shorter than two letters', () => {
    const c = compileTopics([
      topic('x', [
        ['q*', 2],
        ['ox', 1],
      ]),
    ]);
    expect(scoreText(c, 'A quota, an ox, a q.')).toEqual({ x: 3 });
    expect(scoreText(c, 'Nothing here.')).toEqual({ x: 0 });
  });

  it('matches on word boundaries only', () => {
    expect(scoreText(compiled, 'Their subtariffs and desanctioning were discussed.').sanctions).toBe(0);
    expect(scoreText(compiled, 'Article 50 was triggered.')['security-guarantees']).toBe(0);
  });

  it('treats hyphens like spaces and ignores possessives', () => {
    const c = compileTopics([
      topic('swap', [
        ['all-for-all', 3],
        ['prisoner exchange', 3],
      ]),
    ]);
    expect(scoreText(c, 'An all for all swap.').swap).toBe(3);
    expect(scoreText(c, 'The prisoner’s exchange happened.').swap).toBe(3);
  });

  it('does not depend on letter case (property)', () => {
    const word = fc.constantFrom('security', 'guarantees', 'sanctions', 'tariffs', 'article', '5', 'the', 'punitive', 'measures', 'defense', 'collective');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (ws) => {
        const text = ws.join(' ');
        expect(scoreText(compiled, text.toUpperCase())).toEqual(scoreText(compiled, text));
      }),
    );
  });

  it('never decreases when text is appended (property)', () => {
    const word = fc.constantFrom('security', 'guarantees', 'sanctions', 'tariffs', 'article', '5', 'and', 'measures', 'punitive');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 10 }), fc.array(word, { maxLength: 10 }), (a, b) => {
        const before = scoreText(compiled, a.join(' '));
        const after = scoreText(compiled, `${a.join(' ')}. ${b.join(' ')}`);
        for (const id of Object.keys(before)) expect(after[id]).toBeGreaterThanOrEqual(before[id]!);
      }),
    );
  });
});

describe('matchTerms', () => {
  it('reports each occurrence with its offsets in the text', () => {
    const text = 'New sanctions and Article 5 talks.';
    const m = matchTerms(compiled, text);
    expect(m.map((x) => [x.topic, text.slice(x.start, x.end)])).toEqual([
      ['sanctions', 'sanctions'],
      ['security-guarantees', 'Article 5'],
    ]);
  });
});

describe('compileTopics', () => {
  it('rejects a * inside a word, naming the topic and the term', () => {
    expect(() => compileTopics([topic('bad', [['sanc*tions', 1]])])).toThrow(/topic "bad", terms\[0\] \("sanc\*tions"\).*only at the end of a word/);
  });

  it('rejects a term without letters or digits', () => {
    expect(() =>
      compileTopics([
        topic('bad', [
          ['ok', 1],
          ['--', 1],
        ]),
      ]),
    ).toThrow(/topic "bad", terms\[1\].*at least one word/);
  });

  it('rejects a lone *', () => {
    expect(() => compileTopics([topic('bad', [['*', 1]])])).toThrow(/topic "bad", terms\[0\]/);
  });

  it('rejects duplicate topic ids', () => {
    expect(() => compileTopics([sanctions, sanctions])).toThrow(/"sanctions" appears twice/);
  });
});
