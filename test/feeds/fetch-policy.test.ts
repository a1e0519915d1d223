import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFetcher, parseRetryAfter } from '../../src/feeds/http-fetcher.ts';
import { startFeedServer, type FeedServer } from './helpers/feed-server.ts';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

describe('fetching without BRIEFING_FETCH_ALLOW_PRIVATE', () => {
  it('refuses loopback literals and names that resolve to loopback, before connecting', async () => {
    const f = createHttpFetcher({ allowPrivate: false, timeoutMs: 2_000, minIntervalMs: 0 });
    const before = server.requests.length;
    const literal = await f.get({ url: `${server.base}/feeds/atom-full.xml`, accept: '*/*' });
    expect(literal).toMatchObject({ ok: false, code: 'refused_address', message: expect.stringMatching(/127\.0\.0\.1 is a loopback address/) });
    const port = new URL(server.base).port;
    const named = await f.get({ url: `http://localhost:${port}/feeds/atom-full.xml`, accept: '*/*' });
    expect(named).toMatchObject({ ok: false, code: 'refused_address', message: expect.stringMatching(/localhost resolves to .* loopback address/) });
    expect(server.requests.length).toBe(before);
    await f.close();
  });

  it('re-checks the address of every redirect hop', async () => {
    const port = new URL(server.base).port;
    server.route('/redirect/to-other-loopback', (_q, res) => {
      res.writeHead(302, { location: `http://127.0.0.2:${port}/feeds/atom-full.xml` });
      res.end();
    });
    // Only 127.0.0.1 is allowed here, so the first hop goes through and the second is refused.
    const f = createHttpFetcher({
      addressRule: (a) => (a === '127.0.0.1' ? undefined : `${a} is not allowed in this test`),
      timeoutMs: 2_000,
      minIntervalMs: 0,
    });
    const r = await f.get({ url: `${server.base}/redirect/to-other-loopback`, accept: '*/*' });
    expect(r).toMatchObject({ ok: false, code: 'refused_address', url: `http://127.0.0.2:${port}/feeds/atom-full.xml` });
    const ok = await f.get({ url: `${server.base}/redirect/to-atom`, accept: '*/*' });
    expect(ok).toMatchObject({ ok: true, status: 200, url: `${server.base}/feeds/atom-full.xml` });
    await f.close();
  });
});

describe('politeness', () => {
  it('retries a 503 with backoff and a short Retry-After, then takes the answer', async () => {
    let n = 0;
    server.route('/flaky', (_q, res) => {
      n++;
      if (n === 1) res.writeHead(503, { 'retry-after': '0' }).end();
      else if (n === 2) res.writeHead(500).end();
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('fine');
    });
    const f = createHttpFetcher({ allowPrivate: true, minIntervalMs: 0, backoffBaseMs: 5, retries: 2 });
    const r = await f.get({ url: `${server.base}/flaky`, accept: '*/*' });
    expect(r.ok && r.status === 200 && Buffer.from(r.bytes).toString()).toBe('fine');
    expect(n).toBe(3);
    await f.close();
  });

  it('sends one request at a time to a host', async () => {
    let inFlight = 0;
    let most = 0;
    server.route('/slow', (_q, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200).end('x');
      }, 20);
    });
    const f = createHttpFetcher({ allowPrivate: true, minIntervalMs: 1 });
    await Promise.all(Array.from({ length: 5 }, () => f.get({ url: `${server.base}/slow`, accept: '*/*' })));
    expect(most).toBe(1);
    await f.close();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:00 GMT'))).toBe(60_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
