/**
 * A loopback fake of Discord for discord.js 14: `GET /api/v10/gateway/bot`, a gateway over `ws`
 * (HELLO, IDENTIFY → READY, heartbeats), and the REST routes interactions use. Records every request.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One REST request the client made. */
export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

/** A running fake. */
export interface DiscordFake {
  /** `http://127.0.0.1:PORT/api`, for `new Client({ rest: { api } })`. */
  api: string;
  appId: string;
  botId: string;
  requests: RecordedRequest[];
  /** The shard (`[id, count]`) of each IDENTIFY, in order (null: the client sent none). */
  identified: ([number, number] | null)[];
  /** Resolves once a client has identified and been sent READY. */
  ready: Promise<void>;
  /** Pushes an INTERACTION_CREATE and resolves when the client has made `expectRequests` REST calls for it. */
  interact(payload: Record<string, unknown>, expectRequests?: number): Promise<RecordedRequest[]>;
  close(): Promise<void>;
}

const BOT = { id: '900000000000000001', username: 'briefing', discriminator: '0', avatar: null, global_name: null, bot: true };
const APP_ID = '900000000000000002';

function message(body: Record<string, unknown>, channelId: string): Record<string, unknown> {
  return {
    id: String(910000000000000000n + BigInt(Math.floor(Math.random() * 1e9))),
    channel_id: channelId,
    type: 0,
    content: body.content ?? '',
    author: BOT,
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    timestamp: new Date(0).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    pinned: false,
    flags: body.flags ?? 0,
  };
}

/** Starts the fake on a free loopback port. */
export async function startDiscordFake(): Promise<DiscordFake> {
  const requests: RecordedRequest[] = [];
  const identified: ([number, number] | null)[] = [];
  const listeners = new Set<() => void>();
  let socket: WebSocket | undefined;
  let seq = 0;
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += String(c)));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]!.replace(/^\/api\/v10/, '');
      const body: unknown = raw ? JSON.parse(raw) : undefined;
      const json = (status: number, data: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(data));
      };
      if (req.method === 'GET' && path === '/gateway/bot') {
        const port = (server.address() as AddressInfo).port;
        json(200, { url: `ws://127.0.0.1:${port}`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 16 } });
        return;
      }
      requests.push({ method: req.method ?? '', path, body });
      if (/^\/interactions\/\d+\/[^/]+\/callback$/.test(path) || req.method === 'DELETE') {
        res.writeHead(204);
        res.end();
      } else if (/^\/webhooks\//.test(path)) json(200, message((body ?? {}) as Record<string, unknown>, '800000000000000001'));
      else if (req.method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) json(200, body);
      else json(404, { message: 'Unknown route', code: 0 });
      for (const l of listeners) l();
    });
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => {
    socket = ws;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { op: number; d?: { shard?: [number, number] } };
      if (msg.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (msg.op === 2) {
        identified.push(msg.d?.shard ?? null);
        const port = (server.address() as AddressInfo).port;
        ws.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: ++seq,
            d: {
              v: 10,
              user: BOT,
              guilds: [],
              session_id: 'fake-session',
              resume_gateway_url: `ws://127.0.0.1:${port}`,
              application: { id: APP_ID, flags: 0 },
              shard: msg.d?.shard ?? [0, 1],
            },
          }),
        );
        markReady();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;

  return {
    api: `http://127.0.0.1:${port}/api`,
    appId: APP_ID,
    botId: BOT.id,
    requests,
    identified,
    ready,
    async interact(payload, expectRequests = 1) {
      if (!socket) throw new Error('no gateway connection yet');
      const from = requests.length;
      const done = new Promise<void>((resolve) => {
        const check = () => {
          if (requests.length - from >= expectRequests) {
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
      });
      socket.send(JSON.stringify({ op: 0, t: 'INTERACTION_CREATE', s: ++seq, d: { application_id: APP_ID, version: 1, ...payload } }));
      await done;
      return requests.slice(from);
    },
    async close() {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A guild member with these permissions (a bit field as a decimal string), for interaction payloads. */
export function member(userId: string, permissions = '0'): Record<string, unknown> {
  return {
    user: { id: userId, username: `user${userId.slice(-3)}`, discriminator: '0', avatar: null, global_name: null },
    roles: [],
    permissions,
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
  };
}
