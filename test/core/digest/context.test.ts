import { describe, expect, it } from 'vitest';
import { collectCandidates } from '../../../src/core/digest/candidates.ts';
import { contextScores, isAnaphoricOpener } from '../../../src/core/digest/context.ts';
import type { Article, TopicDef } from '../../../src/core/model.ts';
import { compileTopics, scoreText } from '../../../src/core/topics/topic-scorer.ts';
import { makeArticle } from './make-article.ts';

const sanctions: TopicDef = {
  id: 'sanctions',
  title: 'Sanctions',
  description: '',
  terms: [
    { term: 'sanction*', weight: 3 },
    { term: 'ban imports', weight: 2 },
    { term: 'asset*', weight: 1 },
  ],
};

const rows = (a: Article, t: TopicDef) => {
  const c = compileTopics([t]);
  return a.sentences.map((s) => scoreText(c, s.text));
};
const own = (a: Article, t: TopicDef) => rows(a, t).map((r) => r[t.id]!);
const ctxOf = (a: Article, t: TopicDef) => contextScores(a, rows(a, t), t.id)!;

describe('contextScores', () => {
  it('lets an anaphoric sentence inherit a damped share of the sentence before it', () => {
    const a = makeArticle('a', [
      'The council drafted a new package of sanctions against Pellia on Monday. The package would also cover its two largest ports.',
    ]);
    expect(own(a, sanctions)).toEqual([3, 0]);
    const ctx = ctxOf(a, sanctions);
    expect(ctx[0]).toBe(3);
    expect(ctx[1]).toBeGreaterThanOrEqual(2);
    expect(ctx[1]).toBeLessThan(3);
  });

  it('lifts a sentence with a weak term of its own in a topical paragraph, but not an unrelated one', () => {
    const a = makeArticle('a', [
      'The bloc imposed sanctions on the shipping firm. Its assets in three countries were seized. Reporters waited outside in the rain.',
    ]);
    const ctx = ctxOf(a, sanctions);
    expect(ctx[1]).toBeCloseTo(2, 5);
    expect(ctx[2]).toBe(0);
  });

  it('does not lift strong sentences (context only makes weak ones eligible)', () => {
    const a = makeArticle('a', ['New sanctions hit the banks and would ban imports of steel. The sanctions take effect on Friday.']);
    expect(ctxOf(a, sanctions)).toEqual(own(a, sanctions));
  });

  it('is undefined for an article without the topic', () => {
    const a = makeArticle('a', ['The weather was fine all week.']);
    expect(contextScores(a, rows(a, sanctions), 'sanctions')).toBeUndefined();
  });

  it('recognises anaphoric openers', () => {
    expect(isAnaphoricOpener('The plan includes two naval patrols.')).toBe(true);
    expect(isAnaphoricOpener('Under the agreement, each side keeps its ports.')).toBe(true);
    expect(isAnaphoricOpener('It does not include ground forces.')).toBe(true);
    expect(isAnaphoricOpener('The president flew to the capital.')).toBe(false);
  });

  it('makes an anaphoric continuation a candidate point', () => {
    const a = makeArticle('a', [
      'The council drafted a new package of sanctions against Pellia on Monday.',
      'The package would also freeze the accounts of its central bank and its two largest ports.',
    ]);
    const c = compileTopics([sanctions]);
    const cands = collectCandidates([{ article: a, scores: a.sentences.map((s) => scoreText(c, s.text)) }], sanctions);
    expect(cands.filter((x) => !x.support).map((x) => x.sentence.index)).toEqual([0, 1]);
  });
});
