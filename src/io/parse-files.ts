/**
 * Parsing the files of a corpus as they are read: in worker threads once enough files wait to be parsed
 * (or when asked), each file sent as soon as it is read, so reading, starting the workers and parsing
 * overlap; otherwise on the main thread once every file is read, in slices that let the bot answer.
 * Asked to, a worker analyses each article it parsed in the same task (`ParseOptions.analyse`).
 */
import type { ArticleAnalysis, EngineConfig } from '../core/briefing.ts';
import type { ParseLimits } from '../core/corpus/limits.ts';
import { parseArticle } from '../core/corpus/parse-article.ts';
import type { Article, InputIssue } from '../core/model.ts';
import { availableParallelism } from 'node:os';
import { timeSlices } from './time-slices.ts';
import { startWorkerPool, type WorkerPool } from './worker-pool.ts';

/** Where a file is and what its status says of its content: the same stamp, the same bytes (short of forging the change time). */
export interface FileStamp {
  /** Absolute path, links resolved. */
  path: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

/** A file read from disk, checked, not yet parsed. */
export interface ReadFile {
  file: string;
  raw: string;
  mtime: Date;
  stamp: FileStamp;
}

/** The result of loading one file. */
export interface LoadedFile {
  article?: Article;
  issues: InputIssue[];
  /** The article's analysis, made by the worker that parsed it (`ParseOptions.analyse`). */
  analysis?: ArticleAnalysis;
}

/** How files are parsed (part of `LoadOptions`). */
export interface ParseOptions {
  /** How much of each article is read (default: `DEFAULT_LIMITS`). */
  limits?: ParseLimits;
  /**
   * Parse in worker threads, off the main thread: `true`, `false`, or `'auto'` (the default: when the
   * folder has at least `WORKER_THRESHOLD` files to parse and workers can start; otherwise on the main thread).
   */
  workers?: boolean | 'auto';
  /** With workers: how long one file may take to parse (and then to analyse) before it is reported and skipped. */
  parseTimeoutMs?: number;
  /** A parse made earlier of exactly this file name and text (the analysis cache), used instead of parsing again. */
  reuse?: (file: string, raw: string, stamp: FileStamp) => LoadedFile | undefined;
  /** Told of every parse made now (the analysis cache records it). */
  onParsed?: (file: string, raw: string, result: LoadedFile, stamp: FileStamp) => void;
  /**
   * With workers: each article is analysed with this config by the worker that parsed it, in the same task
   * (`LoadedFile.analysis`; the article does not cross the thread again); with `keepStored`, the form the
   * worker sent is kept for the analysis cache to write as it is. On the main thread, nothing is analysed.
   */
  analyse?: { config: EngineConfig; keepStored?: boolean };
}

/**
 * From how many files `loadCorpus` parses in worker threads by default. Below it, parsing on the
 * main thread costs less than starting a worker (an article parses in well under a millisecond, and
 * the read limits bound the worst one), and it yields to the event loop between files.
 */
export const WORKER_THRESHOLD = 500;

/** How long inline parsing runs before it lets the event loop answer (milliseconds). */
const SLICE_MS = 20;

/** Sets `addedAt` on a parsed article from its file's time. */
export function finish(read: Pick<ReadFile, 'mtime'>, parsed: LoadedFile): LoadedFile {
  if (parsed.article) parsed.article.addedAt = read.mtime.toISOString();
  return parsed;
}

/** Reports a parse made now to `onParsed`, and returns it. */
export function parsedNow(read: ReadFile, parsed: LoadedFile, options: ParseOptions): LoadedFile {
  options.onParsed?.(read.file, read.raw, parsed, read.stamp);
  return parsed;
}

/** A file waiting to be parsed, and who waits for its result. */
interface Waiting {
  read: ReadFile;
  resolve: (loaded: LoadedFile) => void;
}

/** Parses the files given to it as they are read; `done()` once all are given. */
export interface Parsing {
  /** The file's parse: an earlier one (`reuse`), or one to come. */
  take(read: ReadFile): LoadedFile | Promise<LoadedFile>;
  /** Every file is given: parses what waits (on this thread, when no worker took it) and stops the workers. */
  done(): Promise<void>;
}

/** Starts parsing a corpus's files (see the module's comment). */
export function parsing(options: ParseOptions): Parsing {
  const wanted = options.workers ?? 'auto';
  const waiting: Waiting[] = [];
  const sent: Promise<void>[] = [];
  let pool: Promise<WorkerPool | undefined> | undefined;

  const inWorker = async (p: WorkerPool, w: Waiting): Promise<void> => {
    const { read } = w;
    const a = options.analyse;
    if (!a) return w.resolve(finish(read, parsedNow(read, await p.parse(read.file, read.raw), options)));
    const { parsed, analysis } = await p.load(read.file, read.raw, a.config, a.keepStored);
    const loaded = finish(read, parsedNow(read, parsed, options));
    w.resolve(analysis ? { ...loaded, analysis } : loaded);
  };

  /** Sends what waits to the workers, starting them once enough files wait (or at once when asked). */
  const send = () => {
    if (!pool && (wanted === true || (wanted === 'auto' && waiting.length >= WORKER_THRESHOLD))) {
      pool = startWorkerPool({
        size: availableParallelism(),
        // A pool that analyses loads the language model in each worker before it takes work (no file's time limit pays for it).
        ...(options.analyse ? { warm: true } : {}),
        ...(options.limits ? { limits: options.limits } : {}),
        ...(options.parseTimeoutMs ? { timeoutMs: options.parseTimeoutMs } : {}),
      });
    }
    if (!pool) return;
    const started = pool;
    for (const w of waiting.splice(0)) {
      // Without workers (none could start), the file waits to be parsed here.
      sent.push(started.then((p) => (p ? inWorker(p, w) : void waiting.push(w))));
    }
  };

  return {
    take(read) {
      const reused = options.reuse?.(read.file, read.raw, read.stamp);
      if (reused) return finish(read, reused);
      return new Promise<LoadedFile>((resolve) => {
        waiting.push({ read, resolve });
        send();
      });
    },
    async done() {
      const started = await pool;
      try {
        await Promise.all(sent);
      } finally {
        await started?.close();
      }
      const pause = timeSlices(SLICE_MS);
      for (const { read, resolve } of waiting.splice(0)) {
        resolve(finish(read, parsedNow(read, parseArticle(read.file, read.raw, options.limits), options)));
        const paused = pause(); // the bot answers between files
        if (paused) await paused;
      }
    },
  };
}
