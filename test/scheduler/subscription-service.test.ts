import { describe, expect, it } from 'vitest';
import { syncConfigSubscriptions } from '../../src/scheduler/config-sync.ts';
import { parseSchedule, parseTimezone } from '../../src/scheduler/schedule-spec.ts';
import { createSubscriptionService } from '../../src/scheduler/subscription-service.ts';
import { parseTarget } from '../helpers/targets.ts';
import { memorySubscriptionStore } from '../../src/store/memory-store.ts';

const deps = () => {
  let n = 0;
  return {
    store: memorySubscriptionStore(),
    knownTopics: () => ['alpha', 'beta'],
    now: () => new Date('2026-02-01T00:00:00Z'),
    newId: () => `id${++n}`,
    parseTarget,
  };
};

describe('schedules, time zones and targets', () => {
  it.each([
    ['daily 08:00', '0 8 * * *'],
    ['weekdays 18:30', '30 18 * * 1-5'],
    ['weekends 10:05', '5 10 * * 0,6'],
    ['hourly', '0 * * * *'],
    ['hourly :15', '15 * * * *'],
    ['weekly mon 09:00', '0 9 * * 1'],
    ['Weekly Friday 17:45', '45 17 * * 5'],
    ['*/30 7-19 * * 1-5', '*/30 7-19 * * 1-5'],
    ['0 0 8 * * *', '0 8 * * *'],
  ])('%s → %s', (input, cron) => {
    const r = parseSchedule(input);
    expect(r.ok && r.value.cron).toBe(cron);
  });

  it.each([['daily 25:00'], ['weekly xyz 09:00'], ['every tuesday'], ['61 * * * *'], ['*/5 * * * * *'], ['0 8 L * *'], ['']])(
    'rejects %j naming the schedule and what is valid',
    (input) => {
      const r = parseSchedule(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/schedule .*expected .*daily 08:00/s);
    },
  );

  it('checks time zones with Intl and names valid ones', () => {
    expect(parseTimezone('europe/berlin')).toEqual({ ok: true, value: 'Europe/Berlin' });
    const bad = parseTimezone('Mars/Olympus');
    expect(!bad.ok && bad.error.message).toMatch(/timezone "Mars\/Olympus".*Europe\/Berlin/);
  });

  it('parses the three kinds of target and explains bad ones', () => {
    expect(parseTarget('discord:123456789012345678').ok).toBe(true);
    expect(parseTarget('telegram:-1001234567890').ok).toBe(true);
    expect(parseTarget('telegram:@news_channel').ok).toBe(true);
    expect(parseTarget('file:out/digests.jsonl').ok).toBe(true);
    for (const bad of ['discord:abc', 'telegram:@ab', 'telegram:', 'file:', 'slack:C123', 'nothing']) {
      const r = parseTarget(bad);
      expect(!r.ok && r.error.message).toMatch(/target .*expected discord:CHANNEL_ID/);
    }
  });
});

describe('subscription service', () => {
  it('subscribes with defaults, lists by target, returns an identical request as is', async () => {
    const svc = createSubscriptionService(deps());
    const r = await svc.subscribe({ target: 'telegram:-100', topics: ['Alpha'], schedule: '' });
    expect(r).toMatchObject({
      ok: true,
      value: { id: 'id1', topics: ['alpha'], schedule: 'daily 08:00', cron: '0 8 * * *', timezone: 'UTC', onEmpty: 'notify', status: 'active' },
    });
    const again = await svc.subscribe({ target: 'telegram:-100', topics: ['alpha'], schedule: 'daily 08:00' });
    expect(again.ok && again.value.id).toBe('id1');
    await svc.subscribe({ target: 'file:x.jsonl', topics: ['beta'], schedule: 'hourly', timezone: 'Asia/Tokyo', onEmpty: 'skip' });
    expect((await svc.list('telegram:-100')).map((s) => s.id)).toEqual(['id1']);
    expect(await svc.list()).toHaveLength(2);
  });

  it('names the field and the valid values in every error', async () => {
    const svc = createSubscriptionService(deps());
    const unknown = await svc.subscribe({ target: 'telegram:-1', topics: ['gamma'], schedule: 'daily 08:00' });
    expect(!unknown.ok && unknown.error).toEqual({ code: 'unknown_topic', message: 'topics: "gamma" is not known; known topics: alpha, beta' });
    const none = await svc.subscribe({ target: 'telegram:-1', topics: [], schedule: 'daily 08:00' });
    expect(!none.ok && none.error.code).toBe('missing_topic');
    const tz = await svc.subscribe({ target: 'telegram:-1', topics: ['alpha'], schedule: 'daily 08:00', timezone: 'Nowhere/City' });
    expect(!tz.ok && tz.error.code).toBe('bad_timezone');
    const sched = await svc.subscribe({ target: 'telegram:-1', topics: ['alpha'], schedule: 'sometimes' });
    expect(!sched.ok && sched.error.code).toBe('bad_schedule');
    const target = await svc.subscribe({ target: 'irc:#x', topics: ['alpha'], schedule: 'hourly' });
    expect(!target.ok && target.error.code).toBe('bad_target');
  });

  it('unsubscribes only within the asking target', async () => {
    const svc = createSubscriptionService(deps());
    await svc.subscribe({ target: 'telegram:-1', topics: ['alpha'], schedule: 'hourly' });
    expect((await svc.unsubscribe('id1', 'telegram:-2')).ok).toBe(false);
    expect((await svc.unsubscribe('id1', 'telegram:-1')).ok).toBe(true);
    const gone = await svc.unsubscribe('id1');
    expect(!gone.ok && gone.error.code).toBe('not_found');
  });
});

describe('config-declared subscriptions', () => {
  it('sync is idempotent, updates changes, removes what left the config, reports bad entries', async () => {
    const d = deps();
    const declared = [
      { target: 'file:a.jsonl', topics: ['alpha'], schedule: 'daily 08:00' },
      { id: 'fixed', target: 'telegram:-5', topics: ['beta'], schedule: 'hourly', timezone: 'Europe/Berlin' },
      { target: 'telegram:-6', topics: ['nope'], schedule: 'hourly' },
    ];
    const first = await syncConfigSubscriptions(d.store, declared, d);
    expect(first.added).toHaveLength(2);
    expect(first.errors).toEqual(['subscriptions[2]: topics: "nope" is not known; known topics: alpha, beta']);
    const second = await syncConfigSubscriptions(d.store, declared, d);
    expect(second).toMatchObject({ added: [], updated: [], removed: [] });
    expect(second.unchanged).toHaveLength(2);
    const chat = await createSubscriptionService(d).subscribe({ target: 'telegram:-9', topics: ['alpha'], schedule: 'hourly' });
    expect(chat.ok).toBe(true);
    const third = await syncConfigSubscriptions(d.store, [{ ...declared[1]!, schedule: 'daily 09:00' }], d);
    expect(third.updated).toEqual(['fixed']);
    expect(third.removed).toEqual([first.added.find((id) => id !== 'fixed')]);
    expect((await d.store.get('fixed'))?.cron).toBe('0 9 * * *');
    expect((await d.store.list()).map((s) => s.target).sort()).toEqual(['telegram:-5', 'telegram:-9']);
  });
});
