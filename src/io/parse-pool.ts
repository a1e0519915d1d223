/**
 * A small pool of worker threads that parse article texts, so a large corpus loads without holding
 * the main thread (the bot keeps answering). Each file has a time limit: a worker still busy with one
 * file after it is stopped, the file is reported by name and skipped, and a fresh worker takes over.
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
import type { ParseLimits } from '../core/corpus/limits.ts';
import type { ParsedArticle } from '../core/corpus/parse-article.ts';
import type { ParseRequest } from './parse-worker.ts';

/** How long one file may hold a worker before it is reported and skipped. */
export const DEFAULT_PARSE_TIMEOUT_MS = 10_000;

/** Options of `startParsePool`. */
export interface ParsePoolOptions {
  /** Worker threads (default: the cores less one, at least 1, at most 4). */
  size?: number;
  /** Time limit per file, in milliseconds. */
  timeoutMs?: number;
  limits?: ParseLimits;
  /** How long a worker may take to start (default 20 s). */
  startTimeoutMs?: number;
  /** Another worker script (tests); it must speak the protocol of `parse-worker.ts`. */
  script?: URL;
}

/** A running pool. */
export interface ParsePool {
  /** Parses one file's text in a worker. Never rejects: a stuck or crashed worker becomes an issue naming the file. */
  parse(file: string, raw: string): Promise<ParsedArticle>;
  /** Stops every worker. */
  close(): Promise<void>;
}

interface Task {
  id: number;
  file: string;
  raw: string;
  resolve: (p: ParsedArticle) => void;
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
  const url = script ?? new URL(self.endsWith('.ts') ? './parse-worker.ts' : './parse-worker.js', self);
  if (!url.pathname.endsWith('.ts')) return { source: url, eval: false };
  const api = JSON.stringify(tsxApi(self));
  const target = JSON.stringify(url.href);
  const source = `import(${api}).then((tsx) => tsx.tsImport(${target}, ${target})).catch((err) => { throw err; });`;
  return { source, eval: true };
}

/** Starts one worker; resolves once it reports ready, rejects when it cannot start. */
function spawn(startTimeoutMs: number, script: URL | undefined): Promise<Worker> {
  const { source, eval: isEval } = workerSource(script);
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: isEval });
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

const failed = (file: string, message: string, code: 'too_large' | 'unreadable'): ParsedArticle => ({
  issues: [{ file, code, message, severity: 'error' }],
});

/** Starts a pool of parse workers, or returns undefined when worker threads cannot run here. */
export async function startParsePool(options: ParsePoolOptions = {}): Promise<ParsePool | undefined> {
  const size = options.size ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  const timeoutMs = options.timeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS;
  const startTimeoutMs = options.startTimeoutMs ?? 20_000;
  let workers: Worker[];
  try {
    workers = await Promise.all(Array.from({ length: size }, () => spawn(startTimeoutMs, options.script)));
  } catch {
    return undefined;
  }
  const queue: Task[] = [];
  const idle: Worker[] = [...workers];
  const live = new Set<Worker>(workers);
  let nextId = 0;
  let closed = false;

  const retire = (worker: Worker) => {
    live.delete(worker);
    void worker.terminate();
    if (closed) return;
    spawn(startTimeoutMs, options.script).then(
      (fresh) => {
        if (closed) return void fresh.terminate();
        live.add(fresh);
        idle.push(fresh);
        pump();
      },
      () => pump(), // a worker that cannot restart leaves the others to finish
    );
  };

  const run = (worker: Worker, task: Task) => {
    let settled = false;
    const finish = (result: ParsedArticle, healthy: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      task.resolve(result);
      if (healthy) {
        idle.push(worker);
        pump();
      } else retire(worker);
    };
    const onMessage = (msg: { id: number; parsed: ParsedArticle }) => {
      if (msg.id === task.id) finish(msg.parsed, true);
    };
    const onError = (err: Error) => finish(failed(task.file, `could not be parsed (${err.message}); the other articles are loaded`, 'unreadable'), false);
    const onExit = () => finish(failed(task.file, 'could not be parsed (the parse worker stopped); the other articles are loaded', 'unreadable'), false);
    const timer = setTimeout(
      () => finish(failed(task.file, `parsing took longer than ${timeoutMs / 1000} s and was stopped; the file is skipped — split it or remove what is not article text`, 'too_large'), false),
      timeoutMs,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const req: ParseRequest = { id: task.id, file: task.file, raw: task.raw, ...(options.limits ? { limits: options.limits } : {}) };
    worker.postMessage(req);
  };

  const pump = () => {
    while (idle.length > 0 && queue.length > 0) run(idle.pop()!, queue.shift()!);
    if (live.size === 0) for (const t of queue.splice(0)) t.resolve(failed(t.file, 'could not be parsed: no parse worker is running', 'unreadable'));
  };

  return {
    parse(file, raw) {
      if (closed) return Promise.resolve(failed(file, 'could not be parsed: the parse pool is closed', 'unreadable'));
      return new Promise((resolve) => {
        queue.push({ id: nextId++, file, raw, resolve });
        pump();
      });
    },
    async close() {
      closed = true;
      await Promise.all([...live].map((w) => w.terminate()));
      live.clear();
    },
  };
}
