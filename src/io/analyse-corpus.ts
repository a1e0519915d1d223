/**
 * Analyses a corpus's articles in worker threads, so building a briefing over a large corpus does
 * not hold the main thread: pass the result to `buildBriefing(articles, config, issues, analysed)`.
 * Each article has a time limit; one that holds a worker past it is served empty and reported.
 */
import type { ArticleAnalysis, EngineConfig } from '../core/briefing.ts';
import type { Article } from '../core/model.ts';
import { startWorkerPool } from './worker-pool.ts';

/** From how many articles `analyseInWorkers` uses workers by default. */
export const ANALYSIS_WORKER_THRESHOLD = 64;

/** Options of `analyseInWorkers`. */
export interface AnalyseOptions {
  /** `true`, `false`, or `'auto'` (the default: from `ANALYSIS_WORKER_THRESHOLD` articles). */
  workers?: boolean | 'auto';
  /** Worker threads (default: the cores less one, at least 1). */
  size?: number;
  /** Time limit per article, in milliseconds. */
  timeoutMs?: number;
  /** Keep each analysis's stored form for the analysis cache to write as it is (when a cache will). */
  keepStored?: boolean;
}

/**
 * The analyses of `articles` made in worker threads, by article id; undefined when workers are not
 * wanted or cannot start, and `buildBriefing` then analyses on the main thread as before.
 */
export async function analyseInWorkers(
  articles: Article[],
  config: EngineConfig,
  options: AnalyseOptions = {},
): Promise<Map<string, ArticleAnalysis> | undefined> {
  const wanted = options.workers ?? 'auto';
  if (wanted === false || (wanted === 'auto' && articles.length < ANALYSIS_WORKER_THRESHOLD)) return undefined;
  const pool = await startWorkerPool({
    warm: true,
    ...(options.size ? { size: options.size } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  if (!pool) return undefined;
  try {
    const done = await Promise.all(articles.map((a) => pool.analyse(a, config, options.keepStored)));
    return new Map(done.map((a) => [a.article.id, a]));
  } finally {
    await pool.close();
  }
}
