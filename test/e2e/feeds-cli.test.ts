import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../feeds/helpers/feed-server.ts';
import { cli, tempDataDir } from '../helpers/cli-in-process.ts';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

describe('briefing feeds, through the composition the bot uses', () => {
  it('follows a feed, polls it into $BRIEFING_DATA_DIR/corpus, and the briefing then cites the new articles', async () => {
    const data = tempDataDir();
    const env = { BRIEFING_DATA_DIR: data, BRIEFING_FETCH_ALLOW_PRIVATE: '1' };
    const added = await cli(['feeds', 'add', `${server.base}/feeds/atom-full.xml`, '--json'], { env });
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const feedId = (JSON.parse(added.stdout) as { id: string }).id;

    const listed = await cli(['feeds', 'list', '--json'], { env });
    expect((JSON.parse(listed.stdout) as { feeds: { id: string }[] }).feeds.map((f) => f.id)).toEqual([feedId]);

    const polled = await cli(['feeds', 'poll', '--json'], { env });
    expect(polled.code).toBe(0);
    const doc = JSON.parse(polled.stdout) as { feeds: { id: string; status: string; added: number }[]; articles: { file: string; feed: string }[] };
    expect(doc.feeds[0]).toMatchObject({ id: feedId });
    expect(doc.articles.length).toBeGreaterThan(0);
    const files = readdirSync(path.join(data, 'corpus'));
    for (const a of doc.articles) expect(files).toContain(a.file);

    // A second poll takes nothing twice.
    const again = JSON.parse((await cli(['feeds', 'poll', '--json'], { env })).stdout) as { articles: unknown[] };
    expect(again.articles).toEqual([]);
    expect(readdirSync(path.join(data, 'corpus'))).toEqual(files);

    // The live corpus is the sample plus the data folder: the fetched articles are sources.
    const sources = JSON.parse((await cli(['sources', '--json'], { env })).stdout) as { sources: { article: string }[] };
    const ids = sources.sources.map((s) => s.article);
    for (const a of doc.articles) expect(ids).toContain(a.file.replace(/\.txt$/, ''));
  });

  it('refuses a private address unless the operator allows it, naming the URL', async () => {
    const env = { BRIEFING_DATA_DIR: tempDataDir() };
    const r = await cli(['add', `${server.base}/pages/wire-story.html`], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${server.base}/pages/wire-story.html`);
    expect(r.stderr).toMatch(/private|loopback/);
    expect(server.hits.get('/pages/wire-story.html') ?? 0).toBe(0);
  });

  it('adds one web page as an article with `briefing add URL`', async () => {
    const data = tempDataDir();
    const r = await cli(['add', `${server.base}/pages/wire-story.html`], { env: { BRIEFING_DATA_DIR: data, BRIEFING_FETCH_ALLOW_PRIVATE: '1' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const files = readdirSync(path.join(data, 'corpus'));
    expect(files).toHaveLength(1);
    expect(r.stdout).toContain(files[0]);
  });
});
