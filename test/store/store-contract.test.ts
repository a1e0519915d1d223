import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DeliveryRecord } from '../../src/store/delivery-log.ts';
import { memoryStore } from '../../src/store/memory-store.ts';
import { MIGRATIONS, migrate } from '../../src/store/migrations.ts';
import { pgStore } from '../../src/store/pg-store.ts';
import { sqliteStore } from '../../src/store/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import type { Subscription } from '../../src/store/subscription-store.ts';
import { postgresForTests } from '../helpers/postgres-server.ts';

const sub = (id: string, target = 'discord:123456789012345678', createdAt = '2026-01-01T00:00:00.000Z'): Subscription => ({
  id,
  target,
  topics: ['alpha', 'beta'],
  schedule: 'daily 08:00',
  cron: '0 8 * * *',
  timezone: 'Europe/Berlin',
  onEmpty: 'notify',
  status: 'active',
  createdAt,
  createdBy: 'tester',
  origin: 'chat',
});

const rec = (subscriptionId: string, slot: string, state: DeliveryRecord['state'] = 'sending'): DeliveryRecord => ({
  key: `${subscriptionId}@${slot}`,
  subscriptionId,
  target: 'file:/tmp/x',
  slot,
  state,
  messageIds: [],
  attempts: 0,
  createdAt: slot,
  updatedAt: slot,
});

