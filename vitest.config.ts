import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'threads',
    // Many test files wait on loopback servers and child processes: three workers keep two cores busy (196 s → 143 s here).
    maxWorkers: 3,
  },
});
