/**
 * The live briefing: the corpus folders (the configured sample plus the data folder's `corpus/`) loaded
 * with `loadCorpus` each and combined, then kept up to date as articles are added, changed or deleted.
 */
import { watch, type FSWatcher } from 'node:fs';
import { access } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { buildBriefing, type ArticleAnalysis, type Briefing, type EngineConfig } from '../core/briefing.ts';
import type { Article, InputIssue } from '../core/model.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { openAnalysisCache, type AnalysisCache, type CacheStats } from '../io/analysis-cache.ts';
import { analyseInWorkers } from '../io/analyse-corpus.ts';
import { readBriefingState, usableState, writeBriefingState } from '../io/briefing-state.ts';
import type { EngineFingerprint } from '../io/engine-fingerprint.ts';
import { loadArticleFile, loadCorpus, type LoadOptions } from '../io/load-corpus.ts';

/** The live briefing of a running bot: built once, then updated as articles are added to the folders. */
export interface BriefingService {
  /** The briefing as of now. */
  current(): Briefing;
  /** Problems found with the input so far. */
  issues(): InputIssue[];
  /** The corpus folders, absolute, in load order. */
  corpusDirs: string[];
  /** Loads one more article file (a path, or a name in the first folder) into the briefing; a file gone is removed. */
  addFile(file: string): Promise<InputIssue[]>;
  /** Resolves once the analysis cache has written what it has (a no-op without a cache). */
  settled(): Promise<void>;
  /** What the analysis cache found at start (undefined without a cache). */
  cacheStats(): CacheStats | undefined;
  /** True when the start used the corpus-wide state an earlier process kept (topic index, disputes, duplicates). */
  readonly restoredState: boolean;
  /** Starts watching every corpus folder that exists: new or changed `.txt`/`.md` files are added, deleted ones removed. Returns a stop function. */
  watch(): () => void;
  close(): void;
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** Where the configured corpus is: an explicit folder, else the config's, relative to the project (the config folder's parent). */
export function resolveCorpusDir(config: LoadedConfig, corpusDir?: string): string {
  if (corpusDir) return path.resolve(corpusDir);
  return path.resolve(path.dirname(config.dir), config.briefing.corpus);
}

/** The engine's settings from the config. */
export function engineConfig(config: LoadedConfig): EngineConfig {
  return {
    topics: config.briefing.topics,
    maxPoints: config.briefing.defaults.maxPoints,
    ...(config.speakers ? { speakers: config.speakers } : {}),
    parties: config.parties.parties,
  };
}

