import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedsModule, FEED_MIGRATIONS } from '../../src/feeds/index.ts';
import { loadCorpus } from '../../src/io/load-corpus.ts';
import { migrate, MIGRATIONS } from '../../src/store/migrations.ts';
import { fixtureText, startFeedServer, type FeedServer } from './helpers/feed-server.ts';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

describe('createFeedsModule, as the composition root would wire it', () => {
  it('polls into $BRIEFING_DATA_DIR/corpus on the app database, hands each article over, and exposes the chat commands', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feeds-module-'));
    const db = new Database(path.join(dataDir, 'briefing.db'));
    migrate(db, [...MIGRATIONS, ...FEED_MIGRATIONS]);
    // A gzip-only server and a feed in ISO-8859-1, declared by its XML declaration alone.
    const latin1 = Buffer.from(
      fixtureText('feeds/rdf.xml', server.base).replace('encoding="utf-8"', 'encoding="ISO-8859-1"').replace('Fenmoor Gazette', 'Fenmoor Gazette, Grüße'),
      'latin1',
    );
    server.route('/feeds/gzip-latin1.xml', (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/rdf+xml', 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync(latin1));
    });
    const seen: string[] = [];
    const feeds = createFeedsModule({
      db,
      env: { BRIEFING_DATA_DIR: dataDir, BRIEFING_FETCH_ALLOW_PRIVATE: '1' },
      onArticle: (a) => void seen.push(a.file),
      service: { fetch: { minIntervalMs: 0 } },
    });
    expect(feeds.corpusDir).toBe(path.join(dataDir, 'corpus'));
    const added = await feeds.service.add(`${server.base}/feeds/gzip-latin1.xml`);
    expect(added.ok && added.value.name).toBe('Fenmoor Gazette, Grüße');
    const polling = feeds.startPolling();
    const r = await polling.tick();
    expect(r?.articles).toHaveLength(1);
    expect(seen).toEqual([r!.articles[0]!.file]);
    const { articles } = await loadCorpus(feeds.corpusDir);
    expect(articles.map((a) => a.source)).toEqual(['Fenmoor Gazette, Grüße']);
    expect(db.prepare('SELECT state FROM feed_items').all()).toEqual([{ state: 'taken' }]);
    await feeds.close();
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
