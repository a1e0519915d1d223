import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Feed, ItemRecord } from '../../src/feeds/feed-model.ts';
import type { FeedStore } from '../../src/feeds/feed-store.ts';
import { FEED_MIGRATIONS } from '../../src/feeds/feed-migrations.ts';
import { createMemoryFeedStore } from '../../src/feeds/memory-feed-store.ts';
import { createPgFeedStore, PG_FEED_MIGRATIONS } from '../../src/feeds/pg-feed-store.ts';
import { createSqliteFeedStore, migrateFeedTables } from '../../src/feeds/sqlite-feed-store.ts';
import { openPostgres, type PgDatabase } from '../../src/store/pg-database.ts';
import { PG_MIGRATIONS } from '../../src/store/pg-migrations.ts';
import { postgresForTests } from '../helpers/postgres-server.ts';
import { migrate, MIGRATIONS } from '../../src/store/migrations.ts';

const feed = (id: string, url: string): Feed => ({
  id,
  url,
  name: id,
  everyMs: 60_000,
  status: 'active',
  addedAt: `2026-01-01T00:00:0${id.length}Z`,
  consecutiveFailures: 0,
});
const item = (feedId: string, key: string, extra: Partial<ItemRecord> = {}): ItemRecord => ({
  feedId,
  key,
  state: 'taken',
  attempts: 1,
  item: { title: `t ${key}`, link: `https://x.example/${key}` },
  firstSeenAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...extra,
});

const stores: [string, () => FeedStore][] = [
  ['memory', createMemoryFeedStore],
  [
    'sqlite',
    () => {
      const db = new Database(':memory:');
      migrateFeedTables(db);
      return createSqliteFeedStore(db);
    },
  ],
];

// The same contract on PostgreSQL: a fresh database per test on a server started for this file.
const server = await postgresForTests('FeedStore contract on PostgreSQL');
const pools: PgDatabase[] = [];
afterAll(async () => {
  for (const p of pools) await p.close();
  await server?.stop();
});
if (server) {
  const urls = await Promise.all(Array.from({ length: 3 }, () => server.freshDatabase('feeds')));
  stores.push([
    'postgres',
    () => {
      const db = openPostgres(urls.shift() ?? '', [...PG_MIGRATIONS, ...PG_FEED_MIGRATIONS]);
      pools.push(db);
      return createPgFeedStore(db);
    },
  ]);
}

