import { describe, expect, it } from 'vitest';
import { createArticleSearch } from '../../../src/core/digest/article-search.ts';
import { stemWord } from '../../../src/core/topics/tokenize.ts';
import { makeArticle } from './make-article.ts';

const corpus = [
  makeArticle('a', ['The harbour council met on Monday. Fishing quotas were discussed.']),
  makeArticle('b', ['The levy on harbour dues rose again. The levy angered dockers, and the levy stays.']),
  makeArticle('c', ['A football match ended in a draw on Monday.']),
  makeArticle('d', ['The council discussed the harbour levy once.']),
];
const search = createArticleSearch(corpus);
const t = (word: string, weight = 1) => ({ stem: stemWord(word), weight });

describe('article search', () => {
  it('ranks the articles that use the rare words most, best first, and only those that have them', () => {
    expect(search.top([t('levy')], 10)).toEqual(['b', 'd']);
    expect(search.top([t('harbour'), t('levy')], 10)).toEqual(['b', 'd', 'a']);
  });

  it('weighs each word as asked, and cuts at the limit', () => {
    expect(search.top([t('football', 5), t('council')], 10)[0]).toBe('c');
    expect(search.top([t('football'), t('council', 5)], 10)[0]).not.toBe('c');
    expect(search.top([t('harbour'), t('levy')], 1)).toEqual(['b']);
  });

  it('finds nothing for unknown words, no words or a zero weight, and stays correct across queries', () => {
    expect(search.top([t('zeppelin')], 5)).toEqual([]);
    expect(search.top([], 5)).toEqual([]);
    expect(search.top([t('levy', 0)], 5)).toEqual([]);
    expect(search.top([t('levy')], 10)).toEqual(['b', 'd']);
  });
});
