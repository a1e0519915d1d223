/**
 * The public door of feed following: the store port and its implementations, the service, the CLI and chat
 * commands, the polling schedule, and the migrations the composition root appends to the store's.
 */
export type { Feed, FeedError, FeedErrorCode, FeedItem, FeedPollReport, FeedResult, ItemRecord, ItemState, PollResult, WrittenArticle } from './feed-model.ts';
export type { FeedPatch, FeedStore } from './feed-store.ts';
export { createMemoryFeedStore } from './memory-feed-store.ts';
export { createSqliteFeedStore, migrateFeedTables } from './sqlite-feed-store.ts';
export { FEED_MIGRATIONS, type FeedMigration } from './feed-migrations.ts';
export { createPgFeedStore, PG_FEED_MIGRATIONS } from './pg-feed-store.ts';
export {
  createFeedService,
  type AddOptions,
  type FeedLogger,
  type FeedService,
  type FeedServiceDeps,
  type FeedSummary,
  type ImportResult,
} from './feed-service.ts';
export type { FetchOptions, HttpFetcher } from './http-fetcher.ts';
export { registerFeedCommands, isWebAddress, describeFeed, type FeedCliDeps } from './feed-cli.ts';
export { startFeedPolling, type FeedPolling, type FeedPollingOptions } from './feed-polling.ts';
export { feedCorpusDir, feedFetchOptions } from './feed-env.ts';
export { createFeedsModule, feedStoreOn, type FeedsModule, type FeedsModuleOptions } from './feeds-module.ts';
