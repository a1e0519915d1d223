import { describe, expect, it } from 'vitest';
import { collectCandidates } from '../../../src/core/digest/candidates.ts';
import type { TopicDef } from '../../../src/core/model.ts';
import { compileTopics, scoreText } from '../../../src/core/topics/topic-scorer.ts';
import { makeArticle } from './make-article.ts';

const flood: TopicDef = { id: 'flood', title: 'Flood', description: '', terms: [{ term: 'flood*', weight: 3 }] };

/** Each candidate's text with whether it leans on the sentence before it. */
function leaning(sentences: string[]): Record<string, boolean> {
  const a = makeArticle(
    'a',
    sentences.map((s) => `Farmers in the valley sold their grain early this autumn. ${s}`),
  );
  const c = compileTopics([flood]);
  const scored = [{ article: a, scores: a.sentences.map((s) => scoreText(c, s.text)) }];
  return Object.fromEntries(collectCandidates(scored, flood, { minScore: 2 }).map((x) => [x.text, x.leansOnPrevious !== undefined]));
}

describe('sentences that continue the one before them', () => {
  it('lean on it when they open with a sequence word or name a thing only by a demonstrative', () => {
    const got = leaning([
      'Then there are the flood maps, printed on waterproof cards by the town council.',
      'Although hundreds of homes were lost in that flood, the river wardens kept the bridges open.',
      'Two mayors in the delta share this flood plan for the coming spring.',
    ]);
    expect(got).toEqual({
      'Then there are the flood maps, printed on waterproof cards by the town council.': true,
      'Although hundreds of homes were lost in that flood, the river wardens kept the bridges open.': true,
      'Two mayors in the delta share this flood plan for the coming spring.': true,
    });
  });

  it('stand alone when the demonstrative is a time phrase or the sentence introduces its own subject', () => {
    const got = leaning([
      'The worst flood in forty years reached the harbour town of Alder this week.',
      'Engineers said this is the first flood barrier built on the northern coast.',
      'Officials warned that flood water could reach the old mill by Friday.',
    ]);
    expect(got).toEqual({
      'The worst flood in forty years reached the harbour town of Alder this week.': false,
      'Engineers said this is the first flood barrier built on the northern coast.': false,
      'Officials warned that flood water could reach the old mill by Friday.': false,
    });
  });
});
