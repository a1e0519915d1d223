/**
 * A loopback stub of the two platform APIs the publishers call: Discord's
 * `POST /api/v10/channels/:id/messages` (with nonce dedupe under `enforce_nonce`) and Telegram's
 * `POST /bot<token>/sendMessage`. Each target can be scripted to answer 429, 5xx, 403/400, or hang.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer. `hang` never answers (the client must time out); `delayMs` answers OK late. */
export type StubStep = 'ok' | 'hang' | { delayMs: number } | { status: number; retryAfter?: number; description?: string };

/** One accepted message. */
export interface StubMessage {
  platform: 'discord' | 'telegram';
  target: string;
  id: string;
  text: string;
  nonce?: string;
  /** True when Discord answered from the nonce cache instead of posting again. */
  deduped?: boolean;
  /** The request body as sent (content or embeds, entities, allowed mentions). */
  body: Record<string, unknown>;
}

/** The running stub. */
export interface PlatformStub {
  /** `http://127.0.0.1:PORT/api` for discord.js REST. */
  discordApi: string;
  /** `http://127.0.0.1:PORT` for telegraf's apiRoot. */
  telegramApiRoot: string;
  /** Messages accepted (deduped Discord retries are listed with `deduped: true`). */
  messages: StubMessage[];
  /** Every request seen, with what was answered. */
  requests: { platform: string; target: string; answered: number | 'hang' }[];
  /** Queues answers for a target (channel id or chat id); unscripted requests succeed. */
  script(target: string, steps: StubStep[]): void;
  /** Makes every further request for a target answer this (e.g. 403 for a bot removed). */
  always(target: string, step: StubStep): void;
  close(): Promise<void>;
}

/** Starts the stub on 127.0.0.1 and a free port. */
export async function startPlatformStub(): Promise<PlatformStub> {
  const messages: StubMessage[] = [];
  const requests: PlatformStub['requests'] = [];
  const scripts = new Map<string, StubStep[]>();
  const fixed = new Map<string, StubStep>();
  const nonces = new Map<string, StubMessage>();
  let nextId = 1000;

  const next = (target: string): StubStep => fixed.get(target) ?? scripts.get(target)?.shift() ?? 'ok';
  const timers = new Set<NodeJS.Timeout>();
  /** Runs `answer` now, or after the step's delay (the step then counts as OK). */
  const later = (step: StubStep, answer: () => void) => {
    if (typeof step === 'object' && 'delayMs' in step) {
      const t = setTimeout(() => {
        timers.delete(t);
        answer();
      }, step.delayMs);
      timers.add(t);
    } else answer();
  };
  const code = (step: StubStep): number | 'hang' => (step === 'hang' ? 'hang' : step === 'ok' || 'delayMs' in step ? 200 : step.status);

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        return send(res, 400, { message: 'bad json' });
      }
      const url = req.url ?? '';
      const dm = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(url);
      const tm = /^\/bot[^/]+\/sendMessage$/.exec(url);
      if (req.method === 'POST' && dm) {
        const target = dm[1]!;
        const step = next(target);
        requests.push({ platform: 'discord', target, answered: code(step) });
        if (step === 'hang') return;
        if (step !== 'ok' && 'status' in step) {
          if (step.status === 429) {
            const after = step.retryAfter ?? 0.05;
            return send(
              res,
              429,
              { message: 'You are being rate limited.', retry_after: after, global: false },
              {
                'retry-after': String(after),
                'x-ratelimit-scope': 'user',
              },
            );
          }
          const apiCode = step.status === 403 ? 50001 : step.status === 404 ? 10003 : 0;
          return send(res, step.status, { message: step.description ?? `stub ${step.status}`, code: apiCode });
        }
        return later(step, () => {
          const nonce = typeof body.nonce === 'string' ? body.nonce : undefined;
          if (nonce && body.enforce_nonce === true && nonces.has(`${target}/${nonce}`)) {
            const prior = nonces.get(`${target}/${nonce}`)!;
            messages.push({ ...prior, deduped: true });
            return send(res, 200, { id: prior.id, channel_id: target, content: prior.text, nonce });
          }
          const embed = (body.embeds as { title?: string; description?: string }[] | undefined)?.[0];
          const msg: StubMessage = { platform: 'discord', target, id: String(nextId++), text: String(body.content ?? embed?.description ?? ''), body };
          if (nonce) msg.nonce = nonce;
          if (nonce) nonces.set(`${target}/${nonce}`, msg);
          messages.push(msg);
          send(res, 200, { id: msg.id, channel_id: target, content: msg.text, nonce });
        });
      }
      if (req.method === 'POST' && tm) {
        const target = String(body.chat_id ?? '');
        const step = next(target);
        requests.push({ platform: 'telegram', target, answered: code(step) });
        if (step === 'hang') return;
        if (step !== 'ok' && 'status' in step) {
          const parameters = step.status === 429 ? { retry_after: step.retryAfter ?? 1 } : undefined;
          const description =
            step.description ??
            (step.status === 429
              ? `Too Many Requests: retry after ${parameters?.retry_after}`
              : step.status === 403
                ? 'Forbidden: bot was kicked from the group chat'
                : `stub ${step.status}`);
          return send(res, step.status, { ok: false, error_code: step.status, description, ...(parameters ? { parameters } : {}) });
        }
        return later(step, () => {
          const msg: StubMessage = { platform: 'telegram', target, id: String(nextId++), text: String(body.text ?? ''), body };
          messages.push(msg);
          send(res, 200, { ok: true, result: { message_id: Number(msg.id), date: 0, chat: { id: target, type: 'group' }, text: msg.text } });
        });
      }
      send(res, 404, { message: `stub: no route ${req.method} ${url}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    discordApi: `http://127.0.0.1:${port}/api`,
    telegramApiRoot: `http://127.0.0.1:${port}`,
    messages,
    requests,
    script: (target, steps) => scripts.set(target, [...(scripts.get(target) ?? []), ...steps]),
    always: (target, step) => fixed.set(target, step),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
