/** The SQLite implementation of the store ports (better-sqlite3, WAL, versioned migrations). */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DeliveryLog } from './delivery-log.ts';
import { MIGRATIONS, migrate, type Migration } from './migrations.ts';
import type { Store } from './store.ts';
import { type DeliveryRow as SqlDeliveryRow, type SubRow, deliveryRow, subRow, toRecord, toSub } from './store-rows.ts';
import type { SubscriptionStore } from './subscription-store.ts';

type DeliveryRow = SqlDeliveryRow<string>;

/** Opens (creating the folder and file if needed) and migrates a SQLite database; `:memory:` works too. */
export function openDatabase(file: string, extraMigrations: readonly Migration[] = []): Database.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  // The busy timeout first: switching to WAL and migrating take locks another process may hold.
  db.pragma('busy_timeout = 10000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrate(db, [...MIGRATIONS, ...extraMigrations]);
  return db;
}

/** The subscription store over an open database. */
export function sqliteSubscriptionStore(db: Database.Database): SubscriptionStore {
  const cols = 'id, target, topics, schedule, cron, timezone, on_empty, status, paused_reason, created_at, created_by, origin';
  const vals = '@id, @target, @topics, @schedule, @cron, @timezone, @on_empty, @status, @paused_reason, @created_at, @created_by, @origin';
  const ins = db.prepare(`INSERT INTO subscriptions (${cols}) VALUES (${vals})`);
  const upd = db.prepare(
    `UPDATE subscriptions SET target=@target, topics=@topics, schedule=@schedule, cron=@cron, timezone=@timezone, on_empty=@on_empty,
     status=@status, paused_reason=@paused_reason, created_at=@created_at, created_by=@created_by, origin=@origin WHERE id=@id`,
  );
  const del = db.prepare('DELETE FROM subscriptions WHERE id = ?');
  const one = db.prepare('SELECT * FROM subscriptions WHERE id = ?');
  const all = db.prepare('SELECT * FROM subscriptions ORDER BY created_at, id');
  const byTarget = db.prepare('SELECT * FROM subscriptions WHERE target = ? ORDER BY created_at, id');
  return {
    async insert(sub) {
      try {
        ins.run(subRow(sub));
      } catch (e) {
        if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new Error(`subscription "${sub.id}" already exists`);
        throw e;
      }
    },
    async update(sub) {
      if (upd.run(subRow(sub)).changes === 0) throw new Error(`subscription "${sub.id}" does not exist`);
    },
    remove: async (id) => del.run(id).changes > 0,
    get: async (id) => {
      const r = one.get(id) as SubRow | undefined;
      return r ? toSub(r) : undefined;
    },
    list: async (target) => ((target === undefined ? all.all() : byTarget.all(target)) as SubRow[]).map(toSub),
  };
}

/** The delivery log over an open database. */
export function sqliteDeliveryLog(db: Database.Database): DeliveryLog {
  const ins = db.prepare(
    `INSERT OR IGNORE INTO deliveries (key, subscription_id, target, slot, state, since, reply, message_ids, attempts, error, created_at, updated_at, lease_owner, lease_until)
     VALUES (@key, @subscription_id, @target, @slot, @state, @since, @reply, @message_ids, @attempts, @error, @created_at, @updated_at, @lease_owner, @lease_until)`,
  );
  const claim = db.prepare(
    `UPDATE deliveries SET lease_owner = @owner, lease_until = @until, updated_at = @at
     WHERE key = @key AND state = 'sending' AND lease_owner IS @ifOwner`,
  );
  const reopen = db.prepare(
    `UPDATE deliveries SET state = 'sending', lease_owner = @owner, lease_until = @until, updated_at = @at WHERE key = @key AND state = 'failed'`,
  );
  const release = db.prepare('UPDATE deliveries SET lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE key = ? AND lease_owner = ?');
  const one = db.prepare('SELECT * FROM deliveries WHERE key = ?');
  const addPart = db.prepare(`UPDATE deliveries SET message_ids = json_insert(message_ids, '$[#]', ?), updated_at = ? WHERE key = ?`);
  const attempt = db.prepare('UPDATE deliveries SET attempts = attempts + 1, error = ?, updated_at = ? WHERE key = ?');
  const finish = db.prepare('UPDATE deliveries SET state = ?, updated_at = ?, error = COALESCE(?, error) WHERE key = ?');
  const sending = db.prepare(`SELECT * FROM deliveries WHERE subscription_id = ? AND state = 'sending'`);
  const newest = db.prepare('SELECT * FROM deliveries WHERE subscription_id = ? ORDER BY slot DESC, key DESC LIMIT 1');
  const newestDone = db.prepare(`SELECT * FROM deliveries WHERE subscription_id = ? AND state IN ('sent', 'skipped') ORDER BY slot DESC, key DESC LIMIT 1`);
  const must = (changes: number, key: string) => {
    if (changes === 0) throw new Error(`delivery "${key}" does not exist`);
  };
  const latest = db.transaction((ids: string[]) => {
    const out: DeliveryRow[] = [];
    for (const id of ids) {
      const rows = sending.all(id) as DeliveryRow[];
      for (const top of [newest.get(id), newestDone.get(id)] as (DeliveryRow | undefined)[]) {
        if (top && !rows.some((r) => r.key === top.key)) rows.push(top);
      }
      out.push(...rows);
    }
    return out;
  });
  return {
    async begin(r) {
      const res = ins.run(deliveryRow(r));
      return res.changes === 1;
    },
    get: async (key) => {
      const r = one.get(key) as DeliveryRow | undefined;
      return r ? toRecord(r) : undefined;
    },
    addPart: async (key, id, at) => must(addPart.run(id, at, key).changes, key),
    recordAttempt: async (key, error, at) => must(attempt.run(error, at, key).changes, key),
    claim: async (key, l) => claim.run({ key, owner: l.owner, until: l.until, at: l.at, ifOwner: l.ifOwner }).changes === 1,
    reopen: async (key, l) => reopen.run({ key, owner: l.owner, until: l.until, at: l.at }).changes === 1,
    release: async (key, owner, at) => void release.run(at, key, owner),
    finish: async (key, state, at, error) => must(finish.run(state, at, error ?? null, key).changes, key),
    latest: async (ids) => latest(ids).map(toRecord),
    async list(filter = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.subscriptionId) {
        where.push('subscription_id = ?');
        params.push(filter.subscriptionId);
      }
      if (filter.state) {
        where.push('state = ?');
        params.push(filter.state);
      }
      const sql = `SELECT * FROM deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY slot DESC, key DESC LIMIT ?`;
      return (db.prepare(sql).all(...params, filter.limit ?? -1) as DeliveryRow[]).map(toRecord);
    },
  };
}

/** A whole SQLite store at a path (`:memory:` for a throwaway one). */
export function sqliteStore(file: string, extraMigrations: readonly Migration[] = []): Store & { db: Database.Database } {
  const db = openDatabase(file, extraMigrations);
  return {
    db,
    subscriptions: sqliteSubscriptionStore(db),
    deliveries: sqliteDeliveryLog(db),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
