import { describe, expect, it } from 'vitest';
import { dueDeliveries } from '../../src/scheduler/due-deliveries.ts';
import type { DeliveryRecord } from '../../src/store/delivery-log.ts';
import type { Subscription } from '../../src/store/subscription-store.ts';

const sub = (over: Partial<Subscription> = {}): Subscription => ({
  id: 's1',
  target: 'file:/tmp/x.jsonl',
  topics: ['alpha'],
  schedule: 'daily 08:00',
  cron: '0 8 * * *',
  timezone: 'Europe/Berlin',
  onEmpty: 'notify',
  status: 'active',
  createdAt: '2026-03-01T00:00:00.000Z',
  ...over,
});
const rec = (slot: string, state: DeliveryRecord['state']): DeliveryRecord => ({
  key: `s1@${slot}`,
  subscriptionId: 's1',
  target: 'file:/tmp/x.jsonl',
  slot,
  state,
  messageIds: [],
  attempts: 0,
  createdAt: slot,
  updatedAt: slot,
});
const at = (s: string) => new Date(s);

describe('dueDeliveries (pure)', () => {
  it('owes the latest slot at or before now, once', () => {
    const due = dueDeliveries(at('2026-03-02T07:00:00Z'), [sub()], []);
    expect(due.map((d) => d.slot)).toEqual(['2026-03-02T07:00:00.000Z']);
    expect(dueDeliveries(at('2026-03-02T07:30:00Z'), [sub()], [rec('2026-03-02T07:00:00.000Z', 'sent')])).toEqual([]);
  });

  it('never owes a slot from before the subscription existed', () => {
    expect(dueDeliveries(at('2026-03-01T06:59:00Z'), [sub()], [])).toEqual([]);
    expect(dueDeliveries(at('2026-03-01T07:00:00Z'), [sub({ createdAt: '2026-03-01T07:00:00.000Z' })], [])).toEqual([]);
  });

  it('after downtime catches up only the latest missed slot, since the last delivery', () => {
    const due = dueDeliveries(at('2026-03-06T12:00:00Z'), [sub()], [rec('2026-03-02T07:00:00.000Z', 'sent')]);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ slot: '2026-03-06T07:00:00.000Z', since: '2026-03-02T07:00:00.000Z' });
  });

  it('resumes a record left sending', () => {
    const pending = rec('2026-03-02T07:00:00.000Z', 'sending');
    const due = dueDeliveries(at('2026-03-02T09:00:00Z'), [sub()], [pending]);
    expect(due).toEqual([expect.objectContaining({ slot: pending.slot, resume: pending })]);
  });

  it('retries a failed latest slot on later ticks, until the next slot supersedes it', () => {
    const failed = rec('2026-03-02T07:00:00.000Z', 'failed');
    const sent = rec('2026-03-01T07:00:00.000Z', 'sent');
    expect(dueDeliveries(at('2026-03-02T09:00:00Z'), [sub()], [sent, failed])).toEqual([
      expect.objectContaining({ slot: failed.slot, retry: failed, since: sent.slot }),
    ]);
    const next = dueDeliveries(at('2026-03-03T07:00:00Z'), [sub()], [sent, failed]);
    expect(next).toEqual([expect.objectContaining({ slot: '2026-03-03T07:00:00.000Z', since: sent.slot })]);
    expect(next[0]!.retry).toBeUndefined();
  });

  it('owes nothing to a paused subscription', () => {
    expect(dueDeliveries(at('2026-03-05T09:00:00Z'), [sub({ status: 'paused', pausedReason: 'gone' })], [])).toEqual([]);
  });

  it('fake clock over a DST week: daily 02:30 Berlin delivers exactly once per day, spring-forward included', () => {
    const s = sub({ cron: '30 2 * * *', schedule: 'daily 02:30', createdAt: '2026-03-26T00:00:00.000Z' });
    const log: DeliveryRecord[] = [];
    for (let t = at('2026-03-26T00:00:00Z').getTime(); t <= at('2026-04-01T00:00:00Z').getTime(); t += 10 * 60_000) {
      for (const d of dueDeliveries(new Date(t), [s], log)) log.push(rec(d.slot, 'sent'));
    }
    expect(log.map((r) => r.slot)).toEqual([
      '2026-03-26T01:30:00.000Z',
      '2026-03-27T01:30:00.000Z',
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:30:00.000Z', // 02:30 doesn't exist on 29 March: runs at 03:30 CEST
      '2026-03-30T00:30:00.000Z',
      '2026-03-31T00:30:00.000Z',
    ]);
  });

  it('fake clock over the fall-back night: daily 01:30 New York runs once', () => {
    const s = sub({ cron: '30 1 * * *', timezone: 'America/New_York', createdAt: '2026-10-31T12:00:00.000Z' });
    const log: DeliveryRecord[] = [];
    for (let t = at('2026-10-31T12:00:00Z').getTime(); t <= at('2026-11-02T12:00:00Z').getTime(); t += 5 * 60_000) {
      for (const d of dueDeliveries(new Date(t), [s], log)) log.push(rec(d.slot, 'sent'));
    }
    expect(log.map((r) => r.slot)).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
  });
});
