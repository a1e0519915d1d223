/**
 * The worker thread of the corpus pool: parses article texts and analyses articles off the main
 * thread. It announces itself with `{ ready: true }` once its modules have loaded, then answers each
 * request with `{ id, result }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EngineConfig } from '../core/briefing.ts';
import type { ParseLimits } from '../core/corpus/limits.ts';
import { parseArticle } from '../core/corpus/parse-article.ts';
import type { Article } from '../core/model.ts';

/** A request to the worker: parse one file's text, or analyse one parsed article. */
export type WorkerRequest =
  | { id: number; kind: 'parse'; file: string; raw: string; limits?: ParseLimits }
  | { id: number; kind: 'analyse'; article: Article; config: EngineConfig };

/** Configs seen, by their JSON, so an analysis reuses the topics compiled for the same config. */
const configs = new Map<string, EngineConfig>();

function sameConfig(config: EngineConfig): EngineConfig {
  const key = JSON.stringify(config);
  let c = configs.get(key);
  if (!c) {
    if (configs.size > 8) configs.clear();
    c = config;
    configs.set(key, c);
  }
  return c;
}

/** The engine, imported on first use: a worker that only parses never loads it. */
let engine: typeof import('../core/briefing.ts') | undefined;

/** Loads the engine and what analysis needs (the language model), so no article's time limit pays for it. */
async function warmUp(): Promise<void> {
  engine ??= await import('../core/briefing.ts');
  const parsed = parseArticle('warm-up.txt', 'Warm up\n\n“We are ready,” the minister said on Monday.');
  if (parsed.article) engine.analyseArticle(parsed.article, { topics: [] });
}

const port = parentPort;
if (port) {
  const start = (workerData as { warm?: boolean } | undefined)?.warm ? warmUp() : Promise.resolve();
  void start.then(() => {
    port.on('message', (req: WorkerRequest) => {
      if (req.kind === 'parse') return port.postMessage({ id: req.id, result: parseArticle(req.file, req.raw, req.limits) });
      void (async () => {
        engine ??= await import('../core/briefing.ts');
        port.postMessage({ id: req.id, result: engine.analyseArticle(req.article, sameConfig(req.config)) });
      })();
    });
    port.postMessage({ ready: true });
  });
}
