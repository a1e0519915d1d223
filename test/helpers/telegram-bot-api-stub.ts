/**
 * A tiny loopback Bot API for polling tests: getUpdates hands out queued updates, else (with a `timeout`,
 * as in long polling) holds the request open until more arrive or the stub closes. Records every call.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One recorded Bot API call. */
export interface StubCall {
  method: string;
  body: Record<string, unknown>;
}

/** A running stub. */
export interface BotApiStub {
  apiRoot: string;
  calls: StubCall[];
  /** Queues an update for the next getUpdates. */
  push(update: Record<string, unknown>): void;
  /** Resolves when a call to `method` has been recorded `count` times in total. */
  waitFor(method: string, count?: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts the stub on a free loopback port. */
export async function startBotApiStub(): Promise<BotApiStub> {
  const calls: StubCall[] = [];
  const queue: Record<string, unknown>[] = [];
  const holding: http.ServerResponse[] = [];
  const waiters: { method: string; count: number; resolve: () => void }[] = [];
  const send = (res: http.ServerResponse, result: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, result }));
  };
  const flush = () => {
    while (holding.length && queue.length) send(holding.shift()!, queue.splice(0));
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += String(c)));
    req.on('end', () => {
      const method = (req.url ?? '').split('/').at(-1) ?? '';
      const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
      calls.push({ method, body });
      for (const w of [...waiters])
        if (calls.filter((c) => c.method === w.method).length >= w.count) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      if (method === 'getMe') return send(res, { id: 42, is_bot: true, first_name: 'Stub', username: 'stub_bot' });
      if (method === 'getUpdates') {
        if (queue.length || !Number(body.timeout)) return send(res, queue.splice(0));
        holding.push(res);
        return;
      }
      if (method === 'sendMessage') return send(res, { message_id: calls.length, date: 0, chat: { id: body.chat_id, type: 'private' }, text: body.text });
      return send(res, true);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    push(update) {
      queue.push(update);
      flush();
    },
    waitFor(method, count = 1) {
      if (calls.filter((c) => c.method === method).length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ method, count, resolve }));
    },
    async close() {
      for (const res of holding.splice(0)) send(res, []);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
