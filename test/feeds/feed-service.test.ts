import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/io/load-corpus.ts';
import { startFeedServer } from './helpers/feed-server.ts';
import { useFeedTestBed } from './helpers/service-fixture.ts';

const bed = useFeedTestBed();

async function follow(path: string, name?: string) {
  const r = await bed.fx.service.add(`${bed.server.base}${path}`, name ? { name } : {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('an Atom feed with full content', () => {
  it('writes one loadable article per entry from the feed text, fetching no page, and answers 304 next time', async () => {
    const feed = await follow('/feeds/atom-full.xml');
    expect(feed.name).toBe('Valley Courier — Regional');
    const r = await bed.fx.service.poll();
    expect(r.feeds).toEqual([{ id: feed.id, url: feed.url, status: 'updated', added: 3 }]);
    expect(r.issues).toEqual([]);
    expect(bed.fx.files()).toHaveLength(3);
    expect([...bed.server.hits.keys()].filter((k) => k.startsWith('/regional/'))).toEqual([]);
    const { articles, issues } = await loadCorpus(bed.fx.corpusDir);
    expect(issues).toEqual([]);
    const reservoir = articles.find((a) => a.title.startsWith('Reservoir'))!;
    expect(reservoir.source).toBe('Valley Courier — Regional');
    expect(reservoir.url).toBe(`${bed.server.base}/regional/reservoir-levels`);
    expect(reservoir.published).toBe('2026-06-01');
    expect(reservoir.text).toContain('every litre saved in June');
    const market = articles.find((a) => a.title.startsWith('Ashby market hall'))!;
    expect(market.text).toContain('Forty-two of the fifty-five stallholders');
    const items = await bed.fx.store.listItems({ feedId: feed.id, states: ['taken'] });
    expect(items.map((i) => i.key).sort()).toEqual(['id:urn:uuid:vc-0001', 'id:urn:uuid:vc-0002', 'id:urn:uuid:vc-0003']);
    // A taken item keeps its identity, not its text.
    expect(items.every((i) => i.item.contentHtml === undefined && i.item.link && i.file)).toBe(true);
    expect((await bed.fx.store.getFeed(feed.id))!.etag).toMatch(/^"/);

    const again = await bed.fx.service.poll();
    expect(again.feeds[0]).toMatchObject({ status: 'unchanged', added: 0 });
    const last = bed.server.requests.filter((q) => q.path === '/feeds/atom-full.xml').at(-1)!;
    expect(last.headers['if-none-match']).toMatch(/^"/);
    expect(last.headers['user-agent']).toMatch(/^briefing-bot\//);
    expect(String(last.headers['accept-encoding'])).toMatch(/br/);
    expect(bed.fx.files()).toHaveLength(3);
  });
});

describe('an RSS feed with teasers only', () => {
  it('fetches each page and keeps the article body, headline, byline, outlet, canonical URL and date', async () => {
    const feed = await follow('/feeds/rss-teasers.xml');
    const r = await bed.fx.service.poll();
    expect(r.issues).toEqual([]);
    expect(r.articles).toHaveLength(3);
    const { articles } = await loadCorpus(bed.fx.corpusDir);
    const wire = articles.find((a) => a.title.startsWith('Port of Calder'))!;
    expect(wire.source).toBe('Northwire');
    expect(wire.url).toBe('https://northwire.example/business/2026/03/port-calder-dredging-approved');
    expect(wire.published).toBe('2026-03-14');
    expect(wire.text).toContain('there is money set aside for the oyster beds');
    for (const junk of [
      'cookies',
      'Share on',
      'Related coverage',
      'Advertisement',
      'Get the morning briefing',
      'All rights reserved',
      'Calder terminal expansion stalls',
    ]) {
      expect(wire.text).not.toContain(junk);
    }
    const raw = bed.fx.read(r.articles.find((a) => a.title.startsWith('Port of Calder'))!.file);
    expect(raw).toMatch(/^author: Ines Varga$/m);
    expect(raw).toMatch(new RegExp(`^feed: ${feed.id}$`, 'm'));
    const ferry = articles.find((a) => a.title.startsWith('Stadtrat'))!;
    expect(ferry.text).toContain('„überfälligen Schritt“');
    expect(ferry.published).toBe('2026-05-06');
    expect(ferry.source).toBe('Küstenbote');
    const blog = articles.find((a) => a.title.startsWith('Weekly notes'))!;
    expect(blog.text).not.toContain('greenfield_mum');
    expect(blog.text).not.toContain('Popular this week');
  });
});

describe('JSON Feed and RSS 1.0', () => {
  it('reads both, HTML and plain-text content alike', async () => {
    await follow('/feeds/json-feed.json');
    await follow('/feeds/rdf.xml');
    const r = await bed.fx.service.poll();
    expect(r.issues).toEqual([]);
    expect(r.articles.map((a) => a.title).sort()).toEqual([
      'Fenmoor flood wall passes its first winter test',
      'Ferry fares to rise 4% from September',
      "Old lighthouse keeper's cottage becomes a museum",
    ]);
    const { articles } = await loadCorpus(bed.fx.corpusDir);
    const museum = articles.find((a) => a.title.startsWith('Old lighthouse'))!;
    expect(museum.published).toBe('2026-07-02');
    expect(museum.text).toContain('Volunteers from the island history society');
    const wall = articles.find((a) => a.title.startsWith('Fenmoor'))!;
    expect(wall.source).toBe('Fenmoor Gazette');
  });
});

describe('misbehaving feeds', () => {
  it('records each failure with a message naming the URL, and the other feeds still poll', async () => {
    const ok = await follow('/feeds/atom-full.xml');
    const bad: Record<string, string> = {};
    // The 429 comes from another host: a Retry-After holds back every request to its host.
    const other = await startFeedServer();
    for (const p of ['/feeds/invalid.xml', '/feeds/hang.xml', '/feeds/huge.xml', '/loop/a', '/feeds/rate-limited.xml', '/redirect/to-file']) {
      const r = await bed.fx.service.add(`${p === '/feeds/rate-limited.xml' ? other.base : bed.server.base}${p}`, { check: false });
      if (!r.ok) throw new Error(r.error.message);
      bad[p] = r.value.id;
    }
    const r = await bed.fx.service.poll();
    const by = (p: string) => r.feeds.find((f) => f.id === bad[p])!;
    expect(r.feeds.find((f) => f.id === ok.id)).toMatchObject({ status: 'updated', added: 3 });
    expect(by('/feeds/invalid.xml').error).toMatch(/invalid\.xml is not a well-formed RSS, Atom or JSON feed/);
    expect(by('/feeds/hang.xml').error).toMatch(/hang\.xml did not answer within/);
    expect(by('/feeds/huge.xml').error).toMatch(/huge\.xml (is|sent more than)/);
    expect(bed.server.hugeWritten()).toBeLessThan(50 * 1024 * 1024);
    expect(by('/loop/a').error).toMatch(/loop\/a redirects in a loop/);
    expect(by('/feeds/rate-limited.xml').error).toMatch(/rate-limited\.xml answered 429.*Retry-After 3600 s/);
    expect(by('/redirect/to-file').error).toMatch(/file URLs are not fetched/);
    const codes = Object.fromEntries(r.issues.map((i) => [i.feed, i.code]));
    expect(codes[bad['/feeds/invalid.xml']!]).toBe('malformed_feed');
    expect(codes[bad['/feeds/hang.xml']!]).toBe('timeout');
    expect(codes[bad['/feeds/huge.xml']!]).toBe('too_large');
    expect(codes[bad['/loop/a']!]).toBe('too_many_redirects');
    expect(codes[bad['/feeds/rate-limited.xml']!]).toBe('rate_limited');
    const limited = (await bed.fx.store.getFeed(bad['/feeds/rate-limited.xml']!))!;
    expect(limited.consecutiveFailures).toBe(1);
    expect(Date.parse(limited.nextAttemptAt!) - bed.fx.now.value.getTime()).toBeGreaterThanOrEqual(3_600_000);
    // The server's Retry-After holds even for a manual poll; a due poll skips it too.
    const again = await bed.fx.service.poll();
    expect(again.feeds.find((f) => f.id === bad['/feeds/rate-limited.xml'])).toMatchObject({ status: 'deferred' });
    expect(other.hits.get('/feeds/rate-limited.xml')).toBe(1);
    await other.close();
  });

  it('sends no more requests to a host that answered 429 with a long Retry-After, and retries those items later', async () => {
    const pages = new Map<string, number>();
    bed.server.route('/feeds/to-limited-pages.xml', (_q, res) => {
      const items = [1, 2, 3].map(
        (n) => `<item><title>Limited story number ${n}</title><link>${bed.server.base}/limited/${n}</link><guid>lim-${n}</guid></item>`,
      );
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Limited</title>${items.join('')}</channel></rss>`);
    });
    for (const n of [1, 2, 3]) {
      bed.server.route(`/limited/${n}`, (_q, res) => {
        pages.set(`/limited/${n}`, (pages.get(`/limited/${n}`) ?? 0) + 1);
        res.writeHead(429, { 'retry-after': '600' }).end();
      });
    }
    await follow('/feeds/to-limited-pages.xml');
    const r = await bed.fx.service.poll();
    expect([...pages.values()].reduce((a, b) => a + b, 0)).toBe(1);
    expect(r.issues.map((i) => i.code)).toEqual(['rate_limited', 'rate_limited', 'rate_limited']);
    expect(r.issues[1]!.message).toMatch(/not requested: 127\.0\.0\.1:\d+ asked to wait until/);
    const [listed] = await bed.fx.service.list();
    expect(listed!.items.pending).toBe(3);
  });

  it('answers 304 without touching the corpus', async () => {
    const feed = await follow('/feeds/not-modified.xml');
    const r = await bed.fx.service.poll();
    expect(r.feeds).toEqual([{ id: feed.id, url: feed.url, status: 'unchanged', added: 0 }]);
    expect(bed.fx.files()).toEqual([]);
  });

  it('pauses a feed after repeated failures, says why in the list, tells the admin, and resumes', async () => {
    const r = await bed.fx.service.add(`${bed.server.base}/feeds/invalid.xml`, { check: false, every: '15m' });
    if (!r.ok) throw new Error(r.error.message);
    for (let i = 0; i < 5; i++) {
      bed.fx.now.value = new Date(bed.fx.now.value.getTime() + 7 * 3_600_000);
      await bed.fx.service.poll({ due: true });
    }
    const [listed] = await bed.fx.service.list();
    expect(listed).toMatchObject({ status: 'paused', consecutiveFailures: 5 });
    expect(listed!.pausedReason).toMatch(/paused after 5 failed polls in a row; last: .*invalid\.xml/);
    expect(bed.fx.admin).toHaveLength(1);
    expect(bed.fx.admin[0]).toContain(r.value.id);
    const skipped = await bed.fx.service.poll();
    expect(skipped.feeds).toEqual([]);
    const resumed = await bed.fx.service.resume(r.value.id);
    expect(resumed.ok && resumed.value.status).toBe('active');
  });

  it('refuses to follow a URL that is not a feed, naming it, and follows a page that links its feed', async () => {
    const r = await bed.fx.service.add(`${bed.server.base}/pages/section-index.html`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('/pages/section-index.html is a web page, not a feed');
    bed.server.route('/home-with-feed', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><head><link rel="alternate" type="application/atom+xml" href="/feeds/atom-full.xml"></head><body>Home</body></html>`);
    });
    const found = await bed.fx.service.add(`${bed.server.base}/home-with-feed`);
    expect(found.ok && found.value.url).toBe(`${bed.server.base}/feeds/atom-full.xml`);
    const dup = await bed.fx.service.add(`${bed.server.base}/feeds/atom-full.xml`);
    expect(!dup.ok && dup.error.code).toBe('duplicate_feed');
    const bad = await bed.fx.service.add('gopher://old.example/feed');
    expect(!bad.ok && bad.error.message).toMatch(/gopher URLs are not fetched/);
    const every = await bed.fx.service.add(`${bed.server.base}/feeds/rdf.xml`, { every: 'often' });
    expect(!every.ok && every.error.message).toMatch(/--every: "often" is not an interval; give an interval such as 15m/);
  });
});

describe('items', () => {
  it('recognises a feed that re-issues the same items under new ids, and the same story from two feeds', async () => {
    let round = 0;
    bed.server.route('/feeds/reissue.xml', (_q, res) => {
      round++;
      const items = [1, 2].map(
        (n) =>
          `<item><title>Harbour crane number ${n} is replaced this week</title><link>${bed.server.base}/reissue/${n}?utm_campaign=r${round}</link><guid isPermaLink="false">r${round}-${n}</guid><pubDate>Mon, 01 Jun 2026 10:00:00 GMT</pubDate><description><![CDATA[${'<p>The crane operator said the replacement of the old crane would take the whole week and close the quay to visitors.</p>'.repeat(4)}]]></description></item>`,
      );
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Reissuer</title><link>${bed.server.base}/</link>${items.join('')}</channel></rss>`);
    });
    const feed = await follow('/feeds/reissue.xml');
    expect((await bed.fx.service.poll()).articles).toHaveLength(2);
    const second = await bed.fx.service.poll();
    expect(second.articles).toEqual([]);
    expect(second.issues).toEqual([expect.objectContaining({ code: 'reissued_item', feed: feed.id })]);
    expect(second.issues[0]!.message).toMatch(/re-issued 2 item\(s\) already taken under new ids/);
    expect(bed.fx.files()).toHaveLength(2);
    // The same story from another feed is not written twice.
    bed.server.route('/feeds/mirror.xml', (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Mirror</title><item><title>Another headline</title><link>${bed.server.base}/reissue/1</link><guid>m-1</guid></item></channel></rss>`,
      );
    });
    await follow('/feeds/mirror.xml');
    const third = await bed.fx.service.poll();
    expect(third.articles).toEqual([]);
    expect(bed.fx.files()).toHaveLength(2);
  });

  it('retries a page that is not an article on the next polls, then gives up, naming the URL', async () => {
    bed.server.route('/feeds/to-index.xml', (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"fixed"' });
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Index feed</title><item><title>Business section</title><link>${bed.server.base}/pages/section-index.html</link><guid>idx-1</guid></item></channel></rss>`,
      );
    });
    const feed = await follow('/feeds/to-index.xml');
    const before = bed.server.hits.get('/pages/section-index.html') ?? 0;
    const first = await bed.fx.service.poll();
    expect(first.issues).toEqual([expect.objectContaining({ code: 'not_article', url: `${bed.server.base}/pages/section-index.html` })]);
    expect(first.issues[0]!.message).toMatch(/section-index\.html does not look like an article.*will retry on the next poll \(attempt 1 of 3\)/);
    await bed.fx.service.poll();
    const third = await bed.fx.service.poll();
    expect(third.issues[0]!.message).toMatch(/given up after 3 attempts/);
    const fourth = await bed.fx.service.poll();
    expect(fourth.issues).toEqual([]);
    expect(bed.server.hits.get('/pages/section-index.html')! - before).toBe(3);
    const [listed] = await bed.fx.service.list();
    expect(listed!.items).toMatchObject({ taken: 0, failed: 1 });
    expect(bed.fx.files()).toEqual([]);
    expect(feed.id).toBe(listed!.id);
  });
});

describe('OPML import and single pages', () => {
  it('imports the feeds of an OPML file, skipping what cannot be followed with a reason', async () => {
    const { fixtureText } = await import('./helpers/feed-server.ts');
    const r = await bed.fx.service.importOpml(fixtureText('subscriptions.opml', bed.server.base), 'subscriptions.opml');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.added.map((f) => f.name)).toEqual(['Valley Courier', 'Fenmoor Gazette', 'Harbourside Dispatch']);
    expect(r.value.skipped).toEqual([{ url: 'ftp://files.example/feed.xml', reason: expect.stringMatching(/ftp URLs are not fetched/) }]);
    const bad = await bed.fx.service.importOpml('<html>nope</html>', 'mine.opml');
    expect(!bad.ok && bad.error.message).toMatch(/^mine\.opml /);
  });

  it('adds one page as one article, and the same page again replaces it', async () => {
    const r = await bed.fx.service.addUrl(`${bed.server.base}/pages/wire-story.html`);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ title: 'Port of Calder approves channel dredging after two-year review', published: '2026-03-14', feed: 'page' });
    expect(bed.fx.read(r.value.file)).toMatch(/^source: Northwire$/m);
    const again = await bed.fx.service.addUrl(`${bed.server.base}/pages/wire-story.html`);
    expect(again.ok && again.value.file).toBe(r.value.file);
    expect(bed.fx.files()).toHaveLength(1);
    const bad = await bed.fx.service.addUrl(`${bed.server.base}/pages/section-index.html`);
    expect(!bad.ok && bad.error.code).toBe('not_article');
  });
});
