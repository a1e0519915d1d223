import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordPublisher, discordNonce } from '../../src/platforms/discord/discord-publisher.ts';
import { createFilePublisher, readFileDeliveries } from '../../src/platforms/file/file-publisher.ts';
import { createTelegramPublisher } from '../../src/platforms/telegram/telegram-publisher.ts';
import type { Reply } from '../../src/reply/reply.ts';
import type { Target } from '../../src/scheduler/target.ts';
import { parseTarget } from '../helpers/targets.ts';
import { startPlatformStub, type PlatformStub } from '../helpers/platform-stub.ts';

const target = (s: string): Target => {
  const t = parseTarget(s);
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
};
const reply = (lines = 1, width = 50): Reply => ({
  kind: 'answer',
  title: 'Briefing: Test topic',
  sections: [
    {
      heading: 'Test topic',
      points: Array.from({ length: lines }, (_, i) => ({
        text: `Point ${i} ${'x'.repeat(width)}`,
        citations: [{ article: 'a1', label: 'Outlet', date: '2026-01-01' }],
      })),
    },
  ],
});

let stub: PlatformStub;
beforeEach(async () => {
  stub = await startPlatformStub();
});
afterEach(async () => {
  await stub.close();
});

describe('Discord publisher against a loopback stub', () => {
  const CH = '123456789012345678';
  const make = () => createDiscordPublisher({ token: 't', api: stub.discordApi, timeoutMs: 2000 });

  it('posts with a nonce and enforce_nonce; a retry with the same key is deduplicated', async () => {
    const p = make();
    const first = await p.post(target(`discord:${CH}`), reply(), { idempotencyKey: 'sub@slot' });
    const again = await p.post(target(`discord:${CH}`), reply(), { idempotencyKey: 'sub@slot' });
    expect(first.ok && again.ok && first.messageIds).toEqual(again.ok && again.messageIds);
    expect(stub.messages.filter((m) => !m.deduped)).toHaveLength(1);
    expect(stub.messages[0]!.nonce).toBe(discordNonce('sub@slot', 0));
    expect(discordNonce('x'.repeat(200), 3).length).toBeLessThanOrEqual(25);
  });

  it("pages a long digest into embeds within Discord's limits and skips parts already sent", async () => {
    const p = make();
    const parts: string[] = [];
    const r = await p.post(target(`discord:${CH}`), reply(60, 60), { idempotencyKey: 'k', onPart: async (_i, id) => void parts.push(id) });
    expect(r.ok).toBe(true);
    expect(stub.messages.length).toBeGreaterThan(1);
    expect(stub.messages.every((m) => m.text.length <= 4096 && (m.body.embeds as unknown[]).length === 1)).toBe(true);
    const n = stub.messages.length;
    const resumed = await p.post(target(`discord:${CH}`), reply(60, 60), { idempotencyKey: 'k', alreadySent: n - 1 });
    expect(resumed.ok && resumed.messageIds.length).toBe(1);
    expect(parts).toHaveLength(n);
  });

  it('waits out a 429 (REST queue) and posts once', async () => {
    stub.script(CH, [{ status: 429, retryAfter: 0.05 }]);
    const r = await make().post(target(`discord:${CH}`), reply(), { idempotencyKey: 'k' });
    expect(r.ok).toBe(true);
    expect(stub.requests.map((q) => q.answered)).toEqual([429, 200]);
  });

  it('reports 500 and a hang as retryable, 403 and 404 as permanent with pause, 400 without', async () => {
    stub.script(CH, [{ status: 500 }, 'hang', { status: 403 }, { status: 404 }, { status: 400 }]);
    const p = make();
    const kinds = [];
    for (let i = 0; i < 5; i++) {
      const r = await p.post(target(`discord:${CH}`), reply(), { idempotencyKey: `k${i}` });
      kinds.push(r.ok ? 'ok' : r.kind === 'permanent' ? `permanent:${r.pause}` : 'retryable');
    }
    expect(kinds).toEqual(['retryable', 'retryable', 'permanent:true', 'permanent:true', 'permanent:false']);
    expect(stub.messages).toHaveLength(0);
  });
});

