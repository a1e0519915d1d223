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
 * Each worker holds up to `AHEAD` tasks: the one it runs and the next ones, sent ahead, so it never waits
 * for this thread between two files (a round trip costs it the time this thread takes to get to the
 * message). A worker answers its tasks in the order it got them, so the time limit runs for the oldest
 * task it holds, from when the one before it ended; when a worker is stopped, the tasks sent ahead to it
 * go back to the front of the queue.
 *
 * The worker is `corpus-worker.js` beside this file once compiled; run from TypeScript sources (tsx,
 * vitest) it is `corpus-worker.ts`, loaded through tsx's `tsImport`. When no worker can start, the pool
 * is not available and callers parse on the main thread.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { ArticleAnalysis, EngineConfig } from '../core/briefing.ts';
import type { ParseLimits } from '../core/corpus/limits.ts';
import type { ParsedArticle } from '../core/corpus/parse-article.ts';
import type { Article } from '../core/model.ts';
import { encodeArticle, type StoredAnalysis } from './analysis-codec.ts';
import type { WorkerRequest } from './corpus-worker.ts';
import { spawnWorker } from './worker-spawn.ts';
import { analysisFailed, analysisFrom, parseFailed, withSentenceTexts, type Failure, type ParseMessage } from './worker-results.ts';

/** How long one file may hold a worker before it is reported and skipped. */
export const DEFAULT_TASK_TIMEOUT_MS = 10_000;

/** How many tasks a worker holds at once (the one it runs, and the next ones sent ahead). */
const AHEAD = 3;

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

/** A file parsed and its article analysed in one task (`WorkerPool.load`). */
export interface LoadedInWorker {
  parsed: ParsedArticle;
  /** The analysis of `parsed.article` (absent when the file gave no article). */
  analysis?: ArticleAnalysis;
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
  /**
   * Parses one file's text and analyses its article in one worker task, as `parse` then `analyse` would:
   * the article never crosses the thread twice. The parse and the analysis each have the time limit, and
   * fail as `parse` and `analyse` do (a stuck analysis leaves the parsed article, served empty).
   */
  load(file: string, raw: string, config: EngineConfig, keepStored?: boolean): Promise<LoadedInWorker>;
  /** Stops every worker. */
  close(): Promise<void>;
}

interface Task {
  id: number;
  request: WorkerRequest;
  /** The config of an analysis, sent along the first time a worker meets its id. */
  config?: EngineConfig;
  /** The first part of a two-part answer (the parse of a load); the second part then has its own time limit. */
  partial?: (result: unknown) => void;
  done: (result: unknown) => void;
  fail: (why: Failure) => void;
  /**
   * Held by a worker that fell over with other tasks: which one felled it is not known (the answers it sent before
   * it fell may not have been read), so it runs again alone, and only a fall while it runs alone is its fault.
   */
  suspect?: boolean;
}

/** A live worker and the tasks sent to it, oldest (the one it runs) first. */
interface Slot {
  worker: Worker;
  sent: Task[];
  timer?: NodeJS.Timeout | undefined;
  gone: boolean;
}

type Message = { id: number; result?: unknown; partial?: unknown; error?: string; needConfig?: true };