describe.each(stores)('FeedStore contract (%s)', (_name, make) => {
  it('adds, finds, updates (null clears) and removes feeds with their items', async () => {
    const s = make();
    expect(await s.insertFeed(feed('fa', 'https://a.example/feed'))).toBe(true);
    expect(await s.insertFeed(feed('fb', 'https://a.example/feed'))).toBe(false);
    expect(await s.insertFeed(feed('fa', 'https://other.example/feed'))).toBe(false);
    await s.insertFeed(feed('fbb', 'https://b.example/feed'));
    expect((await s.listFeeds()).map((f) => f.id)).toEqual(['fa', 'fbb']);
    await s.updateFeed('fa', { etag: '"1"', lastError: 'boom', lastErrorCode: 'timeout', consecutiveFailures: 2, status: 'paused', pausedReason: 'why' });
    expect(await s.getFeed('fa')).toMatchObject({
      etag: '"1"',
      lastError: 'boom',
      lastErrorCode: 'timeout',
      consecutiveFailures: 2,
      status: 'paused',
      pausedReason: 'why',
    });
    await s.updateFeed('fa', { lastError: null, pausedReason: null, status: 'active' });
    const f = (await s.getFeed('fa'))!;
    expect(f.lastError).toBeUndefined();
    expect(f.pausedReason).toBeUndefined();
    expect((await s.findFeedByUrl('https://b.example/feed'))?.id).toBe('fbb');
    await s.putItem(item('fa', 'k1'));
    expect(await s.deleteFeed('fa')).toBe(true);
    expect(await s.deleteFeed('fa')).toBe(false);
    expect(await s.getItem('fa', 'k1')).toBeUndefined();
  });

  it('keeps item records, finds similar ones by link anywhere and by title within the feed', async () => {
    const s = make();
    await s.insertFeed(feed('fa', 'https://a.example/feed'));
    await s.insertFeed(feed('fbb', 'https://b.example/feed'));
    await s.putItem(item('fa', 'k1', { linkHash: 'L1', titleHash: 'T1', file: 'x.txt' }));
    await s.putItem(item('fa', 'k2', { state: 'duplicate', linkHash: 'L2' }));
    expect(await s.getItem('fa', 'k1')).toEqual(item('fa', 'k1', { linkHash: 'L1', titleHash: 'T1', file: 'x.txt' }));
    expect((await s.findSimilar({ feedId: 'fbb', exceptKey: 'z', linkHash: 'L1' }))?.key).toBe('k1');
    expect(await s.findSimilar({ feedId: 'fa', exceptKey: 'k1', linkHash: 'L1' })).toBeUndefined();
    expect((await s.findSimilar({ feedId: 'fa', exceptKey: 'z', titleHash: 'T1' }))?.key).toBe('k1');
    expect(await s.findSimilar({ feedId: 'fbb', exceptKey: 'z', titleHash: 'T1' })).toBeUndefined();
    expect(await s.findSimilar({ feedId: 'fbb', exceptKey: 'z', linkHash: 'L2' })).toBeUndefined();
    await s.putItem(item('fa', 'k1', { state: 'pending', attempts: 2, lastError: 'e' }));
    expect((await s.listItems({ states: ['pending'] })).map((r) => [r.key, r.attempts, r.lastError])).toEqual([['k1', 2, 'e']]);
    expect(await s.listItems({ feedId: 'fbb', states: ['pending'] })).toEqual([]);
  });

  it("grants a feed's poll lease to one owner at a time, again once released or expired", async () => {
    const s = make();
    await s.insertFeed(feed('fa', 'https://a.example/feed'));
    const lease = (owner: string, at: string) => ({ owner, until: '2026-01-01T00:10:00.000Z', at });
    expect(await s.claimPoll('fa', lease('h:1:a', '2026-01-01T00:00:00.000Z'))).toBe(true);
    expect(await s.claimPoll('fa', lease('h:2:b', '2026-01-01T00:01:00.000Z'))).toBe(false);
    expect(await s.claimPoll('fa', lease('h:1:a', '2026-01-01T00:01:00.000Z'))).toBe(true);
    await s.releasePoll('fa', 'h:2:b');
    expect(await s.claimPoll('fa', lease('h:2:b', '2026-01-01T00:02:00.000Z'))).toBe(false);
    await s.releasePoll('fa', 'h:1:a');
    expect(await s.claimPoll('fa', lease('h:2:b', '2026-01-01T00:02:00.000Z'))).toBe(true);
    // the holder died: after its lease ends, another instance takes the feed over
    expect(await s.claimPoll('fa', lease('h:3:c', '2026-01-01T00:11:00.000Z'))).toBe(true);
    expect(await s.claimPoll('nope', lease('h:3:c', '2026-01-01T00:11:00.000Z'))).toBe(false);
    expect((await s.getFeed('fa'))?.id).toBe('fa');
  });
});

describe('feed migrations', () => {
  it('append to the store migrations (versions 100+) and apply once', () => {
    expect(FEED_MIGRATIONS.every((m) => m.version >= 100)).toBe(true);
    const db = new Database(':memory:');
    expect(migrate(db, [...MIGRATIONS, ...FEED_MIGRATIONS])).toEqual([...MIGRATIONS.map((m) => m.version), ...FEED_MIGRATIONS.map((m) => m.version)]);
    expect(migrate(db, [...MIGRATIONS, ...FEED_MIGRATIONS])).toEqual([]);
    expect(migrateFeedTables(db)).toEqual([]);
    createSqliteFeedStore(db);
  });
});
