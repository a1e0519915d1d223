import { configDefaults, defineConfig } from 'vitest/config';

/** The multi-instance SIGKILL tests start dozens of processes: they run after the rest, so they neither slow nor are slowed by timing-bound tests. */
const ALONE = ['test/scheduler/multi-instance.test.ts'];

export default defineConfig({
  test: {
    // Generous limits: these are hang guards, not speed checks (speed is `npm run bench`); a machine
    // shared with other work can run the process-spawning and property tests several times slower.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    pool: 'threads',
    // Many test files wait on loopback servers and child processes: three workers keep two cores busy (196 s → 143 s here).
    maxWorkers: 3,
    projects: [
      { extends: true, test: { name: 'main', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...ALONE] } },
      { extends: true, test: { name: 'instances', include: ALONE, sequence: { groupOrder: 1 } } },
    ],
  },
});
