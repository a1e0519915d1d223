/**
 * One call for the composition root: the SQLite feed store on the app's open database, the service writing to
 * `$BRIEFING_DATA_DIR/corpus`, and the polling schedule, from the environment.
 */
import type Database from 'better-sqlite3';
import { feedCorpusDir, feedFetchOptions } from './feed-env.ts';
import type { PollResult, WrittenArticle } from './feed-model.ts';
import { startFeedPolling, type FeedPolling } from './feed-polling.ts';
import { createFeedService, type FeedLogger, type FeedService, type FeedServiceDeps } from './feed-service.ts';
import type { StoreBackend } from '../store/open-store.ts';
import type { FeedStore } from './feed-store.ts';
import { createPgFeedStore } from './pg-feed-store.ts';
import { createSqliteFeedStore } from './sqlite-feed-store.ts';

/** What the composition root hands over. */
export interface FeedsModuleOptions {
  /** The store's database: SQLite with FEED_MIGRATIONS applied, or PostgreSQL with PG_FEED_MIGRATIONS. */
  backend?: StoreBackend;
  /** An open SQLite database with FEED_MIGRATIONS applied (instead of `backend`). */
  db?: Database.Database;
  env: Record<string, string | undefined>;
  /** Where articles are written (default `$BRIEFING_DATA_DIR/corpus`). */
  corpusDir?: string;
  logger?: FeedLogger;
  onArticle?: (article: WrittenArticle) => void | Promise<void>;
  notifyAdmin?: (message: string) => void | Promise<void>;
  /** Anything else of the service (intervals, limits). */
  service?: Partial<Omit<FeedServiceDeps, 'store' | 'corpusDir' | 'logger' | 'onArticle' | 'notifyAdmin'>>;
}

/** The wired feed module. */
export interface FeedsModule {
  service: FeedService;
  corpusDir: string;
  /** Starts polling the due feeds (`BRIEFING_FEEDS_CRON`, default every 5 minutes). */
  startPolling(onPoll?: (result: PollResult) => void | Promise<void>): FeedPolling;
  close(): Promise<void>;
}

/** The FeedStore on the store's database, whichever kind it is. */
export function feedStoreOn(backend: StoreBackend): FeedStore {
  return backend.kind === 'postgres' ? createPgFeedStore(backend.pg) : createSqliteFeedStore(backend.db);
}

/** Wires the feed module from the app's database and environment. */
export function createFeedsModule(options: FeedsModuleOptions): FeedsModule {
  const corpusDir = options.corpusDir ?? feedCorpusDir(options.env);
  const service = createFeedService({
    ...options.service,
    store: feedStoreOn(options.backend ?? { kind: 'sqlite', db: options.db! }),
    corpusDir,
    fetch: { ...feedFetchOptions(options.env), ...options.service?.fetch },
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.onArticle ? { onArticle: options.onArticle } : {}),
    ...(options.notifyAdmin ? { notifyAdmin: options.notifyAdmin } : {}),
  });
  let polling: FeedPolling | undefined;
  return {
    service,
    corpusDir,
    startPolling(onPoll) {
      polling ??= startFeedPolling({
        service,
        cron: options.env.BRIEFING_FEEDS_CRON?.trim() || '*/5 * * * *',
        ...(options.logger ? { logger: options.logger } : {}),
        ...(onPoll ? { onPoll } : {}),
      });
      return polling;
    },
    async close() {
      await polling?.stop();
      await service.close();
    },
  };
}
