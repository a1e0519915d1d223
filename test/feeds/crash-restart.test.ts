import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/io/load-corpus.ts';
import { createFeedService } from '../../src/feeds/feed-service.ts';
import { createSqliteFeedStore, migrateFeedTables } from '../../src/feeds/sqlite-feed-store.ts';

const WORKER = path.join(import.meta.dirname, 'crash-poll-worker.ts');
const FEEDS = 3;
const ITEMS = 12;
const KILLS = 20;

/** A server of FEEDS feeds × ITEMS items: feed 0 carries full text, the others teasers whose pages answer after a short delay. */
function startServer(onHit: () => void): Promise<{ base: string; close: () => Promise<void> }> {
  let base = '';
  const body = (f: number, i: number) =>
    [1, 2, 3, 4]
      .map(
        (p) =>
          `<p>Item ${i} of feed ${f}, paragraph ${p}: the district board reviewed the ferry timetable, the school roof and the harbour lights before the vote.</p>`,
      )
      .join('');
  const server = http.createServer((req, res) => {
    onHit();
    const url = req.url ?? '';
    const feed = /^\/feed\/(\d+)$/.exec(url);
    const page = /^\/page\/(\d+)\/(\d+)$/.exec(url);
    if (feed) {
      const f = Number(feed[1]);
      const items = Array.from({ length: ITEMS }, (_, i) => {
        const text = f === 0 ? `<content:encoded><![CDATA[${body(f, i)}]]></content:encoded>` : `<description>Teaser ${i}…</description>`;
        return `<item><title>Story ${i} from feed ${f} about the harbour</title><link>${base}/page/${f}/${i}</link><guid>g-${f}-${i}</guid><pubDate>Mon, 0${1 + (i % 9)} Jun 2026 10:00:00 GMT</pubDate>${text}</item>`;
      });
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed ${f}</title>${items.join('')}</channel></rss>`,
      );
      return;
    }
    if (page) {
      const [f, i] = [Number(page[1]), Number(page[2])];
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          `<!doctype html><html><head><title>Story ${i} from feed ${f} about the harbour</title></head><body><nav><a href="/">Home</a></nav><article><h1>Story ${i} from feed ${f} about the harbour</h1>${body(f, i)}</article><footer>© Example</footer></body></html>`,
        );
      }, 4);
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({ base, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}

let dir: string;
let server: { base: string; close: () => Promise<void> };
let hits = 0;
let onHit: (() => void) | undefined;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feeds-crash-'));
  server = await startServer(() => {
    hits++;
    onHit?.();
  });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(killAfterHits?: number, delayMs = 0): Promise<{ killed: boolean; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      env: { ...process.env, CRASH_DB: path.join(dir, 'feeds.db'), CRASH_CORPUS: path.join(dir, 'corpus'), BRIEFING_FETCH_ALLOW_PRIVATE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const start = hits;
    onHit =
      killAfterHits === undefined
        ? undefined
        : () => {
            if (hits - start === killAfterHits) setTimeout(() => child.kill('SIGKILL'), delayMs);
          };
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      onHit = undefined;
      resolve({ killed: signal === 'SIGKILL', code, stdout, stderr });
    });
  });
}

describe('a poll SIGKILLed again and again, then let finish', () => {
  it('neither loses nor doubles an item', async () => {
    const db = new Database(path.join(dir, 'feeds.db'));
    db.pragma('journal_mode = WAL');
    migrateFeedTables(db);
    const setup = createFeedService({ store: createSqliteFeedStore(db), corpusDir: path.join(dir, 'corpus'), fetch: { allowPrivate: true } });
    for (let f = 0; f < FEEDS; f++) {
      const r = await setup.add(`${server.base}/feed/${f}`, { check: false });
      expect(r.ok).toBe(true);
    }
    await setup.close();
    db.close();

    // A fixed pseudo-random sequence of kill points: after 1–6 requests, 0–7 ms later.
    let seed = 12345;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let kills = 0;
    for (let k = 0; k < KILLS; k++) {
      const r = await run(1 + next(6), next(8));
      if (r.killed) kills++;
      else expect(r.code, r.stderr).toBe(0);
    }
    const last = await run();
    expect(last.code, last.stderr).toBe(0);
    expect(kills).toBeGreaterThanOrEqual(KILLS / 2);

    const corpus = path.join(dir, 'corpus');
    const names = fs.readdirSync(corpus);
    expect(names.filter((n) => n.startsWith('.'))).toEqual([]);
    const { articles, issues } = await loadCorpus(corpus);
    expect(issues).toEqual([]);
    const urls = articles.map((a) => a.url).sort();
    const expected = Array.from({ length: FEEDS }, (_, f) => Array.from({ length: ITEMS }, (_, i) => `${server.base}/page/${f}/${i}`))
      .flat()
      .sort();
    expect(urls).toEqual(expected);
    const check = new Database(path.join(dir, 'feeds.db'));
    const states = check.prepare('SELECT state, COUNT(*) AS n FROM feed_items GROUP BY state').all();
    check.close();
    expect(states).toEqual([{ state: 'taken', n: FEEDS * ITEMS }]);
    console.log(`crash test: ${kills} SIGKILLs during polls, then ${FEEDS * ITEMS} items in the corpus exactly once`);
  }, 600_000);
});
