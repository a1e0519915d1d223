/**
 * The worker thread of the corpus pool: parses article texts and analyses articles off the main
 * thread. It announces itself with `{ ready: true }` once its modules have loaded, then answers each
 * request with `{ id, result }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EngineConfig } from '../core/briefing.ts';
import type { ParseLimits } from '../core/corpus/limits.ts';
import { parseArticle } from '../core/corpus/parse-article.ts';
import { decodeArticle, encodeAnalysis, encodeArticle, type StoredArticle } from './analysis-codec.ts';

/**
 * A request to the worker: parse one file's text, or analyse one parsed article. An analysis names its
 * config by the pool's id for it; the config itself comes with the first request of that id a worker
 * gets, so it crosses the thread once per worker, not once per article.
 */
export type WorkerRequest =
  | { id: number; kind: 'parse'; file: string; raw: string; limits?: ParseLimits }
  // The article as the cache stores it (sentences packed, no sentence texts): a structured clone of it costs a
  // fraction of the parsed object's, on both sides.
  | { id: number; kind: 'analyse'; article: StoredArticle; configId: number; config?: EngineConfig };

/** Configs sent by the pool, by id, with their topic ids: an analysis reuses the topics compiled for its config. */
const configs = new Map<number, { config: EngineConfig; topicIds: string[] }>();

/** The request's config: sent with it, or kept from an earlier one; undefined when this worker let it go. */
function configOf(req: { configId: number; config?: EngineConfig }): { config: EngineConfig; topicIds: string[] } | undefined {
  if (req.config) {
    if (configs.size >= 8) configs.clear();
    configs.set(req.configId, { config: req.config, topicIds: req.config.topics.map((t) => t.id) });
  }
  return configs.get(req.configId);
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
      if (req.kind === 'parse') {
        const parsed = parseArticle(req.file, req.raw, req.limits);
        // Packed as the cache stores it, without sentence texts (slices of the article's text, which the pool
        // cuts again on its side): a structured clone of flat number lists costs far less than of objects.
        return port.postMessage({ id: req.id, result: parsed.article ? { ...parsed, article: encodeArticle(parsed.article) } : parsed });
      }
      void (async () => {
        engine ??= await import('../core/briefing.ts');
        const known = configOf(req);
        if (!known) return port.postMessage({ id: req.id, needConfig: true });
        // Sent back as the cache stores it: without the article the pool holds, nor what its text gives back.
        port.postMessage({ id: req.id, result: encodeAnalysis(engine.analyseArticle(decodeArticle(req.article), known.config), known.topicIds) });
      })().catch((err: unknown) => port.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) }));
    });
    port.postMessage({ ready: true });
  });
}
