import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { sqliteStore } from '../../src/store/sqlite-store.ts';

const WORKER = path.join(import.meta.dirname, 'concurrent-open.worker.mjs');
const MODULE = pathToFileURL(path.resolve(import.meta.dirname, '../../src/store/sqlite-store.ts')).href;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Opens one fresh database from `n` threads released at the same instant; resolves with each one's outcome. */
async function openAtOnce(file: string, n: number): Promise<{ ok: boolean; error?: string }[]> {
  const go = new SharedArrayBuffer(4);
  const workers = Array.from({ length: n }, () => new Worker(WORKER, { workerData: { file, go, module: MODULE } }));
  const results = workers.map(
    (w) =>
      new Promise<{ ok: boolean; error?: string }>((resolve) => {
        w.once('message', resolve);
        w.once('error', (e) => resolve({ ok: false, error: String(e) }));
      }),
  );
  // Release them together once every thread is running (a late one just waits on the flag's value).
  await Promise.all(workers.map((w) => new Promise((r) => w.once('online', r))));
  Atomics.store(new Int32Array(go), 0, 1);
  Atomics.notify(new Int32Array(go), 0);
  const out = await Promise.all(results);
  await Promise.all(workers.map((w) => w.terminate()));
  return out;
}

describe('migrations under concurrent first open', { timeout: 120_000 }, () => {
  it('several threads opening a fresh database at once all succeed, each migration applied once', async () => {
    for (let round = 0; round < 4; round++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concurrent-open-'));
      dirs.push(dir);
      const file = path.join(dir, 'briefing.db');
      const results = await openAtOnce(file, 4);
      expect(results.filter((r) => !r.ok).map((r) => r.error)).toEqual([]);
      const store = sqliteStore(file);
      expect(await store.subscriptions.list()).toEqual([]);
      await store.close();
    }
    expect(MIGRATIONS.length).toBeGreaterThan(0);
  });
});
