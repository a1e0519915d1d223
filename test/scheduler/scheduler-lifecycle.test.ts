import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordPublisher } from '../../src/platforms/discord/discord-publisher.ts';
import { createTelegramPublisher } from '../../src/platforms/telegram/telegram-publisher.ts';
import { cronTrigger } from '../../src/scheduler/cron-trigger.ts';
import { scheduledReply as digestReply } from '../../src/scheduler/scheduled-reply.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import { shutdownScheduler } from '../../src/scheduler/shutdown.ts';
import { createSubscriptionService } from '../../src/scheduler/subscription-service.ts';
import { memoryStore } from '../../src/store/memory-store.ts';
import type { Subscription } from '../../src/store/subscription-store.ts';
import { fakeClock } from '../helpers/fake-clock.ts';
import { startPlatformStub, type PlatformStub } from '../helpers/platform-stub.ts';
import { fakeBriefing } from './fake-briefing.ts';
import { parseTarget } from '../helpers/targets.ts';

const CH = '223456789012345678';
let stub: PlatformStub;
beforeEach(async () => {
  stub = await startPlatformStub();
});
afterEach(async () => {
  await stub.close();
});

const manyArticles = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `a${i}`, topic: 'alpha', at: '2026-01-01T00:00:00.000Z', text: `Point number ${i}: ${'word '.repeat(40)}` }));

describe('scheduler lifecycle and long digests', () => {
  it('start() runs at once and on every trigger tick; stop() ends the trigger and closes the store', async () => {
    const store = memoryStore();
    const clock = fakeClock('2026-01-01T00:30:00Z');
    let tick: (() => void) | undefined;
    let stopped = false;
    const svc = createSubscriptionService({
      store: store.subscriptions,
      knownTopics: () => ['alpha'],
      now: () => new Date('2026-01-01T00:00:00Z'),
      parseTarget,
    });
    await svc.subscribe({ target: `discord:${CH}`, topics: ['alpha'], schedule: 'hourly' });
    const scheduler = createScheduler({
      store,
      publishers: { discord: createDiscordPublisher({ token: 't', api: stub.discordApi, timeoutMs: 2000 }) },
      briefing: () => fakeBriefing([]),
      clock,
      sleep: clock.sleep,
      trigger: (onTick) => {
        tick = onTick;
        return () => {
          stopped = true;
        };
      },
    });
    clock.set('2026-01-01T01:00:30Z');
    await scheduler.start();
    await scheduler.idle();
    expect(stub.messages).toHaveLength(1);
    clock.set('2026-01-01T02:00:10Z');
    tick!();
    await scheduler.idle();
    expect(stub.messages).toHaveLength(2);
    await shutdownScheduler(scheduler, store);
    expect(stopped).toBe(true);
    expect(await scheduler.runDue(new Date('2026-01-01T05:00:00Z'))).toEqual([]);
  });

  it('a long digest split in parts: a 500 on part 2 resends only the missing parts', async () => {
    const store = memoryStore();
    const clock = fakeClock('2026-01-01T00:00:00Z');
    const svc = createSubscriptionService({ store: store.subscriptions, knownTopics: () => ['alpha'], now: clock.now, parseTarget });
    await svc.subscribe({ target: 'telegram:-321', topics: ['alpha'], schedule: 'hourly' });
    await svc.subscribe({ target: `discord:${CH}`, topics: ['alpha'], schedule: 'hourly' });
    stub.script('-321', ['ok', { status: 500 }]);
    stub.script(CH, ['ok', { status: 502 }]);
    const scheduler = createScheduler({
      store,
      publishers: {
        telegram: createTelegramPublisher({ token: '1:a', apiRoot: stub.telegramApiRoot, timeoutMs: 2000 }),
        discord: createDiscordPublisher({ token: 't', api: stub.discordApi, timeoutMs: 2000 }),
      },
      briefing: () => fakeBriefing(manyArticles(60)),
      clock,
      sleep: clock.sleep,
      trigger: () => () => {},
    });
    clock.set('2026-01-01T01:00:00Z');
    const outcomes = await scheduler.runDue(clock.now());
    expect(outcomes.map((o) => o.state)).toEqual(['sent', 'sent']);
    const tg = stub.messages.filter((m) => m.platform === 'telegram');
    const dc = stub.messages.filter((m) => m.platform === 'discord');
    expect(tg.length).toBeGreaterThan(2);
    expect(dc.length).toBeGreaterThan(2);
    expect(new Set(tg.map((m) => m.text)).size).toBe(tg.length);
    expect(new Set(dc.map((m) => m.text)).size).toBe(dc.length);
    expect(tg.every((m) => m.text.length <= 4096) && dc.every((m) => m.text.length <= 4096)).toBe(true);
    const rec = await store.deliveries.get(outcomes.find((o) => o.target.startsWith('telegram'))!.key);
    expect(rec).toMatchObject({ state: 'sent', attempts: 1 });
    expect(rec!.messageIds).toEqual(tg.map((m) => m.id));
  });
});

describe('cronTrigger', () => {
  it('calls back on node-cron ticks and stops cleanly', async () => {
    let ticks = 0;
    let first!: () => void;
    const ticked = new Promise<void>((r) => (first = r));
    const stop = cronTrigger('* * * * * *')(() => {
      ticks += 1;
      first();
    });
    await ticked;
    await stop();
    const after = ticks;
    expect(after).toBeGreaterThanOrEqual(1);
  });
});

describe('digestReply', () => {
  const sub: Subscription = {
    id: 's',
    target: 'file:x',
    topics: ['alpha', 'beta', 'gone'],
    schedule: 'daily 08:00',
    cron: '0 8 * * *',
    timezone: 'Asia/Tokyo',
    onEmpty: 'notify',
    status: 'active',
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  it('cites each point, notes a topic no longer configured, and says "no new developments" in the zone', () => {
    const b = fakeBriefing([{ id: 'a1', topic: 'alpha', at: '2026-01-02T00:00:00.000Z', text: 'P1' }]);
    const r = digestReply(b, sub, '2026-01-01T00:00:00.000Z')!;
    expect(r.kind).toBe('answer');
    expect(r.sections[0]).toMatchObject({ heading: 'ALPHA', points: [{ text: 'P1', citations: [{ article: 'a1', label: 'Wire', date: '2026-01-02' }] }] });
    expect(r.sections.some((s) => s.text?.includes('"gone" is no longer configured'))).toBe(true);
    const empty = digestReply(b, sub, '2026-01-03T00:00:00.000Z')!;
    expect(empty.kind).toBe('info');
    expect(empty.sections[0]!.text).toBe('No new developments since 2026-01-03 09:00 (Asia/Tokyo).');
    expect(digestReply(b, { ...sub, onEmpty: 'skip' }, '2026-01-03T00:00:00.000Z')).toBeNull();
  });
});