/** Starts a pool of corpus workers, or returns undefined when worker threads cannot run here. */
export async function startWorkerPool(options: WorkerPoolOptions = {}): Promise<WorkerPool | undefined> {
  const size = options.size ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TASK_TIMEOUT_MS;
  const startTimeoutMs = options.startTimeoutMs ?? 20_000;
  const spawn = () => spawnWorker(startTimeoutMs, options.script, options.warm ?? false);
  let workers: Worker[];
  try {
    workers = await Promise.all(Array.from({ length: size }, spawn));
  } catch {
    return undefined;
  }
  const queue: Task[] = [];
  const slots = new Set<Slot>();
  let nextId = 0;
  let closed = false;
  /** Replacement workers being started: tasks wait for them rather than fail. */
  let starting = 0;

  /** Each config object gets an id; which ids each worker holds (a replacement worker holds none). */
  const configIds = new WeakMap<EngineConfig, number>();
  let nextConfigId = 0;
  const held = new WeakMap<Worker, Set<number>>();
  const withConfig = (worker: Worker, task: Task, force = false): WorkerRequest => {
    const request = task.request;
    if ((request.kind !== 'analyse' && request.kind !== 'load') || !task.config) return request;
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

  /** The time limit of the task a worker runs now (its oldest), from now. */
  const arm = (slot: Slot) => {
    clearTimeout(slot.timer);
    slot.timer = slot.sent.length > 0 ? setTimeout(() => stop(slot, { timeout: true, ms: timeoutMs }), timeoutMs) : undefined;
  };

  const post = (slot: Slot, task: Task, force = false) => {
    slot.sent.push(task);
    if (slot.sent.length === 1) arm(slot);
    slot.worker.postMessage(withConfig(slot.worker, task, force));
  };

  /** Whether a worker may take `task` now: up to `AHEAD` tasks, but a suspect only alone and nothing behind one. */
  const canTake = (slot: Slot, task: Task): boolean => (task.suspect ? slot.sent.length === 0 : slot.sent.length < AHEAD && !slot.sent.some((t) => t.suspect));
  const pump = () => {
    while (queue.length > 0) {
      const next = queue[0]!;
      let best: Slot | undefined;
      for (const s of slots) if (canTake(s, next) && (!best || s.sent.length < best.sent.length)) best = s;
      if (!best) break;
      post(best, queue.shift()!);
    }
    if (slots.size === 0 && starting === 0) for (const t of queue.splice(0)) t.fail({ timeout: false, reason: 'no worker is running' });
  };

  const onMessage = (slot: Slot, msg: Message) => {
    const at = slot.sent.findIndex((t) => t.id === msg.id);
    if (slot.gone || at < 0) return;
    const task = slot.sent[at]!;
    if (msg.needConfig) {
      // The worker let go of this config (it keeps a few): the request goes again, with it, behind those sent since.
      slot.sent.splice(at, 1);
      post(slot, task, true);
    } else if (msg.partial !== undefined) task.partial?.(msg.partial);
    else {
      slot.sent.splice(at, 1);
      if (msg.error !== undefined) task.fail({ timeout: false, reason: msg.error });
      else task.done(msg.result);
    }
    arm(slot);
    pump();
  };

  /** A worker stuck or fallen: its current task fails, the ones sent ahead to it wait for another worker. */
  const stop = (slot: Slot, why: Failure) => {
    if (slot.gone) return;
    slot.gone = true;
    clearTimeout(slot.timer);
    slots.delete(slot);
    void slot.worker.terminate();
    const [current, ...ahead] = slot.sent.splice(0);
    if (closed) {
      current?.fail(why);
      for (const t of ahead) t.fail({ timeout: false, reason: 'the worker pool was closed' });
    } else if (current && !why.timeout && ahead.length > 0) {
      // A fall (not a time limit, which is the oldest task's own) with several tasks held: each runs again alone.
      for (const t of [current, ...ahead]) t.suspect = true;
      queue.unshift(current, ...ahead);
    } else {
      current?.fail(why);
      queue.unshift(...ahead);
    }
    if (!closed) {
      starting++;
      spawn().then(
        (fresh) => {
          starting--;
          if (closed) return void fresh.terminate();
          adopt(fresh);
        },
        () => {
          starting--;
          pump(); // a worker that cannot restart leaves the others to finish
        },
      );
    }
    pump();
  };

  const adopt = (worker: Worker) => {
    const slot: Slot = { worker, sent: [], gone: false };
    worker.on('message', (msg: Message) => onMessage(slot, msg));
    worker.on('error', (err: Error) => stop(slot, { timeout: false, reason: err.message }));
    worker.on('exit', () => stop(slot, { timeout: false, reason: 'the worker stopped' }));
    slots.add(slot);
    pump();
  };
  for (const w of workers) adopt(w);

  const submit = <R>(
    request: WorkerRequest,
    ok: (r: unknown) => R,
    ko: (why: Failure) => R,
    config?: EngineConfig,
    partial?: (r: unknown) => void,
  ): Promise<R> => {
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
      if (partial) task.partial = partial;
      queue.push(task);
      pump();
    });
  };
  const limits = options.limits ? { limits: options.limits } : {};

  return {
    parse(file, raw) {
      return submit(
        { id: nextId++, kind: 'parse', file, raw, ...limits },
        (r) => withSentenceTexts(r as ParseMessage),
        (why) => parseFailed(file, why),
      );
    },
    analyse(article, config, keepStored = false) {
      return submit(
        { id: nextId++, kind: 'analyse', article: encodeArticle(article), configId: configId(config) },
        (r) => analysisFrom(r as StoredAnalysis, article, config, keepStored),
        (why) => analysisFailed(article, why),
        config,
      );
    },
    load(file, raw, config, keepStored = false) {
      // The parse comes first, on its own (a file that gives no article comes whole, as the result).
      let parsed: ParsedArticle | undefined;
      return submit<LoadedInWorker>(
        { id: nextId++, kind: 'load', file, raw, ...limits, configId: configId(config) },
        (r) => {
          if (!parsed) return { parsed: withSentenceTexts(r as ParseMessage) };
          const article = parsed.article;
          return article ? { parsed, analysis: analysisFrom(r as StoredAnalysis, article, config, keepStored) } : { parsed };
        },
        (why) => {
          const article = parsed?.article;
          return parsed && article ? { parsed, analysis: analysisFailed(article, why) } : { parsed: parsed ?? parseFailed(file, why) };
        },
        config,
        (r) => {
          try {
            parsed = withSentenceTexts(r as ParseMessage);
          } catch (err) {
            parsed = parseFailed(file, { timeout: false, reason: `its result was malformed (${err instanceof Error ? err.message : String(err)})` });
          }
        },
      );
    },
    async close() {
      closed = true;
      const closing = [...slots];
      slots.clear();
      const why: Failure = { timeout: false, reason: 'the worker pool was closed' };
      for (const s of closing) {
        s.gone = true;
        clearTimeout(s.timer);
        queue.push(...s.sent.splice(0));
      }
      for (const t of queue.splice(0)) t.fail(why);
      await Promise.all(closing.map((s) => s.worker.terminate()));
    },
  };
}