/** Loads every folder (a missing optional folder is skipped) and builds one briefing over them all. */
export async function openBriefingService(opts: {
  config: LoadedConfig;
  corpusDirs: string[];
  optionalDirs?: string[];
  logger?: Logger;
  /** The folder of the analysis cache (`$BRIEFING_DATA_DIR/cache`); without it every start analyses afresh. */
  cacheDir?: string;
  /** Wait for the cache to be written before resolving (a command line that exits right after). */
  awaitCache?: boolean;
  /** Analyse in worker threads: `'auto'` (default) from `ANALYSIS_WORKER_THRESHOLD` articles still to analyse. */
  workers?: boolean | 'auto';
  /** The engine's fingerprints for the cache (tests; default: of the code this process runs). */
  fingerprint?: EngineFingerprint;
  /** How long after its last write a file is found by its stamp without reading it (tests; default 2 s). */
  stampMarginMs?: number;
  /**
   * How long after the start (and after the last change) the corpus-wide state (topic index, merged
   * disputes) is computed, when it is not yet, and kept beside the cache for the next start (default 5 s;
   * `settled()` keeps what is computed by then at once).
   */
  stateDelayMs?: number;
}): Promise<BriefingService> {
  const { config, logger } = opts;
  const engine = engineConfig(config);
  const storedState = opts.cacheDir ? readBriefingState(opts.cacheDir, logger) : undefined;
  const cache = opts.cacheDir
    ? await openAnalysisCache({
        dir: opts.cacheDir,
        config: engine,
        ...(logger ? { logger } : {}),
        ...(opts.fingerprint ? { fingerprint: opts.fingerprint } : {}),
        ...(opts.stampMarginMs !== undefined ? { stampMarginMs: opts.stampMarginMs } : {}),
      })
    : undefined;
  // (Files are looked up by stamp only when the cache holds records: a cold start does not take every file's status twice.)
  const hooks: LoadOptions = cache ? { reuse: cache.parsed, onParsed: cache.noteParse, ...(cache.stats.records > 0 ? { known: cache.known } : {}) } : {};
  const optional = new Set((opts.optionalDirs ?? []).map((d) => path.resolve(d)));
  const dirs: string[] = [];
  for (const d of opts.corpusDirs.map((x) => path.resolve(x))) if (!optional.has(d) || (await exists(d))) dirs.push(d);
  const articles = [];
  const issues: InputIssue[] = [];
  // The workers that parse a file analyse its article in the same task (it crosses the thread once).
  const inWorkers = new Map<string, ArticleAnalysis>();
  const analyse = opts.workers === false ? {} : { analyse: { config: engine, keepStored: cache !== undefined } };
  for (const dir of dirs) {
    const loaded = await loadCorpus(dir, { ...hooks, ...analyse });
    articles.push(...loaded.articles);
    issues.push(...loaded.issues);
    for (const [id, a] of loaded.analyses ?? []) inWorkers.set(id, a);
  }
  const { found: analysed, cached } = await analyses(articles, engine, cache, opts.workers ?? 'auto', inWorkers);
  const saved = cache ? usableState(await storedState, cache.analysisKey, cache.keyOf) : undefined;
  let briefing = buildBriefing(articles, engine, issues, analysed, saved);
  // The briefing whose corpus-wide state is the one on disk (nothing to write while it is current).
  let stateOf: Briefing | undefined =
    saved?.topicIndex && saved.disputes && saved.timeline && saved.covered.length === briefing.articles.filter((a) => !a.duplicateOf).length
      ? briefing
      : undefined;
  let stateTimer: NodeJS.Timeout | undefined;
  let stateWrite: Promise<unknown> = Promise.resolve();
  const saveState = (compute: boolean): Promise<unknown> => {
    const b = briefing;
    if (!cache || !opts.cacheDir || (b === stateOf && b.heldSaved({ check: compute }))) return stateWrite;
    const state = b.saved({ compute });
    if (!state.topicIndex) return stateWrite;
    const keys: [string, string][] = [];
    for (const id of new Set([...state.covered, ...(state.articles ?? [])])) {
      const k = cache.keyOf(id);
      if (k === undefined) return stateWrite;
      keys.push([id, k]);
    }
    stateOf = b;
    const dir = opts.cacheDir;
    stateWrite = stateWrite.then(() => writeBriefingState(dir, { key: cache.analysisKey, articles: keys, saved: state }, logger));
    return stateWrite;
  };
  const scheduleState = () => {
    if (!cache) return;
    clearTimeout(stateTimer);
    stateTimer = setTimeout(() => {
      stateTimer = undefined;
      void saveState(true);
    }, opts.stateDelayMs ?? 5000);
    stateTimer.unref();
  };
  scheduleState();
  const keep = (ids: Iterable<string>) => {
    if (!cache) return Promise.resolve();
    for (const id of ids) {
      const a = briefing.analysisOf(id);
      // A worker that was stopped (a time limit) says nothing about the article: that is not kept.
      if (a && !a.skipped && !a.issues.some((i) => i.stage === 'analysis')) cache.put(a);
    }
    return cache.persist();
  };
  const written = keep(articles.filter((a) => !cached.has(a.id)).map((a) => a.id));
  if (opts.awaitCache) await written;
  for (const issue of issues) logger?.warn({ file: issue.file, code: issue.code }, issue.message);
  const watchers: FSWatcher[] = [];
  const timers = new Map<string, NodeJS.Timeout>();

  // Problems with files that arrived later and could not be loaded, by file (cleared when the file loads).
  const later = new Map<string, InputIssue[]>();
  const addFile = async (file: string): Promise<InputIssue[]> => {
    const full = path.resolve(dirs[0] ?? '.', file);
    if (!(await exists(full))) {
      // The file was deleted (or renamed away): its article leaves the briefing.
      const gone = briefing.articles.filter((a) => a.file === path.basename(full)).map((a) => a.id);
      if (gone.length) {
        briefing = briefing.withoutArticles(gone);
        scheduleState();
        logger?.info({ articles: gone }, 'article removed from the briefing');
      }
      later.delete(full);
      return [];
    }
    const parsed = await loadArticleFile(full, hooks);
    if (parsed.article) {
      briefing = briefing.withArticles([parsed.article], parsed.issues);
      later.delete(full);
      void keep([parsed.article.id]);
      scheduleState();
    } else later.set(full, parsed.issues);
    for (const issue of parsed.issues) logger?.warn({ file: issue.file, code: issue.code }, issue.message);
    if (parsed.article) logger?.info({ article: parsed.article.id }, 'article added to the briefing');
    return parsed.issues;
  };

  const close = () => {
    for (const w of watchers.splice(0)) w.close();
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
    clearTimeout(stateTimer);
  };

  const watchDir = (dir: string) => {
    const watcher = watch(dir, (_event, name) => {
      if (!name || !/\.(txt|md)$/i.test(name)) return;
      const full = path.join(dir, name);
      // Editors and copies write in several steps: wait for the file to settle.
      clearTimeout(timers.get(full));
      timers.set(
        full,
        setTimeout(() => {
          timers.delete(full);
          addFile(full).catch((err: unknown) => logger?.error({ err, file: full }, 'could not add article'));
        }, 250),
      );
    });
    watcher.on('error', (err) => logger?.error({ err, dir }, 'corpus watcher failed'));
    watchers.push(watcher);
  };

  return {
    corpusDirs: dirs,
    current: () => briefing,
    issues: () => [...briefing.issues, ...[...later.values()].flat()],
    addFile,
    settled: async () => {
      await cache?.persist();
      await saveState(false);
    },
    cacheStats: () => cache?.stats,
    restoredState: saved !== undefined,
    watch() {
      if (watchers.length === 0) for (const dir of dirs) watchDir(dir);
      return close;
    },
    close,
  };
}

