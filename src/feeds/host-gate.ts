/** Politeness per host: one request at a time to a host, and a minimum interval between requests to it. */

/** Runs tasks for a host one at a time, spaced by at least `minIntervalMs`. */
export interface HostGate {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

/** Makes a host gate; `now` and `sleep` are injectable for tests. */
export function createHostGate(
  minIntervalMs: number,
  now: () => number = Date.now,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): HostGate {
  const tails = new Map<string, Promise<void>>();
  const lastEnd = new Map<string, number>();
  return {
    async run(host, task) {
      const key = host.toLowerCase();
      const prev = tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((r) => (release = r));
      const tail = prev.then(() => mine);
      tails.set(key, tail);
      await prev;
      try {
        const last = lastEnd.get(key);
        const wait = last === undefined ? 0 : last + minIntervalMs - now();
        if (wait > 0) await sleep(wait);
        return await task();
      } finally {
        lastEnd.set(key, now());
        release();
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}
