/**
 * A small pool of worker threads that parse article texts and analyse articles, so a large corpus
 * loads without holding the main thread (the bot keeps answering). Each file has a time limit: a
 * worker still busy with one file after it is stopped, the file is reported by name and skipped, and
 * a fresh worker takes over.
 *
 * Why `node:worker_threads` and not `piscina`: parsing is one pure function per file and the pool
 * needs a per-task time limit that ends the worker; that is ~100 lines here, and piscina's
 * cancellation (AbortSignal) does not stop a task stuck in synchronous code.
 *
 * The worker is `parse-worker.js` beside this file once compiled; run from TypeScript sources (tsx,
 * vitest) it is `parse-worker.ts`, loaded through tsx's `tsImport`. When no worker can start, the pool
 * is not available and callers parse on the main thread.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ArticleAnalysis, EngineConfig } from '../core/briefing.ts';
import type { ParseLimits } from '../core/corpus/limits.ts';
import type { ParsedArticle } from '../core/corpus/parse-article.ts';
import type { Article, InputIssue } from '../core/model.ts';
import { decodeAnalysis, decodeArticle, encodeArticle, keepStoredForm, type StoredAnalysis, type StoredArticle } from './analysis-codec.ts';
import type { WorkerRequest } from './corpus-worker.ts';

const topicIdLists = new WeakMap<EngineConfig, string[]>();
const topicIdsOf = (config: EngineConfig): string[] => {
  let ids = topicIdLists.get(config);
  if (!ids) {
    ids = config.topics.map((t) => t.id);
    topicIdLists.set(config, ids);
  }
  return ids;
};

/** How long one file may hold a worker before it is reported and skipped. */
export const DEFAULT_TASK_TIMEOUT_MS = 10_000;

/** Options of `startWorkerPool`. */
export interface WorkerPoolOptions {
  /** Worker threads (default: the cores less one, at least 1, at most 4). */
  size?: number;
  /** Time limit per file (parse or analysis), in milliseconds. */
  timeoutMs?: number;
  /** Read limits for parsing (default: `DEFAULT_LIMITS`). */
  limits?: ParseLimits;
  /** How long a worker may take to start (default 20 s). */
  startTimeoutMs?: number;
  /** Another worker script (tests); it must speak the protocol of `corpus-worker.ts`. */
  script?: URL;
  /** Load the analysis model in each worker before it takes work (for pools that analyse). */
  warm?: boolean;
}

/** A running pool. */
export interface WorkerPool {
  /** Parses one file's text in a worker. Never rejects: a stuck or crashed worker becomes an issue naming the file. */
  parse(file: string, raw: string): Promise<ParsedArticle>;
  /**
   * Analyses one article in a worker, as `buildBriefing` would. Never rejects: a stuck or crashed
   * worker gives an empty analysis with an `analysis_failed` issue naming the file. With `keepStored`, the
   * form the worker sent is kept for the analysis cache to write as it is (`takeStoredForm`).
   */
  analyse(article: Article, config: EngineConfig, keepStored?: boolean): Promise<ArticleAnalysis>;
  /** Stops every worker. */
  close(): Promise<void>;
}

/** Why a task did not give a result, in words that follow "could not be parsed". */
type Failure = { timeout: true; ms: number } | { timeout: false; reason: string };

interface Task {
  id: number;
  request: WorkerRequest;
  /** The config of an analysis, sent along the first time a worker meets its id. */
  config?: EngineConfig;
  done: (result: unknown) => void;
  fail: (why: Failure) => void;
}

/** Where tsx's ESM API is, to load a TypeScript worker through it (tsx's own `tsImport`). */
function tsxApi(from: string): string {
  const resolve = (import.meta as { resolve?: (s: string) => string }).resolve;
  if (typeof resolve === 'function') return resolve('tsx/esm/api');
  // Test runners that rewrite `import.meta` have no resolve: take the package's documented ESM entry.
  const pkg = createRequire(from).resolve('tsx/package.json');
  return pathToFileURL(join(dirname(pkg), 'dist', 'esm', 'api', 'index.mjs')).href;
}

/**
 * The worker to start: compiled JavaScript directly; a TypeScript script (running from sources under
 * tsx or a test runner) through a two-line bootstrap that imports it with tsx, since Node 20 does not
 * pass `--import` loaders on to worker threads.
 */
function workerSource(script?: URL): { source: string | URL; eval: boolean } {
  const self = import.meta.url;
  const url = script ?? new URL(self.endsWith('.ts') ? './corpus-worker.ts' : './corpus-worker.js', self);
  if (!url.pathname.endsWith('.ts')) return { source: url, eval: false };
  const api = JSON.stringify(tsxApi(self));
  const target = JSON.stringify(url.href);
  const source = `import(${api}).then((tsx) => tsx.tsImport(${target}, ${target})).catch((err) => { throw err; });`;
  return { source, eval: true };
}