/**
 * The analyses already made of the articles: from the cache, by the workers that parsed them (`made`), then,
 * for the rest (each distinct text once; an exact copy is a duplicate the engine does not analyse), from
 * worker threads when there are enough of them. What is not found here is analysed by `buildBriefing` on
 * this thread.
 */
async function analyses(
  articles: Article[],
  engine: EngineConfig,
  cache: AnalysisCache | undefined,
  workers: boolean | 'auto',
  made: ReadonlyMap<string, ArticleAnalysis>,
): Promise<{ found: Map<string, ArticleAnalysis>; cached: Set<string> }> {
  const found = new Map<string, ArticleAnalysis>();
  const cached = new Set<string>();
  const texts = new Set<string>();
  const missing: Article[] = [];
  for (const a of articles) {
    const hit = cache?.analysis(a);
    const copy = texts.has(a.text);
    texts.add(a.text);
    if (hit) {
      found.set(a.id, hit);
      cached.add(a.id);
      continue;
    }
    // An exact copy's analysis made anyway (its worker did not know) is dropped, as if it had not been made.
    if (copy) continue;
    const ready = made.get(a.id);
    if (ready?.article === a) found.set(a.id, ready);
    else missing.push(a);
  }
  const rest = await analyseInWorkers(missing, engine, { workers, size: availableParallelism(), keepStored: cache !== undefined });
  for (const [id, a] of rest ?? []) found.set(id, a);
  return { found, cached };
}
