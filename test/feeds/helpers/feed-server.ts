/** A real HTTP server on 127.0.0.1 (port 0) serving the feed and page fixtures, plus misbehaving routes. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';

/** The fixture folder. */
export const FIXTURES = path.join(import.meta.dirname, '..', '..', 'fixtures', 'feeds');

/** A route handler. */
export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** The running server. */
export interface FeedServer {
  base: string;
  /** Requests seen, by path (with query). */
  hits: Map<string, number>;
  /** Headers of the requests seen, newest last. */
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  route(path: string, handler: Handler): void;
  /** Bytes the /huge route wrote before the client went away. */
  hugeWritten(): number;
  close(): Promise<void>;
}

/** Reads a fixture file as text with `{{BASE}}` replaced. */
export function fixtureText(rel: string, base: string): string {
  return readFileSync(path.join(FIXTURES, rel), 'utf8').replaceAll('{{BASE}}', base);
}

const TYPES: Record<string, string> = {
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.opml': 'text/x-opml',
};

/** Serves bytes with an ETag and Last-Modified, answering 304 to a matching conditional request; compresses when asked. */
export function serveBytes(body: Buffer, type: string, lastModified = 'Tue, 02 Jun 2026 08:00:00 GMT'): Handler {
  const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
  return (req, res) => {
    if (req.headers['if-none-match'] === etag || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === lastModified)) {
      res.writeHead(304, { etag, 'last-modified': lastModified });
      res.end();
      return;
    }
    const enc = String(req.headers['accept-encoding'] ?? '');
    const headers: http.OutgoingHttpHeaders = { 'content-type': type, etag, 'last-modified': lastModified };
    let out = body;
    if (/\bbr\b/.test(enc)) {
      out = zlib.brotliCompressSync(body);
      headers['content-encoding'] = 'br';
    } else if (/\bgzip\b/.test(enc)) {
      out = zlib.gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = out.length;
    res.writeHead(200, headers);
    res.end(out);
  };
}

/** Starts the server with the fixture routes and the misbehaving ones. */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Handler>();
  const hits = new Map<string, number>();
  const requests: FeedServer['requests'] = [];
  const open = new Set<import('node:net').Socket>();
  let huge = 0;
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    hits.set(url, (hits.get(url) ?? 0) + 1);
    requests.push({ path: url, headers: req.headers });
    const handler = routes.get(url) ?? routes.get(url.split('?')[0]!);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    handler(req, res);
  });
  server.on('connection', (s) => {
    open.add(s);
    s.on('close', () => open.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const file = (rel: string, type?: string) => {
    const text = fixtureText(rel, base);
    return serveBytes(Buffer.from(text, 'utf8'), type ?? TYPES[path.extname(rel)] ?? 'application/octet-stream');
  };
  for (const f of ['atom-full.xml', 'rss-teasers.xml', 'json-feed.json', 'rdf.xml', 'invalid.xml']) routes.set(`/feeds/${f}`, file(`feeds/${f}`));
  for (const p of ['wire-story.html', 'council-blog.html', 'section-index.html']) routes.set(`/pages/${p}`, file(`pages/${p}`));
  // The page in windows-1252, declared only by its <meta http-equiv>; the header names no charset.
  routes.set('/pages/ferry-cp1252.html', serveBytes(readFileSync(path.join(FIXTURES, 'pages', 'ferry-cp1252.html')), 'text/html'));
  routes.set('/feeds/not-modified.xml', (_req, res) => {
    res.writeHead(304, { etag: '"always-the-same"' });
    res.end();
  });
  routes.set('/feeds/rate-limited.xml', (_req, res) => {
    res.writeHead(429, { 'retry-after': '3600', 'content-type': 'text/plain' });
    res.end('slow down');
  });
  routes.set('/feeds/hang.xml', () => {
    // Never answers; the client's timeout must end it.
  });
  routes.set('/feeds/huge.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/xml' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const total = 50 * 1024 * 1024;
    const pump = () => {
      while (huge < total) {
        huge += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => {});
    pump();
  });
  routes.set('/loop/a', (_req, res) => {
    res.writeHead(302, { location: '/loop/b' });
    res.end();
  });
  routes.set('/loop/b', (_req, res) => {
    res.writeHead(301, { location: `${base}/loop/a` });
    res.end();
  });
  routes.set('/redirect/to-atom', (_req, res) => {
    res.writeHead(301, { location: '/feeds/atom-full.xml' });
    res.end();
  });
  routes.set('/redirect/to-file', (_req, res) => {
    res.writeHead(302, { location: 'file:///etc/passwd' });
    res.end();
  });
  return {
    base,
    hits,
    requests,
    route: (p, h) => void routes.set(p, h),
    hugeWritten: () => huge,
    async close() {
      for (const s of open) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
