/**
 * The worker thread of the parse pool: parses article texts off the main thread. It announces itself
 * with `{ ready: true }` once its modules have loaded, then answers each `{ id, file, raw, limits }`
 * with `{ id, parsed }`.
 */
import { parentPort } from 'node:worker_threads';
import { parseArticle } from '../core/corpus/parse-article.ts';
import type { ParseLimits } from '../core/corpus/limits.ts';

/** A request to the worker. */
export interface ParseRequest {
  id: number;
  file: string;
  raw: string;
  limits?: ParseLimits;
}

const port = parentPort;
if (port) {
  port.on('message', (req: ParseRequest) => {
    port.postMessage({ id: req.id, parsed: parseArticle(req.file, req.raw, req.limits) });
  });
  port.postMessage({ ready: true });
}
