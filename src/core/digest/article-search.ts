import MiniSearch from 'minisearch';
import type { Article } from '../model.ts';
import { stemWord, words } from '../topics/tokenize.ts';
import { STOPWORDS } from './stopwords.ts';

/**
 * Full-text retrieval of articles for a question on a large corpus, with MiniSearch (BM25+ ranking,
 * incremental add and remove), so a free-text digest reads only the articles most about the question
 * instead of every sentence. Terms are the engine's own stems, so retrieval and scoring agree.
 */

/** One weighted stem of a question. */
export interface SearchTerm {
  stem: string;
  weight: number;
}

/** Finds the articles most relevant to weighted stems. */
export interface ArticleSearch {
  /** Ids of at most `limit` articles, best first. */
  top(terms: readonly SearchTerm[], limit: number): string[];
}

const stems = (text: string): string[] => {
  const out: string[] = [];
  for (const w of words(text)) if (w.length > 1 && !STOPWORDS.has(w)) out.push(stemWord(w));
  return out;
};

/** Indexes articles (title and body) for retrieval. */
export function createArticleSearch(articles: readonly Article[]): ArticleSearch {
  // One field (the headline twice, for weight, then the body): a query scores each posting once.
  const index = new MiniSearch<{ id: string; text: string }>({
    fields: ['text'],
    tokenize: stems,
    processTerm: (t) => t,
    searchOptions: { tokenize: (q) => q.split(' '), processTerm: (t) => t },
  });
  index.addAll(articles.map((a) => ({ id: a.id, text: `${a.title}\n${a.title}\n${a.text}` })));
  return {
    top(terms, limit) {
      if (terms.length === 0) return [];
      const weightOf = new Map(terms.map((t) => [t.stem, t.weight]));
      const hits = index.search(terms.map((t) => t.stem).join(' '), {
        combineWith: 'OR',
        boostTerm: (term) => weightOf.get(term) ?? 1,
      });
      return hits.slice(0, limit).map((h) => String(h.id));
    },
  };
}
