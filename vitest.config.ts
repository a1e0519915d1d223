import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous limits: these are hang guards, not speed checks (speed is `npm run bench`); a machine
    // shared with other work can run the process-spawning and property tests several times slower.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    pool: 'threads',
    // Many test files wait on loopback servers and child processes: three workers keep two cores busy (196 s → 143 s here).
    maxWorkers: 3,
  },
});
