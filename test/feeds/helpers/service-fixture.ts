/** A feed service on a temp corpus folder and an in-memory store, against the loopback fixture server. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createFeedService, type FeedService, type FeedServiceDeps } from '../../../src/feeds/feed-service.ts';
import type { FeedStore } from '../../../src/feeds/feed-store.ts';
import { createMemoryFeedStore } from '../../../src/feeds/memory-feed-store.ts';
import { startFeedServer, type FeedServer } from './feed-server.ts';

/** Test limits: short timeouts and no politeness delay (the server is ours, on loopback). */
export const TEST_FETCH = {
  allowPrivate: true,
  timeoutMs: 1_500,
  minIntervalMs: 0,
  maxBytes: 2 * 1024 * 1024,
  backoffBaseMs: 10,
  maxInlineWaitMs: 50,
  retries: 1,
};

/** A service, its store, its corpus folder and the admin messages it sent. */
export interface ServiceFixture {
  service: FeedService;
  store: FeedStore;
  corpusDir: string;
  admin: string[];
  now: { value: Date };
  files(): string[];
  read(file: string): string;
  cleanup(): Promise<void>;
}

/** Makes a fixture; `overrides` change any dependency. */
export function makeService(overrides: Partial<FeedServiceDeps> = {}): ServiceFixture {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feeds-'));
  const corpusDir = path.join(dir, 'corpus');
  const store = overrides.store ?? createMemoryFeedStore();
  const admin: string[] = [];
  const now = { value: new Date('2026-06-10T12:00:00Z') };
  const service = createFeedService({
    store,
    corpusDir,
    fetch: TEST_FETCH,
    clock: () => now.value,
    notifyAdmin: (m) => void admin.push(m),
    ...overrides,
  });
  return {
    service,
    store,
    corpusDir,
    admin,
    now,
    files: () =>
      fs.existsSync(corpusDir)
        ? fs
            .readdirSync(corpusDir)
            .filter((f) => !f.startsWith('.'))
            .sort()
        : [],
    read: (file) => fs.readFileSync(path.join(corpusDir, file), 'utf8'),
    async cleanup() {
      await service.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The loopback feed server (one per file) and a fresh feed service (one per test). */
export interface FeedTestBed {
  readonly server: FeedServer;
  readonly fx: ServiceFixture;
}

/** Registers the hooks: the feed server starts once for the file, a new service is made for every test and cleaned up after. */
export function useFeedTestBed(): FeedTestBed {
  let server: FeedServer | undefined;
  let fx: ServiceFixture | undefined;
  beforeAll(async () => {
    server = await startFeedServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => {
    fx = makeService();
  });
  afterEach(async () => {
    await fx?.cleanup();
  });
  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`${what} is made in the test hooks`);
    return v;
  };
  return {
    get server() {
      return need(server, 'the feed server');
    },
    get fx() {
      return need(fx, 'the feed service');
    },
  };
}
