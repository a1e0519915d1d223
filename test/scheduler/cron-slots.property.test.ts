import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latestSlot, nextSlot } from '../../src/scheduler/cron-slots.ts';
import { dueDeliveries } from '../../src/scheduler/due-deliveries.ts';
import { parseSchedule, type CronFields } from '../../src/scheduler/schedule-spec.ts';
import { wallTime } from '../../src/scheduler/zoned-time.ts';
import type { DeliveryRecord } from '../../src/store/delivery-log.ts';
import type { Subscription } from '../../src/store/subscription-store.ts';

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham'];
const cronArb = fc
  .tuple(
    fc.constantFrom('0', '30', '*/15', '5,45', '59'),
    fc.constantFrom('*', '0', '2', '8', '1-3', '*/6', '23'),
    fc.constantFrom('*', '1', '15', '28-31'),
    fc.constantFrom('*', '3', '10,11', '*/2'),
    fc.constantFrom('*', '1-5', '0', '6'),
  )
  .map((p) => p.join(' '));
const instantArb = fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') });
const fieldsOf = (c: string): CronFields => {
  const r = parseSchedule(c);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.fields;
};
/** A slot's wall time matches the cron, or it is a shifted time from a daylight-saving gap. */
const matchesWall = (f: CronFields, tz: string, ms: number) => {
  const w = wallTime(ms, tz);
  const dow = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return f.minute.includes(w.minute) && f.hour.includes(w.hour) && f.dayOfMonth.includes(w.day) && f.month.includes(w.month) && f.dayOfWeek.includes(dow);
};

describe('cron slot properties (fast-check)', () => {
  it('latest ≤ t < next, nothing between them, and in zones without a change the wall time matches', () => {
    fc.assert(
      fc.property(cronArb, fc.constantFrom(...ZONES), instantArb, (cron, tz, t) => {
        const f = fieldsOf(cron);
        const last = latestSlot(f, tz, t);
        const next = nextSlot(f, tz, t);
        if (last !== undefined) {
          expect(last).toBeLessThanOrEqual(t);
          expect(nextSlot(f, tz, last)).toBe(next);
          if (tz === 'UTC' || tz === 'Asia/Kolkata') expect(matchesWall(f, tz, last)).toBe(true);
        }
        if (next !== undefined) {
          expect(next).toBeGreaterThan(t);
          expect(latestSlot(f, tz, next)).toBe(next);
          expect(latestSlot(f, tz, next - 1)).toBe(last);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('running the due computation tick by tick never delivers a slot twice and never skips one it passed', () => {
    fc.assert(
      fc.property(fc.constantFrom('0 * * * *', '30 2 * * *', '*/15 1-3 * * *', '0 0 * * 0'), fc.constantFrom(...ZONES), instantArb, (cron, tz, t0) => {
        const sub: Subscription = {
          id: 's',
          target: 'file:x',
          topics: ['a'],
          schedule: cron,
          cron,
          timezone: tz,
          onEmpty: 'notify',
          status: 'active',
          createdAt: new Date(t0).toISOString(),
        };
        const log: DeliveryRecord[] = [];
        const end = t0 + 3 * 86_400_000;
        for (let t = t0; t <= end; t += 7 * 60_000) {
          for (const d of dueDeliveries(new Date(t), [sub], log)) {
            log.push({
              key: d.slot,
              subscriptionId: 's',
              target: 'file:x',
              slot: d.slot,
              state: 'sent',
              messageIds: [],
              attempts: 0,
              createdAt: '',
              updatedAt: '',
            });
          }
        }
        const slots = log.map((r) => r.slot);
        expect(new Set(slots).size).toBe(slots.length);
        const f = fieldsOf(cron);
        const expected: string[] = [];
        for (let s = nextSlot(f, tz, t0); s !== undefined && s <= end - 7 * 60_000; s = nextSlot(f, tz, s)) expected.push(new Date(s).toISOString());
        expect(slots.slice(0, expected.length)).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });
});
