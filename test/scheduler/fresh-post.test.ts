import { describe, expect, it } from 'vitest';
import type { PostOptions, Publisher } from '../../src/scheduler/publisher.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import { memoryStore } from '../../src/store/memory-store.ts';
import { hourlySubscription } from '../helpers/hourly-subscription.ts';
import { fakeBriefing } from './fake-briefing.ts';

const sub = hourlySubscription({ id: 's1', target: 'file:/tmp/never-written.jsonl' });
const briefing = () => fakeBriefing([{ id: 'a', topic: 'alpha', at: '2026-01-01T00:00:00.000Z', text: 'Standing point.' }], ['alpha']);

describe('the fresh flag of a post (a publisher may skip looking for an earlier copy)', () => {
  it('is set only on the first attempt of a record this sender created, never on a retry or a resume', async () => {
    const store = memoryStore();
    await store.subscriptions.insert(sub);
    const seen: (boolean | undefined)[] = [];
    let fail = 1;
    const publisher: Publisher = {
      async post(_t, _r, opts: PostOptions) {
        seen.push(opts.fresh);
        if (fail-- > 0) return { ok: false, kind: 'retryable', reason: 'HTTP 500', messageIds: [] };
        return { ok: true, messageIds: ['m'] };
      },
    };
    const s = createScheduler({ store, publishers: { file: publisher }, briefing, sleep: async () => {}, trigger: () => () => {} });
    expect((await s.runDue(new Date('2026-06-01T10:05:00Z'))).map((o) => o.state)).toEqual(['sent']);
    expect(seen).toEqual([true, false]);

    // a record left sending by a dead sender: the one taking it over must look for an earlier copy
    await store.deliveries.begin({
      key: 's1@2026-06-01T11:00:00.000Z',
      subscriptionId: 's1',
      target: sub.target,
      slot: '2026-06-01T11:00:00.000Z',
      state: 'sending',
      reply: JSON.stringify({ kind: 'digest', title: 'T', sections: [] }),
      messageIds: [],
      attempts: 0,
      createdAt: '2026-06-01T11:00:00.000Z',
      updatedAt: '2026-06-01T11:00:00.000Z',
    });
    seen.length = 0;
    expect((await s.runDue(new Date('2026-06-01T11:05:00Z'))).map((o) => o.state)).toEqual(['sent']);
    expect(seen).toEqual([false]);
    await s.stop();
  });
});
