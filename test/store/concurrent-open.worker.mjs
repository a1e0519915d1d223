// Opens (and so migrates) one SQLite file as the store does, as soon as the shared flag says go.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();

const { sqliteStore } = await import(workerData.module);
const flag = new Int32Array(workerData.go);
Atomics.wait(flag, 0, 0);
try {
  const store = sqliteStore(workerData.file);
  await store.subscriptions.list();
  await store.close();
  parentPort.postMessage({ ok: true });
} catch (e) {
  parentPort.postMessage({ ok: false, error: String(e?.message ?? e) });
}
