import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../src/core/digest/build-digest.ts';
import type { Article, TopicDef } from '../../../src/core/model.ts';
import { compileTopics, scoreText } from '../../../src/core/topics/topic-scorer.ts';
import { makeArticle } from './make-article.ts';

const truce: TopicDef = { id: 'truce', title: 'Truce', description: '', terms: [{ term: 'truce', weight: 3 }] };

function digest(article: Article) {
  const c = compileTopics([truce]);
  const articles = [{ article, scores: article.sentences.map((s) => scoreText(c, s.text)) }];
  return buildDigest({ topic: truce, articles, max: 5 }).items.map((i) => i.text);
}

describe('points that lean on the sentence before them', () => {
  it('come in once their antecedent is chosen', () => {
    const a = makeArticle('a', [
      'A senior official claimed that both armies had broken the truce twice near the river crossing.',
      'Ministers denied this, calling the truce report false and politically motivated.',
    ]);
    expect(digest(a)).toEqual([
      'A senior official claimed that both armies had broken the truce twice near the river crossing.',
      'Ministers denied this, calling the truce report false and politically motivated.',
    ]);
  });

  it('stay out when their antecedent is not a point', () => {
    const a = makeArticle('a', [
      'Farmers brought their cattle to the market in the old town square on Monday.',
      'Prices for grain and milk were slightly higher than a year ago, traders said.',
      'The weather stayed calm near the river crossing for most of the afternoon.',
      'Ministers denied this, calling the truce report false and politically motivated.',
    ]);
    expect(digest(a)).toEqual([]);
  });
});
