/**
 * Starting one corpus worker thread: compiled JavaScript directly, or, running from TypeScript sources
 * (tsx, vitest), the TypeScript script through tsx's `tsImport`.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

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
export function spawnWorker(startTimeoutMs: number, script: URL | undefined, warm: boolean): Promise<Worker> {
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
