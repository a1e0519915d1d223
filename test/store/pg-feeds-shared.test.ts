/** Two instances' feed services on one PostgreSQL store: each due feed is polled by one of them, each item taken once. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFeedService } from '../../src/feeds/feed-service.ts';
import { createPgFeedStore, PG_FEED_MIGRATIONS } from '../../src/feeds/pg-feed-store.ts';
import { localLeaseOwners } from '../../src/scheduler/lease-owner.ts';
import { openPostgres, type PgDatabase } from '../../src/store/pg-database.ts';
import { PG_MIGRATIONS } from '../../src/store/pg-migrations.ts';
import { startFeedServer } from '../feeds/helpers/feed-server.ts';
import { TEST_FETCH } from '../feeds/helpers/service-fixture.ts';
import { postgresForTests } from '../helpers/postgres-server.ts';

const server = await postgresForTests('shared feed polling on PostgreSQL');
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await server?.stop();
});

describe.runIf(server)('feed polling shared by instances', { timeout: 60_000 }, () => {
  it('two instances polling at once: each feed fetched once, each article written once', async () => {
    const feeds = await startFeedServer();
    cleanups.push(() => feeds.close());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-feeds-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const corpusDir = path.join(dir, 'corpus');
    const url = await server!.freshDatabase('feeds_shared');
    const instance = () => {
      const db: PgDatabase = openPostgres(url, [...PG_MIGRATIONS, ...PG_FEED_MIGRATIONS]);
      const service = createFeedService({
        store: createPgFeedStore(db),
        corpusDir,
        // a generous timeout: on a busy machine a slow answer must not turn into a failed poll
        fetch: { ...TEST_FETCH, timeoutMs: 20_000 },
        owners: localLeaseOwners(),
      });
      cleanups.push(async () => {
        await service.close();
        await db.close();
      });
      return service;
    };
    const a = instance();
    const b = instance();
    const paths = ['/feeds/atom-full.xml', '/feeds/json-feed.json', '/feeds/rdf.xml'];
    for (const p of paths) expect((await a.add(`${feeds.base}${p}`, { check: false })).ok).toBe(true);

    const [ra, rb] = await Promise.all([a.poll({ due: true }), b.poll({ due: true })]);
    for (const p of paths) expect(feeds.hits.get(p), p).toBe(1);
    // each feed polled by exactly one instance; the other one reports it deferred (or had not reached it yet)
    const polled = [...ra.feeds, ...rb.feeds].filter((f) => f.status !== 'deferred');
    expect(polled.map((f) => f.url).sort()).toEqual(paths.map((p) => `${feeds.base}${p}`).sort());
    expect(polled.filter((f) => f.status === 'failed')).toEqual([]);
    const written = [...ra.articles, ...rb.articles].map((x) => x.file);
    expect(written.length).toBeGreaterThan(0);
    expect(new Set(written).size).toBe(written.length);
    expect(
      fs
        .readdirSync(corpusDir)
        .filter((f) => !f.startsWith('.'))
        .sort(),
    ).toEqual([...written].sort());

    // and a second round finds nothing due, on either instance
    const again = await Promise.all([a.poll({ due: true }), b.poll({ due: true })]);
    expect(again.flatMap((r) => r.articles)).toEqual([]);
    for (const p of paths) expect(feeds.hits.get(p), p).toBe(1);
  });
});
