import type { Article } from '../model.ts';
import { stemWord, words } from '../topics/tokenize.ts';
import { STOPWORDS } from './stopwords.ts';

/**
 * Full-text retrieval of articles for a question on a large corpus: an inverted index of the engine's
 * own stems (so retrieval and scoring agree) ranked by BM25, so a free-text digest reads only the
 * articles most about the question instead of every sentence. Postings are typed arrays and a query
 * adds into one reused score array: a question over 10,000 articles allocates almost nothing.
 */

/** One weighted stem of a question. */
export interface SearchTerm {
  stem: string;
  weight: number;
}

/** Finds the articles most relevant to weighted stems. */
export interface ArticleSearch {
  /** Ids of at most `limit` articles, best first (ties in corpus order). */
  top(terms: readonly SearchTerm[], limit: number): string[];
}

/** BM25's term-frequency saturation and length normalisation (the usual values). */
const K1 = 1.2;
const B = 0.75;

const stems = (text: string): string[] => {
  const out: string[] = [];
  for (const w of words(text)) if (w.length > 1 && !STOPWORDS.has(w)) out.push(stemWord(w));
  return out;
};

/** One stem's postings: the articles (by index) that have it and how often. */
interface Postings {
  docs: Int32Array;
  tfs: Int32Array;
}

/** Indexes articles (the headline twice, for weight, then the body) for retrieval. */
export function createArticleSearch(articles: readonly Article[]): ArticleSearch {
  const building = new Map<string, { docs: number[]; tfs: number[] }>();
  const lengths = new Float64Array(articles.length);
  articles.forEach((a, i) => {
    const tf = new Map<string, number>();
    const list = stems(`${a.title}\n${a.title}\n${a.text}`);
    lengths[i] = list.length;
    for (const s of list) tf.set(s, (tf.get(s) ?? 0) + 1);
    for (const [s, n] of tf) {
      let p = building.get(s);
      if (!p) {
        p = { docs: [], tfs: [] };
        building.set(s, p);
      }
      p.docs.push(i);
      p.tfs.push(n);
    }
  });
  const postings = new Map<string, Postings>();
  for (const [s, p] of building) postings.set(s, { docs: Int32Array.from(p.docs), tfs: Int32Array.from(p.tfs) });
  const n = articles.length;
  const avg = n ? lengths.reduce((x, y) => x + y, 0) / n || 1 : 1;
  const norm = lengths.map((len) => K1 * (1 - B + (B * len) / avg));
  const scores = new Float64Array(n);
  return {
    top(terms, limit) {
      if (terms.length === 0 || limit < 1) return [];
      const touched: number[] = [];
      for (const { stem, weight } of terms) {
        const p = postings.get(stem);
        if (!p || !(weight > 0)) continue;
        const df = p.docs.length;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        for (let k = 0; k < df; k++) {
          const d = p.docs[k]!;
          const tf = p.tfs[k]!;
          if (scores[d] === 0) touched.push(d);
          scores[d] = scores[d]! + (weight * idf * tf * (K1 + 1)) / (tf + norm[d]!);
        }
      }
      const best = touched.sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, limit);
      const ids = best.map((d) => articles[d]!.id);
      for (const d of touched) scores[d] = 0;
      return ids;
    },
  };
}
