import { describe, expect, it } from 'vitest';
import { latestSlot, nextSlot, slotsBetween } from '../../src/scheduler/cron-slots.ts';
import { parseSchedule } from '../../src/scheduler/schedule-spec.ts';

const fields = (s: string) => {
  const r = parseSchedule(s);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.fields;
};
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const ms = (s: string) => new Date(s).getTime();

describe('cron slots in a time zone', () => {
  it('daily 08:00 in Berlin is 07:00Z in winter and 06:00Z in summer', () => {
    const f = fields('daily 08:00');
    expect(iso(latestSlot(f, 'Europe/Berlin', ms('2026-01-15T12:00:00Z')))).toBe('2026-01-15T07:00:00.000Z');
    expect(iso(latestSlot(f, 'Europe/Berlin', ms('2026-07-15T05:59:00Z')))).toBe('2026-07-14T06:00:00.000Z');
    expect(iso(nextSlot(f, 'Europe/Berlin', ms('2026-07-15T06:00:00Z')))).toBe('2026-07-16T06:00:00.000Z');
  });

  it('daily 02:30 in Berlin on the spring-forward day runs once, at 03:30 local', () => {
    const f = fields('daily 02:30');
    const slots = slotsBetween(f, 'Europe/Berlin', ms('2026-03-28T00:00:00Z'), ms('2026-03-31T00:00:00Z')).map(iso);
    // 28 Mar 02:30 CET = 01:30Z; 29 Mar 02:30 doesn't exist → 03:30 CEST = 01:30Z; 30 Mar 02:30 CEST = 00:30Z
    expect(slots).toEqual(['2026-03-28T01:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z']);
  });

  it('daily 01:30 in New York on the fall-back day runs once, at the first 01:30', () => {
    const f = fields('daily 01:30');
    const slots = slotsBetween(f, 'America/New_York', ms('2026-10-31T12:00:00Z'), ms('2026-11-02T12:00:00Z')).map(iso);
    expect(slots).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
  });

  it('daily 02:30 in Berlin on the fall-back day runs once', () => {
    const f = fields('daily 02:30');
    const slots = slotsBetween(f, 'Europe/Berlin', ms('2026-10-24T12:00:00Z'), ms('2026-10-26T12:00:00Z')).map(iso);
    expect(slots).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it('hourly across the Berlin spring-forward gap has no repeat and no hole beyond the lost hour', () => {
    const f = fields('hourly');
    const slots = slotsBetween(f, 'Europe/Berlin', ms('2026-03-28T23:30:00Z'), ms('2026-03-29T03:30:00Z')).map(iso);
    expect(slots).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z', '2026-03-29T03:00:00.000Z']);
  });

  it('weekdays 18:30 skips the weekend; weekly mon 09:00 in Tokyo', () => {
    const wd = fields('weekdays 18:30');
    // 2026-11-21 is a Saturday
    expect(iso(latestSlot(wd, 'UTC', ms('2026-11-22T23:00:00Z')))).toBe('2026-11-20T18:30:00.000Z');
    const wk = fields('weekly mon 09:00');
    expect(iso(nextSlot(wk, 'Asia/Tokyo', ms('2026-11-21T00:00:00Z')))).toBe('2026-11-23T00:00:00.000Z');
  });

  it('a slot exactly at the instant counts as the latest', () => {
    const f = fields('*/15 * * * *');
    expect(iso(latestSlot(f, 'Asia/Kolkata', ms('2026-05-05T10:45:00Z')))).toBe('2026-05-05T10:45:00.000Z');
    expect(iso(latestSlot(f, 'Asia/Kolkata', ms('2026-05-05T10:44:59Z')))).toBe('2026-05-05T10:30:00.000Z');
  });

  it('a rare date (29 February) is found years away', () => {
    const f = fields('0 12 29 2 *');
    expect(iso(nextSlot(f, 'UTC', ms('2026-03-01T00:00:00Z')))).toBe('2028-02-29T12:00:00.000Z');
  });
});