describe('Telegram publisher against a loopback stub', () => {
  const make = () => createTelegramPublisher({ token: '123:abc', apiRoot: stub.telegramApiRoot, timeoutMs: 2000 });

  it('posts to numeric and @channel chats and splits at 4,096 UTF-16 units', async () => {
    const p = make();
    expect((await p.post(target('telegram:-1001234567890'), reply(), { idempotencyKey: 'k' })).ok).toBe(true);
    expect((await p.post(target('telegram:@some_channel'), reply(120, 80), { idempotencyKey: 'k2' })).ok).toBe(true);
    expect(stub.messages[0]!.target).toBe('-1001234567890');
    const long = stub.messages.filter((m) => m.target === '@some_channel');
    expect(long.length).toBeGreaterThan(1);
    expect(long.every((m) => m.text.length <= 4096)).toBe(true);
  });

  it('hands back retry_after of a 429, and classifies 5xx, hang, 403 and chat not found', async () => {
    stub.script('-42', [
      { status: 429, retryAfter: 7 },
      { status: 502 },
      'hang',
      { status: 403 },
      { status: 400, description: 'Bad Request: chat not found' },
      { status: 400, description: 'Bad Request: message is too long' },
    ]);
    const p = make();
    const out = [];
    for (let i = 0; i < 6; i++) out.push(await p.post(target('telegram:-42'), reply(), { idempotencyKey: `k${i}` }));
    expect(out[0]).toMatchObject({ ok: false, kind: 'retryable', retryAfterMs: 7000, status: 429 });
    expect(out[1]).toMatchObject({ ok: false, kind: 'retryable', status: 502 });
    expect(out[2]).toMatchObject({ ok: false, kind: 'retryable' });
    expect(out[3]).toMatchObject({ ok: false, kind: 'permanent', pause: true, status: 403 });
    expect(out[4]).toMatchObject({ ok: false, kind: 'permanent', pause: true, status: 400 });
    expect(out[5]).toMatchObject({ ok: false, kind: 'permanent', pause: false, status: 400 });
  });
});

describe('file publisher', () => {
  it('appends one JSON line per delivery and never writes the same key twice', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'filepub-'));
    const file = path.join(dir, 'out', 'digests.jsonl');
    const p = createFilePublisher({ now: () => new Date('2026-01-01T00:00:00Z') });
    const first = await p.post(target(`file:${file}`), reply(), { idempotencyKey: 'a@1' });
    fs.appendFileSync(file, '{"torn":');
    const again = await p.post(target(`file:${file}`), reply(), { idempotencyKey: 'a@1' });
    await p.post(target(`file:${file}`), reply(), { idempotencyKey: 'a@2' });
    expect(first).toEqual({ ok: true, messageIds: ['offset:0'] });
    expect(again).toEqual(first);
    const lines = readFileDeliveries(file);
    expect(lines.map((l) => l.key)).toEqual(['a@1', 'a@2']);
    expect(lines[0]!.text).toContain('Point 0');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('file publisher on a large file', () => {
  it('appends without reading the whole file: a 3 GiB file (too big to read at once) takes a post', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'filepub-big-'));
    const file = path.join(dir, 'digests.jsonl');
    try {
      const p = createFilePublisher({ now: () => new Date('2026-01-01T00:00:00Z') });
      fs.writeFileSync(file, `${JSON.stringify({ key: 'old@0', at: 'x', title: 't', text: 't' })}\n`);
      // Sparse: 3 GiB on paper, nothing on disk; more than Node can read into one buffer.
      fs.truncateSync(file, 3 * 1024 ** 3);
      fs.appendFileSync(file, '\n');
      const r = await p.post(target(`file:${file}`), reply(), { idempotencyKey: 'big@1' });
      expect(r).toMatchObject({ ok: true });
      const again = await p.post(target(`file:${file}`), reply(), { idempotencyKey: 'big@1' });
      expect(again).toEqual(r);
      const size = fs.statSync(file).size;
      const fd = fs.openSync(file, 'r');
      const buf = Buffer.alloc(64 * 1024);
      const n = fs.readSync(fd, buf, 0, buf.length, size - buf.length);
      fs.closeSync(fd);
      const lines = buf
        .subarray(0, n)
        .toString('utf8')
        .split('\n')
        .filter((l) => l.startsWith('{"key"'));
      expect(lines.map((l) => (JSON.parse(l) as { key: string }).key)).toEqual(['big@1']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
