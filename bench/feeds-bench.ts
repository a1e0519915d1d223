/**
 * Feed polling bench: 50 feeds × 20 items from loopback servers (each feed on its own loopback address, so
 * each is its own host for the per-host politeness), all new; then a second poll where every feed answers 304.
 * Half the feeds carry full text, half carry teasers whose pages are fetched and extracted.
 * Prints its figures; the last line is one JSON object. Run: npx tsx bench/feeds-bench.ts
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createFeedService, createMemoryFeedStore } from '../src/feeds/index.ts';
import { loadCorpus } from '../src/io/load-corpus.ts';

const FEEDS = 50;
const ITEMS = 20;
/** Between two requests to one host; the default politeness is 1000 ms (FEEDS_BENCH_INTERVAL_MS to change it). */
const MIN_INTERVAL_MS = Number(process.env.FEEDS_BENCH_INTERVAL_MS ?? 1000);

const words = ['harbour', 'council', 'ferry', 'budget', 'school', 'bridge', 'river', 'market', 'station', 'library', 'road', 'clinic'];
const paragraph = (f: number, i: number, p: number) =>
  `Paragraph ${p} of story ${i} in feed ${f}: the ${words[(f + i + p) % words.length]} committee met on Tuesday and agreed to review the ${words[(i * 3 + p) % words.length]} plan, officials said, adding that a decision was expected before the summer.`;
const body = (f: number, i: number) => [1, 2, 3, 4, 5].map((p) => `<p>${paragraph(f, i, p)}</p>`).join('');

function feedXml(base: string, f: number): string {
  const full = f % 2 === 0;
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const content = full ? `<content:encoded><![CDATA[${body(f, i)}]]></content:encoded>` : `<description>Story ${i} in brief…</description>`;
    return `<item><title>Story ${i} of feed ${f}: the ${words[i % words.length]} review</title><link>${base}/story/${i}</link><guid>b-${f}-${i}</guid><pubDate>${new Date(Date.UTC(2026, 5, 1 + (i % 28), 10)).toUTCString()}</pubDate>${content}</item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench feed ${f}</title><link>${base}/</link>${items.join('')}</channel></rss>`;
}

async function startHost(f: number): Promise<{ base: string; close: () => Promise<void> }> {
  let base = '';
  let xml = '';
  let etag = '';
  const server = http.createServer((req, res) => {
    if (req.url === '/feed.xml') {
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(xml);
    }
    const m = /^\/story\/(\d+)$/.exec(req.url ?? '');
    if (m) {
      const i = Number(m[1]);
      return void res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><html><head><title>Story ${i} of feed ${f}</title><meta property="og:site_name" content="Bench ${f}"></head><body><div class="cookie">We use cookies. <button>OK</button></div><nav><a href="/">Home</a></nav><article><h1>Story ${i} of feed ${f}</h1>${body(f, i)}</article><aside><h2>Related</h2><ul><li><a href="/x">Other</a></li></ul></aside></body></html>`,
        );
    }
    res.writeHead(404).end();
  });
  const host = `127.0.${1 + Math.floor(f / 200)}.${1 + (f % 200)}`;
  await new Promise<void>((r) => server.listen(0, host, r));
  base = `http://${host}:${(server.address() as AddressInfo).port}`;
  xml = feedXml(base, f);
  etag = `"${createHash('sha1').update(xml).digest('hex').slice(0, 12)}"`;
  return { base, close: () => new Promise((r) => server.close(() => r())) };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feeds-bench-'));
const corpusDir = path.join(dir, 'corpus');
const hosts = await Promise.all(Array.from({ length: FEEDS }, (_, f) => startHost(f)));
const service = createFeedService({
  store: createMemoryFeedStore(),
  corpusDir,
  fetch: { allowPrivate: true, minIntervalMs: MIN_INTERVAL_MS },
  concurrency: FEEDS,
});
try {
  for (const h of hosts) {
    const r = await service.add(`${h.base}/feed.xml`, { check: false });
    if (!r.ok) throw new Error(r.error.message);
  }
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const first = await service.poll();
  const pollMs = performance.now() - t0;
  const t1 = performance.now();
  const loaded = await loadCorpus(corpusDir);
  const loadMs = performance.now() - t1;
  const t2 = performance.now();
  const second = await service.poll();
  const notModifiedMs = performance.now() - t2;
  clearInterval(sampler);
  const figures = {
    feeds: FEEDS,
    items_per_feed: ITEMS,
    min_interval_ms: MIN_INTERVAL_MS,
    new_articles: first.articles.length,
    new_poll_ms: Math.round(pollMs),
    pages_fetched: (FEEDS / 2) * ITEMS,
    issues: first.issues.length,
    corpus_load_ms: Math.round(loadMs),
    corpus_articles_loaded: loaded.articles.length,
    corpus_load_issues: loaded.issues.length,
    new_to_loaded_ms: Math.round(pollMs + loadMs),
    not_modified_poll_ms: Math.round(notModifiedMs),
    not_modified_feeds: second.feeds.filter((f) => f.status === 'unchanged').length,
    peak_rss_mb: Math.round(peak / 1024 / 1024),
  };
  console.log(
    `poll of ${FEEDS} feeds × ${ITEMS} items, all new: ${figures.new_articles} articles in ${figures.new_poll_ms} ms (${figures.pages_fetched} pages fetched and extracted, ${MIN_INTERVAL_MS} ms between requests to one host)`,
  );
  console.log(`the loader read them back: ${figures.corpus_articles_loaded} articles, ${figures.corpus_load_issues} issues, in ${figures.corpus_load_ms} ms`);
  console.log(`poll with nothing new (all 304): ${figures.not_modified_feeds} feeds unchanged in ${figures.not_modified_poll_ms} ms`);
  console.log(JSON.stringify(figures));
} finally {
  await service.close();
  await Promise.all(hosts.map((h) => h.close()));
  fs.rmSync(dir, { recursive: true, force: true });
}
