/**
 * What the corpus workers' answers become on this thread: a parse with its sentence texts cut from the
 * article's text again, an analysis decoded from its stored form, and, for a task that gave no result
 * (stuck, crashed), an issue naming the file.
 */
import type { ArticleAnalysis, EngineConfig } from '../core/briefing.ts';
import { keepShingles } from '../core/corpus/dedupe.ts';
import type { ParsedArticle } from '../core/corpus/parse-article.ts';
import type { Article, InputIssue } from '../core/model.ts';
import { decodeAnalysis, decodeArticle, keepStoredForm, type StoredAnalysis, type StoredArticle } from './analysis-codec.ts';

/** Why a task did not give a result, in words that follow "could not be parsed". */
export type Failure = { timeout: true; ms: number } | { timeout: false; reason: string };

/** A parse as a worker sends it: the article packed as the cache stores it, with its shingle hashes for the duplicate check. */
export type ParseMessage = ParsedArticle & { shingles?: Uint32Array };

/**
 * A parse from a worker with its sentence texts cut from the article's text again. They come packed as the
 * cache stores them, without texts (or, from another worker script, as objects with copies): a structured
 * clone of objects and strings costs about what parsing does, and slices of the one text take a fraction of
 * the memory (2.7 KB less per generated article at 10,000). The shingle hashes sent along are kept for the
 * article's duplicate check. A malformed one is the file's failure.
 */
export function withSentenceTexts(message: ParseMessage): ParsedArticle {
  const { shingles, ...parsed } = message;
  const a = parsed.article;
  if (a) {
    parsed.article = decodeArticle(a as unknown as StoredArticle);
    if (shingles instanceof Uint32Array) keepShingles(parsed.article, shingles);
  }
  return parsed;
}

/** What a parse that gave no result becomes: an issue naming the file. */
export function parseFailed(file: string, why: Failure): ParsedArticle {
  const issue: InputIssue = why.timeout
    ? {
        file,
        code: 'too_large',
        severity: 'error',
        message: `parsing took longer than ${why.ms / 1000} s and was stopped; the file is skipped — split it or remove what is not article text`,
      }
    : { file, code: 'unreadable', severity: 'error', message: `could not be parsed (${why.reason}); the other articles are loaded` };
  return { issues: [issue] };
}

/** What an analysis that gave no result becomes: the article with nothing found in it, and an issue naming the file. */
export function analysisFailed(article: Article, why: Failure): ArticleAnalysis {
  const reason = why.timeout ? `it took longer than ${why.ms / 1000} s and was stopped` : why.reason;
  return {
    article,
    scores: [],
    statements: [],
    events: [],
    disputes: [],
    issues: [
      {
        file: article.file,
        code: 'analysis_failed',
        severity: 'warning',
        stage: 'analysis',
        message: `${article.file}: the analysis failed (${reason}); the article is served without statements, events or topics`,
      },
    ],
  };
}

const topicIdLists = new WeakMap<EngineConfig, string[]>();

/** The config's topic ids, one list per config object. */
function topicIdsOf(config: EngineConfig): string[] {
  let ids = topicIdLists.get(config);
  if (!ids) {
    ids = config.topics.map((t) => t.id);
    topicIdLists.set(config, ids);
  }
  return ids;
}

/** An analysis from a worker's stored form; with `keepStored`, the form is kept for the analysis cache to write as it is. */
export function analysisFrom(stored: StoredAnalysis, article: Article, config: EngineConfig, keepStored: boolean): ArticleAnalysis {
  const topicIds = topicIdsOf(config);
  const analysis = decodeAnalysis(stored, article, topicIds);
  if (keepStored) keepStoredForm(analysis, stored, topicIds);
  return analysis;
}
