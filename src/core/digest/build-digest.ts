import type { Article, Digest, TopicDef } from '../model.ts';

/** One article with its per-sentence topic scores, as the digest sees it. */
export interface ScoredArticle {
  article: Article;
  /** `scores[i][topicId]` is sentence i's relevance to that topic. */
  scores: Record<string, number>[];
}

/** What a digest is built from. */
export interface DigestInput {
  topic: TopicDef;
  articles: ScoredArticle[];
  /** At most this many points. */
  max: number;
}

/** Builds a topic digest: relevant, corroborated, non-redundant points, each citing every source. */
export function buildDigest(input: DigestInput): Digest {
  // STUB: replaced by the digest implementation.
  const items = input.articles
    .flatMap((a) => a.article.sentences.map((s) => ({ a: a.article, s, score: a.scores[s.index]?.[input.topic.id] ?? 0 })))
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score)
    .slice(0, input.max)
    .map((x) => ({
      text: x.s.text,
      sources: [{ article: x.a.id, title: x.a.title }],
      evidence: [{ article: x.a.id, sentence: x.s.index, span: x.s.span }],
    }));
  return { topic: input.topic.id, title: input.topic.title, items };
}
