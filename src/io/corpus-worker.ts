/**
 * The worker thread of the corpus pool: parses article texts and analyses articles off the main
 * thread. It announces itself with `{ ready: true }` once its modules have loaded, then answers each
 * request with `{ id, result }`, in the order the requests came. A load (parse, then analysis) answers
 * twice: `{ id, partial }` with the parse as soon as it is made, then `{ id, result }` with the analysis.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EngineConfig } from '../core/briefing.ts';
import { articleShingles } from '../core/corpus/dedupe.ts';
import type { ParseLimits } from '../core/corpus/limits.ts';
import { parseArticle, type ParsedArticle } from '../core/corpus/parse-article.ts';
import { decodeArticle, encodeAnalysis, encodeArticle, type StoredArticle } from './analysis-codec.ts';

/**
 * A request to the worker: parse one file's text, analyse one parsed article, or both (load). An analysis
 * names its config by the pool's id for it; the config itself comes with the first request of that id a
 * worker gets, so it crosses the thread once per worker, not once per article.
 */
export type WorkerRequest =
  | { id: number; kind: 'parse'; file: string; raw: string; limits?: ParseLimits }
  // The article as the cache stores it (sentences packed, no sentence texts): a structured clone of it costs a
  // fraction of the parsed object's, on both sides.
  | { id: number; kind: 'analyse'; article: StoredArticle; configId: number; config?: EngineConfig }
  | { id: number; kind: 'load'; file: string; raw: string; limits?: ParseLimits; configId: number; config?: EngineConfig };

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

/**
 * A parse as it crosses to the pool: packed as the cache stores it, without sentence texts (slices of the
 * article's text, which the pool cuts again on its side; a structured clone of flat number lists costs far
 * less than of objects), with the shingle hashes of its duplicate check, moved rather than copied.
 */
function send(port: NonNullable<typeof parentPort>, id: number, parsed: ParsedArticle, key: 'result' | 'partial'): void {
  if (!parsed.article) {
    port.postMessage({ id, [key]: parsed });
    return;
  }
  const shingles = articleShingles(parsed.article);
  port.postMessage({ id, [key]: { ...parsed, article: encodeArticle(parsed.article), shingles } }, [shingles.buffer as ArrayBuffer]);
}

/** Answers one request (the engine loaded when it analyses). */
function answer(port: NonNullable<typeof parentPort>, req: WorkerRequest): void {
  if (req.kind === 'parse') {
    send(port, req.id, parseArticle(req.file, req.raw, req.limits), 'result');
    return;
  }
  const known = configOf(req);
  if (!known) {
    port.postMessage({ id: req.id, needConfig: true });
    return;
  }
  const article = req.kind === 'load' ? loadArticle(port, req) : decodeArticle(req.article);
  if (!article) return;
  // Sent back as the cache stores it: without the article the pool holds, nor what its text gives back.
  port.postMessage({ id: req.id, result: encodeAnalysis(engine!.analyseArticle(article, known.config), known.topicIds) });
}

/** A load's parse, sent at once; its article, for the analysis, unless the file gave none (then the parse was the answer). */
function loadArticle(port: NonNullable<typeof parentPort>, req: Extract<WorkerRequest, { kind: 'load' }>) {
  const parsed = parseArticle(req.file, req.raw, req.limits);
  send(port, req.id, parsed, parsed.article ? 'partial' : 'result');
  return parsed.article;
}

const port = parentPort;
if (port) {
  const start = (workerData as { warm?: boolean } | undefined)?.warm ? warmUp() : Promise.resolve();
  void start.then(() => {
    // One request at a time, in the order they came (the pool times the oldest one it sent): while the engine
    // loads, the requests that came meanwhile wait their turn behind the first that needs it.
    let waiting = 0;
    let chain: Promise<void> = Promise.resolve();
    const run = (req: WorkerRequest) => {
      try {
        answer(port, req);
      } catch (err) {
        port.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) });
      }
    };
    port.on('message', (req: WorkerRequest) => {
      if (waiting === 0 && (req.kind === 'parse' || engine)) return run(req);
      waiting++;
      chain = chain.then(async () => {
        try {
          if (req.kind !== 'parse') engine ??= await import('../core/briefing.ts');
          run(req);
        } catch (err) {
          port.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) });
        }
        waiting--;
      });
    });
    port.postMessage({ ready: true });
  });
}