const tmpDirs: string[] = [];
afterEach(() => {
  for (const d of tmpDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const impls: [string, () => Store][] = [
  ['memory', memoryStore],
  ['sqlite :memory:', () => sqliteStore(':memory:')],
  [
    'sqlite file',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
      tmpDirs.push(dir);
      return sqliteStore(path.join(dir, 'nested', 'b.db'));
    },
  ],
];

// The same contract on PostgreSQL: one fresh database per test, on a server started for this file.
const server = await postgresForTests('store contract on PostgreSQL');
afterAll(() => server?.stop());
if (server) {
  const urls = await Promise.all(Array.from({ length: 5 }, () => server.freshDatabase('contract')));
  impls.push(['postgres', () => pgStore(urls.shift() ?? '')]);
}

describe.each(impls)('store contract: %s', (_name, make) => {
  it('inserts, lists by target, updates, removes subscriptions', async () => {
    const s = make();
    await s.subscriptions.insert(sub('a'));
    await s.subscriptions.insert(sub('b', 'telegram:-100200', '2026-01-02T00:00:00.000Z'));
    await expect(s.subscriptions.insert(sub('a'))).rejects.toThrow(/already exists/);
    expect((await s.subscriptions.list()).map((x) => x.id)).toEqual(['a', 'b']);
    expect((await s.subscriptions.list('telegram:-100200')).map((x) => x.id)).toEqual(['b']);
    expect(await s.subscriptions.get('a')).toEqual(sub('a'));
    await s.subscriptions.update({ ...sub('a'), status: 'paused', pausedReason: 'bot removed' });
    expect((await s.subscriptions.get('a'))?.pausedReason).toBe('bot removed');
    await expect(s.subscriptions.update(sub('zz'))).rejects.toThrow(/does not exist/);
    expect(await s.subscriptions.remove('a')).toBe(true);
    expect(await s.subscriptions.remove('a')).toBe(false);
    expect(await s.subscriptions.get('a')).toBeUndefined();
    await s.close();
  });

  it('records a delivery once, its parts, attempts and final state', async () => {
    const s = make();
    const d = s.deliveries;
    expect(await d.begin({ ...rec('a', '2026-01-01T07:00:00.000Z'), since: '2025-12-31T07:00:00.000Z', reply: '{"x":1}' })).toBe(true);
    expect(await d.begin(rec('a', '2026-01-01T07:00:00.000Z'))).toBe(false);
    await d.addPart('a@2026-01-01T07:00:00.000Z', 'm1', '2026-01-01T07:00:01.000Z');
    await d.addPart('a@2026-01-01T07:00:00.000Z', 'm2', '2026-01-01T07:00:02.000Z');
    await d.recordAttempt('a@2026-01-01T07:00:00.000Z', 'HTTP 500', '2026-01-01T07:00:03.000Z');
    await d.finish('a@2026-01-01T07:00:00.000Z', 'sent', '2026-01-01T07:00:04.000Z');
    const got = await d.get('a@2026-01-01T07:00:00.000Z');
    expect(got).toMatchObject({
      state: 'sent',
      messageIds: ['m1', 'm2'],
      attempts: 1,
      error: 'HTTP 500',
      since: '2025-12-31T07:00:00.000Z',
      reply: '{"x":1}',
      updatedAt: '2026-01-01T07:00:04.000Z',
    });
    await expect(d.addPart('nope', 'm', 'x')).rejects.toThrow(/does not exist/);
    await s.close();
  });

  it('leases are compare-and-set: only the expected previous owner can be replaced', async () => {
    const s = make();
    const d = s.deliveries;
    const key = 'a@2026-01-01T07:00:00.000Z';
    await d.begin({ ...rec('a', '2026-01-01T07:00:00.000Z'), leaseOwner: 'h:1:x', leaseUntil: '2026-01-01T07:10:00.000Z' });
    expect((await d.get(key))?.leaseOwner).toBe('h:1:x');
    expect(await d.claim(key, { owner: 'h:2:y', ifOwner: null, until: 'u', at: 't' })).toBe(false);
    expect(await d.claim(key, { owner: 'h:2:y', ifOwner: 'h:1:x', until: '2026-01-01T08:00:00.000Z', at: 't' })).toBe(true);
    expect(await d.claim(key, { owner: 'h:3:z', ifOwner: 'h:1:x', until: 'u', at: 't' })).toBe(false);
    expect(await d.get(key)).toMatchObject({ leaseOwner: 'h:2:y', leaseUntil: '2026-01-01T08:00:00.000Z' });
    await d.release(key, 'h:9:q', 't');
    expect((await d.get(key))?.leaseOwner).toBe('h:2:y');
    await d.release(key, 'h:2:y', 't');
    expect((await d.get(key))?.leaseOwner).toBeUndefined();
    expect(await d.claim(key, { owner: 'h:3:z', ifOwner: null, until: 'u', at: 't' })).toBe(true);
    await d.finish(key, 'sent', 't');
    expect(await d.claim(key, { owner: 'h:4:w', ifOwner: 'h:3:z', until: 'u', at: 't' })).toBe(false);
    await s.close();
  });

  it('reopen turns only a failed record back into sending, under the new lease', async () => {
    const s = make();
    const r = rec('s', '2026-01-01T07:00:00.000Z');
    await s.deliveries.begin(r);
    expect(await s.deliveries.reopen(r.key, { owner: 'o2', until: 'u', at: 't1' })).toBe(false);
    await s.deliveries.finish(r.key, 'failed', 't0', 'ENOSPC');
    expect(await s.deliveries.reopen(r.key, { owner: 'o2', until: 'u', at: 't1' })).toBe(true);
    expect(await s.deliveries.get(r.key)).toMatchObject({ state: 'sending', leaseOwner: 'o2' });
    expect(await s.deliveries.reopen(r.key, { owner: 'o3', until: 'u', at: 't2' })).toBe(false);
    await s.close();
  });

  it('latest() gives each subscription its pending records and its newest one', async () => {
    const s = make();
    const d = s.deliveries;
    await d.begin(rec('a', '2026-01-01T07:00:00.000Z'));
    await d.begin(rec('a', '2026-01-02T07:00:00.000Z'));
    await d.finish('a@2026-01-02T07:00:00.000Z', 'sent', 'x');
    await d.begin(rec('a', '2026-01-03T07:00:00.000Z'));
    await d.finish('a@2026-01-03T07:00:00.000Z', 'failed', 'x', 'gone');
    await d.begin(rec('b', '2026-01-01T07:00:00.000Z'));
    await d.finish('b@2026-01-01T07:00:00.000Z', 'skipped', 'x');
    const keys = (await d.latest(['a', 'b', 'c'])).map((r) => `${r.key}:${r.state}`).sort();
    expect(keys).toEqual([
      'a@2026-01-01T07:00:00.000Z:sending',
      'a@2026-01-02T07:00:00.000Z:sent',
      'a@2026-01-03T07:00:00.000Z:failed',
      'b@2026-01-01T07:00:00.000Z:skipped',
    ]);
    expect((await d.list({ subscriptionId: 'a', limit: 2 })).map((r) => r.slot)).toEqual(['2026-01-03T07:00:00.000Z', '2026-01-02T07:00:00.000Z']);
    expect((await d.list({ state: 'sending' })).map((r) => r.key)).toEqual(['a@2026-01-01T07:00:00.000Z']);
    await s.close();
  });
});

describe('sqlite store on disk', () => {
  it('keeps data across reopen, uses WAL and applies each migration once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
    tmpDirs.push(dir);
    const file = path.join(dir, 'data', 'briefing.db');
    const a = sqliteStore(file);
    await a.subscriptions.insert(sub('keep'));
    await a.deliveries.begin(rec('keep', '2026-01-01T07:00:00.000Z'));
    await a.close();
    const b = sqliteStore(file);
    expect((await b.subscriptions.get('keep'))?.topics).toEqual(['alpha', 'beta']);
    expect((await b.deliveries.get('keep@2026-01-01T07:00:00.000Z'))?.state).toBe('sending');
    await b.close();
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    expect(migrate(db)).toEqual([]);
    expect(migrate(db, [...MIGRATIONS, { version: 99, name: 'extra', sql: 'CREATE TABLE extra (x INTEGER)' }])).toEqual([99]);
    db.close();
  });

  it('upgrades a version-1 database in place, keeping its rows', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
    tmpDirs.push(dir);
    const file = path.join(dir, 'old.db');
    const old = new Database(file);
    expect(migrate(old, MIGRATIONS.slice(0, 1))).toEqual([1]);
    old
      .prepare(
        `INSERT INTO deliveries (key, subscription_id, target, slot, state, created_at, updated_at) VALUES ('k', 's', 'file:x', '2026', 'sending', 't', 't')`,
      )
      .run();
    old.close();
    const s = sqliteStore(file);
    expect(await s.deliveries.get('k')).toMatchObject({ state: 'sending', messageIds: [] });
    expect(await s.deliveries.claim('k', { owner: 'o', ifOwner: null, until: 'u', at: 't' })).toBe(true);
    await s.close();
  });
});