/** Starts one worker; resolves once it reports ready, rejects when it cannot start. */
function spawn(startTimeoutMs: number, script: URL | undefined, warm: boolean): Promise<Worker> {
  const { source, eval: isEval } = workerSource(script);
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: isEval, workerData: { warm } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error('the parse worker did not start in time'));
    }, startTimeoutMs);
    worker.once('message', () => {
      clearTimeout(timer);
      worker.on('error', () => {}); // reported by the task it interrupts; an idle worker's error must not crash the process
      resolve(worker);
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/**
 * A parse from a worker with its sentence texts cut from the article's text again. They come packed as the
 * cache stores them, without texts (or, from another worker script, as objects with copies): a structured
 * clone of objects and strings costs about what parsing does, and slices of the one text take a fraction of
 * the memory (2.7 KB less per generated article at 10,000). A malformed one is the file's failure.
 */
function withSentenceTexts(parsed: ParsedArticle): ParsedArticle {
  const a = parsed.article;
  if (a) parsed.article = decodeArticle(a as unknown as StoredArticle);
  return parsed;
}

/** What a parse that gave no result becomes: an issue naming the file. */
function parseFailed(file: string, why: Failure): ParsedArticle {
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
function analysisFailed(article: Article, why: Failure): ArticleAnalysis {
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

/** Starts a pool of corpus workers, or returns undefined when worker threads cannot run here. */
export async function startWorkerPool(options: WorkerPoolOptions = {}): Promise<WorkerPool | undefined> {
  const size = options.size ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TASK_TIMEOUT_MS;
  const startTimeoutMs = options.startTimeoutMs ?? 20_000;
  let workers: Worker[];
  try {
    workers = await Promise.all(Array.from({ length: size }, () => spawn(startTimeoutMs, options.script, options.warm ?? false)));
  } catch {
    return undefined;
  }
  const queue: Task[] = [];
  const idle: Worker[] = [...workers];
  const live = new Set<Worker>(workers);
  let nextId = 0;
  let closed = false;
  /** Replacement workers being started: tasks wait for them rather than fail. */
  let starting = 0;

  const retire = (worker: Worker) => {
    live.delete(worker);
    void worker.terminate();
    if (closed) return;
    starting++;
    spawn(startTimeoutMs, options.script, options.warm ?? false).then(
      (fresh) => {
        starting--;
        if (closed) return void fresh.terminate();
        live.add(fresh);
        idle.push(fresh);
        pump();
      },
      () => {
        starting--;
        pump(); // a worker that cannot restart leaves the others to finish
      },
    );
  };

  const run = (worker: Worker, task: Task) => {
    let settled = false;
    const settle = (healthy: boolean, report: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      report();
      if (healthy) {
        idle.push(worker);
        pump();
      } else retire(worker);
    };
    const onMessage = (msg: { id: number; result?: unknown; error?: string; needConfig?: true }) => {
      if (msg.id !== task.id) return;
      // The worker let go of this config (it keeps a few): send it again with the same request.
      if (msg.needConfig) worker.postMessage(withConfig(worker, task, true));
      else if (msg.error !== undefined) settle(true, () => task.fail({ timeout: false, reason: msg.error as string }));
      else settle(true, () => task.done(msg.result));
    };
    const onError = (err: Error) => settle(false, () => task.fail({ timeout: false, reason: err.message }));
    const onExit = () => settle(false, () => task.fail({ timeout: false, reason: 'the worker stopped' }));
    const timer = setTimeout(() => settle(false, () => task.fail({ timeout: true, ms: timeoutMs })), timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(withConfig(worker, task));
  };

  /** Each config object gets an id; which ids each worker holds (a replacement worker holds none). */
  const configIds = new WeakMap<EngineConfig, number>();
  let nextConfigId = 0;
  const held = new WeakMap<Worker, Set<number>>();
  const withConfig = (worker: Worker, task: Task, force = false): WorkerRequest => {
    const request = task.request;
    if (request.kind !== 'analyse' || !task.config) return request;
    const has = held.get(worker) ?? new Set<number>();
    held.set(worker, has);
    if (has.has(request.configId) && !force) return request;
    has.add(request.configId);
    return { ...request, config: task.config };
  };
  const configId = (config: EngineConfig): number => {
    let id = configIds.get(config);
    if (id === undefined) {
      id = nextConfigId++;
      configIds.set(config, id);
    }
    return id;
  };

  const pump = () => {
    while (idle.length > 0 && queue.length > 0) run(idle.pop()!, queue.shift()!);
    if (live.size === 0 && starting === 0) for (const t of queue.splice(0)) t.fail({ timeout: false, reason: 'no worker is running' });
  };

  const submit = <R>(request: WorkerRequest, ok: (r: unknown) => R, ko: (why: Failure) => R, config?: EngineConfig): Promise<R> => {
    if (closed) return Promise.resolve(ko({ timeout: false, reason: 'the worker pool is closed' }));
    return new Promise((resolve) => {
      const done = (r: unknown) => {
        try {
          resolve(ok(r));
        } catch (err) {
          resolve(ko({ timeout: false, reason: `its result was malformed (${err instanceof Error ? err.message : String(err)})` }));
        }
      };
      const task: Task = { id: request.id, request, done, fail: (why) => resolve(ko(why)) };
      if (config) task.config = config;
      queue.push(task);
      pump();
    });
  };

  return {
    parse(file, raw) {
      const request: WorkerRequest = { id: nextId++, kind: 'parse', file, raw, ...(options.limits ? { limits: options.limits } : {}) };
      return submit(
        request,
        (r) => withSentenceTexts(r as ParsedArticle),
        (why) => parseFailed(file, why),
      );
    },
    analyse(article, config, keepStored = false) {
      return submit(
        { id: nextId++, kind: 'analyse', article: encodeArticle(article), configId: configId(config) },
        (r) => {
          const topicIds = topicIdsOf(config);
          const analysis = decodeAnalysis(r as StoredAnalysis, article, topicIds);
          if (keepStored) keepStoredForm(analysis, r as StoredAnalysis, topicIds);
          return analysis;
        },
        (why) => analysisFailed(article, why),
        config,
      );
    },
    async close() {
      closed = true;
      for (const t of queue.splice(0)) t.fail({ timeout: false, reason: 'the worker pool was closed' });
      await Promise.all([...live].map((w) => w.terminate()));
      live.clear();
    },
  };
}
