import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordPublisher } from '../../src/platforms/discord/discord-publisher.ts';
import { createFilePublisher, readFileDeliveries } from '../../src/platforms/file/file-publisher.ts';
import { createTelegramPublisher } from '../../src/platforms/telegram/telegram-publisher.ts';
import type { AdminNotice } from '../../src/scheduler/deliver-slot.ts';
import type { Publisher, Publishers } from '../../src/scheduler/publisher.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import { createSubscriptionService } from '../../src/scheduler/subscription-service.ts';
import { memoryStore } from '../../src/store/memory-store.ts';
import { sqliteStore } from '../../src/store/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { fakeClock, type FakeClock } from '../helpers/fake-clock.ts';
import { startPlatformStub, type PlatformStub } from '../helpers/platform-stub.ts';
import { fakeBriefing, type FakeArticle } from './fake-briefing.ts';
import { parseTarget } from '../helpers/targets.ts';

const CH = '123456789012345678';
let stub: PlatformStub;
let dir: string;
beforeEach(async () => {
  stub = await startPlatformStub();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sched-'));
});
afterEach(async () => {
  await stub.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function setup(store: Store, clock: FakeClock, articles: FakeArticle[] = [], extra: Partial<Parameters<typeof createScheduler>[0]> = {}) {
  const notices: AdminNotice[] = [];
  const publishers: Publishers = {
    discord: createDiscordPublisher({ token: 't', api: stub.discordApi, timeoutMs: 2000 }),
    telegram: createTelegramPublisher({ token: '1:a', apiRoot: stub.telegramApiRoot, timeoutMs: 2000 }),
    file: createFilePublisher({ now: clock.now }),
  };
  const briefing = fakeBriefing(articles);
  const service = createSubscriptionService({ store: store.subscriptions, knownTopics: () => ['alpha', 'beta'], now: clock.now, parseTarget });
  const scheduler = createScheduler({
    store,
    publishers,
    briefing: () => briefing,
    clock,
    sleep: clock.sleep,
    notifyAdmin: (n) => void notices.push(n),
    trigger: () => () => {},
    ...extra,
  });
  return { scheduler, service, notices };
}

async function subscribe(
  service: ReturnType<typeof createSubscriptionService>,
  target: string,
  schedule = 'daily 08:00',
  onEmpty: 'notify' | 'skip' = 'notify',
) {
  const r = await service.subscribe({ target, topics: ['alpha'], schedule, timezone: 'Europe/Berlin', onEmpty });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('scheduler driven by a fake clock', () => {
  it('a week of daily 08:00 Berlin to three targets: seven posts each; a restart re-sends nothing', async () => {
    const store = sqliteStore(path.join(dir, 'b.db'));
    const clock = fakeClock('2026-03-23T00:00:00Z');
    const articles = [{ id: 'a1', topic: 'alpha', at: '2026-03-22T05:00:00.000Z', text: 'First development.' }];
    const { scheduler, service } = setup(store, clock, articles);
    const file = path.join(dir, 'out.jsonl');
    await subscribe(service, `file:${file}`);
    await subscribe(service, `discord:${CH}`);
    await subscribe(service, 'telegram:-100777');
    for (let i = 0; i < 7 * 24 * 2; i++) {
      clock.advance(30 * 60_000);
      if (clock.now().toISOString() === '2026-03-25T12:00:00.000Z') {
        articles.push({ id: 'a2', topic: 'alpha', at: '2026-03-25T11:00:00.000Z', text: 'Second development.' });
      }
      await scheduler.runDue(clock.now());
    }
    expect(readFileDeliveries(file)).toHaveLength(7);
    expect(stub.messages.filter((m) => m.platform === 'discord')).toHaveLength(7);
    expect(stub.messages.filter((m) => m.platform === 'telegram')).toHaveLength(7);
    const texts = readFileDeliveries(file).map((l) => l.text);
    expect(texts[0]).toContain('First development.'); // the first delivery carries the whole digest
    expect(texts[1]).toMatch(/No new developments since 2026-03-23 08:00 \(Europe\/Berlin\)/);
    expect(texts[2]).toMatch(/No new developments since 2026-03-24 08:00/);
    expect(texts[3]).toContain('Second development.');
    expect(texts[3]).not.toContain('First development.');
    expect(texts[3]).toContain('New since 2026-03-25 08:00');
    await scheduler.stop();
    const again = setup(store, clock, articles);
    expect(await again.scheduler.runDue(clock.now())).toEqual([]);
    expect(stub.messages).toHaveLength(14);
    expect(readFileDeliveries(file)).toHaveLength(7);
    await store.close();
  });

  it('after three days down, catches up the latest missed slot once; onEmpty skip posts nothing', async () => {
    const store = memoryStore();
    const clock = fakeClock('2026-05-01T00:00:00Z');
    const { scheduler, service } = setup(store, clock, [{ id: 'a', topic: 'alpha', at: '2026-05-01T01:00:00.000Z', text: 'News.' }]);
    const s = await subscribe(service, `discord:${CH}`, 'hourly');
    const quiet = await subscribe(service, 'telegram:-1', 'hourly', 'skip');
    clock.set('2026-05-01T02:10:00Z');
    await scheduler.runDue(clock.now());
    clock.set('2026-05-04T09:59:00Z');
    const out = await scheduler.runDue(clock.now());
    expect(out.map((o) => `${o.subscriptionId}:${o.slot}:${o.state}`).sort()).toEqual(
      [`${s.id}:2026-05-04T09:00:00.000Z:sent`, `${quiet.id}:2026-05-04T09:00:00.000Z:skipped`].sort(),
    );
    expect(stub.messages.filter((m) => m.platform === 'discord')).toHaveLength(2);
    expect(stub.messages.filter((m) => m.platform === 'telegram')).toHaveLength(1); // the first slot had news
  });
});

describe('faults against the loopback platform stub', () => {
  it('429 waits retry_after, 5xx backs off exponentially, a hang times out; each slot posted once', async () => {
    const store = memoryStore();
    const clock = fakeClock('2026-06-01T00:00:00Z');
    const { scheduler, service } = setup(store, clock, [{ id: 'a', topic: 'alpha', at: '2026-05-01T00:00:00.000Z', text: 'N' }]);
    await subscribe(service, 'telegram:-500');
    stub.script('-500', [{ status: 429, retryAfter: 7 }, { status: 500 }, { status: 503 }, 'hang']);
    clock.set('2026-06-01T06:00:00Z');
    const [o] = await scheduler.runDue(clock.now());
    expect(o).toMatchObject({ state: 'sent', attempts: 5 });
    expect(clock.sleeps).toEqual([7000, 2000, 4000, 8000]);
    expect(stub.requests.map((r) => r.answered)).toEqual([429, 500, 503, 'hang', 200]);
    expect(stub.messages).toHaveLength(1);
    const rec = await store.deliveries.get(o!.key);
    expect(rec).toMatchObject({ state: 'sent', attempts: 4, messageIds: [stub.messages[0]!.id] });
  });

  it('gives up after five attempts (no storm), then retries the failed slot once per later tick until it goes out', async () => {
    const store = memoryStore();
    const clock = fakeClock('2026-06-01T00:00:00Z');
    const { scheduler, service } = setup(store, clock);
    await subscribe(service, `discord:${CH}`, 'hourly');
    stub.script(
      CH,
      Array.from({ length: 5 }, () => ({ status: 500 })),
    );
    clock.set('2026-06-01T01:00:00Z');
    const [first] = await scheduler.runDue(clock.now());
    expect(first).toMatchObject({ state: 'failed', attempts: 5 });
    expect(stub.requests).toHaveLength(5);
    // The fault persists one more tick: one attempt, still failed.
    stub.script(CH, [{ status: 503 }]);
    clock.set('2026-06-01T01:01:00Z');
    expect(await scheduler.runDue(clock.now())).toEqual([expect.objectContaining({ key: first!.key, state: 'failed' })]);
    expect(stub.requests).toHaveLength(6);
    // The fault is gone: the same slot goes out under the same key, once.
    clock.set('2026-06-01T01:02:00Z');
    expect(await scheduler.runDue(clock.now())).toEqual([expect.objectContaining({ key: first!.key, state: 'sent' })]);
    expect(await scheduler.runDue(clock.now())).toEqual([]);
    expect(stub.messages.filter((m) => !m.deduped)).toHaveLength(1);
    clock.set('2026-06-01T02:00:00Z');
    const [second] = await scheduler.runDue(clock.now());
    expect(second).toMatchObject({ state: 'sent' });
  });

  it('a failed slot is superseded by the next one: not retried once that slot is due', async () => {
    const store = memoryStore();
    const clock = fakeClock('2026-06-01T00:00:00Z');
    const { scheduler, service } = setup(store, clock);
    await subscribe(service, `discord:${CH}`, 'hourly');
    stub.script(
      CH,
      Array.from({ length: 5 }, () => ({ status: 500 })),
    );
    clock.set('2026-06-01T01:00:00Z');
    const [first] = await scheduler.runDue(clock.now());
    expect(first).toMatchObject({ state: 'failed' });
    clock.set('2026-06-01T02:00:00Z');
    expect(await scheduler.runDue(clock.now())).toEqual([expect.objectContaining({ slot: '2026-06-01T02:00:00.000Z', state: 'sent' })]);
    expect((await store.deliveries.get(first!.key))?.state).toBe('failed');
  });

  it('403 pauses that subscription, tells the admin, and other targets are unaffected', async () => {
    const store = memoryStore();
    const clock = fakeClock('2026-06-01T00:00:00Z');
    const { scheduler, service, notices } = setup(store, clock);
    const gone = await subscribe(service, 'telegram:-403', 'hourly');
    await subscribe(service, `discord:${CH}`, 'hourly');
    await subscribe(service, `file:${path.join(dir, 'f.jsonl')}`, 'hourly');
    stub.always('-403', { status: 403 });
    for (const h of ['01', '02', '03']) {
      clock.set(`2026-06-01T${h}:00:00Z`);
      await scheduler.runDue(clock.now());
    }
    expect(stub.requests.filter((r) => r.target === '-403')).toHaveLength(1);
    expect(await store.subscriptions.get(gone.id)).toMatchObject({ status: 'paused', pausedReason: expect.stringContaining('403') });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.subscription.id).toBe(gone.id);
    expect(stub.messages.filter((m) => m.platform === 'discord')).toHaveLength(3);
    expect(readFileDeliveries(path.join(dir, 'f.jsonl'))).toHaveLength(3);
    const resumed = await service.resume(gone.id);
    expect(resumed.ok && resumed.value.status).toBe('active');
  });

  it('one hanging target does not hold up another; stop() waits for the delivery in flight', async () => {
    const store = memoryStore();
    const clock = fakeClock('2026-06-01T00:00:00Z');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const posted: string[] = [];
    const slow: Publisher = {
      async post(_t, _r, { onPart }) {
        await gate;
        posted.push('slow');
        await onPart?.(0, 'm-slow');
        return { ok: true, messageIds: ['m-slow'] };
      },
    };
    const { scheduler, service } = setup(store, clock, [], {
      publishers: { telegram: slow, file: createFilePublisher({ now: clock.now }) },
    });
    await subscribe(service, 'telegram:-9', 'hourly');
    await subscribe(service, `file:${path.join(dir, 'g.jsonl')}`, 'hourly');
    clock.set('2026-06-01T01:00:00Z');
    const run = scheduler.runDue(clock.now());
    await new Promise((r) => setImmediate(r));
    for (let i = 0; i < 20 && readFileDeliveries(path.join(dir, 'g.jsonl')).length === 0; i++) await new Promise((r) => setImmediate(r));
    expect(readFileDeliveries(path.join(dir, 'g.jsonl'))).toHaveLength(1);
    expect(posted).toEqual([]);
    expect(await scheduler.runDue(clock.now())).toEqual([]); // the slow one is in flight: not started twice
    const stopping = scheduler.stop();
    release();
    await stopping;
    expect(posted).toEqual(['slow']);
    expect((await run).map((o) => o.state)).toEqual(['sent', 'sent']);
    expect(await store.deliveries.list({ state: 'sending' })).toEqual([]);
  });

  it('shutdown during a backoff wait leaves the record sending; the next start resumes it with the same key', async () => {
    const store = memoryStore();
    const clock = fakeClock('2026-06-01T00:00:00Z');
    let scheduler!: ReturnType<typeof createScheduler>;
    const first = setup(store, clock, [], {
      sleep: async () => {
        void scheduler.stop();
      },
    });
    scheduler = first.scheduler;
    const s = await subscribe(first.service, `discord:${CH}`, 'hourly');
    stub.script(CH, [{ status: 500 }]);
    clock.set('2026-06-01T01:00:00Z');
    const [o] = await scheduler.runDue(clock.now());
    expect(o).toMatchObject({ state: 'interrupted' });
    expect((await store.deliveries.get(`${s.id}@2026-06-01T01:00:00.000Z`))?.state).toBe('sending');
    clock.set('2026-06-01T01:30:00Z');
    const again = setup(store, clock);
    const [r] = await again.scheduler.runDue(clock.now());
    expect(r).toMatchObject({ state: 'sent', key: `${s.id}@2026-06-01T01:00:00.000Z` });
    expect(stub.messages).toHaveLength(1);
  });

  it('two processes on one database: a live lease holder is left alone; an expired or dead one is taken over', async () => {
    const store = memoryStore();
    const clock = fakeClock('2026-06-01T00:00:00Z');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slowPosts: string[] = [];
    const slow: Publisher = {
      async post(_t, _r, { onPart, idempotencyKey }) {
        await gate;
        slowPosts.push(idempotencyKey);
        await onPart?.(0, 'm1');
        return { ok: true, messageIds: ['m1'] };
      },
    };
    const a = setup(store, clock, [], { publishers: { telegram: slow }, owner: 'host:1:a', ownerAlive: () => true });
    await subscribe(a.service, 'telegram:-8', 'hourly');
    clock.set('2026-06-01T01:00:00Z');
    const runA = a.scheduler.runDue(clock.now());
    for (let i = 0; i < 20 && (await store.deliveries.list({ state: 'sending' })).length === 0; i++) await new Promise((r) => setImmediate(r));
    const b = setup(store, clock, [], { owner: 'host:2:b', ownerAlive: () => true });
    expect((await b.scheduler.runDue(clock.now())).map((o) => o.state)).toEqual(['busy']);
    clock.set('2026-06-01T01:11:00Z'); // A's 10-minute lease has run out and A is gone: C takes the record over
    const c = setup(store, clock, [], { owner: 'host:3:c', ownerAlive: (o) => o !== 'host:1:a' });
    expect((await c.scheduler.runDue(clock.now())).map((o) => o.state)).toEqual(['sent']);
    release();
    expect((await runA).map((o) => o.state)).toEqual(['sent']);
    expect(stub.messages).toHaveLength(1); // C posted; A's own post went to its fake publisher
    expect(slowPosts).toHaveLength(1);
  });
});
