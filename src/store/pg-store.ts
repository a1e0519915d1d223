/**
 * The PostgreSQL implementation of the store ports (node-postgres, versioned migrations under an advisory
 * lock). Several bot instances share one database: a delivery is claimed by inserting its record (the key is
 * unique, so exactly one instance wins a slot) and resumed by compare-and-set on its lease.
 */
import type { DeliveryLog } from './delivery-log.ts';
import type { Migration } from './migrations.ts';
import { openPostgres, type PgDatabase, type PgOptions } from './pg-database.ts';
import { PG_MIGRATIONS } from './pg-migrations.ts';
import type { Store } from './store.ts';
import { type DeliveryRow as SqlDeliveryRow, type SubRow, deliveryRow, subRow, toRecord, toSub } from './store-rows.ts';
import type { Subscription, SubscriptionStore } from './subscription-store.ts';

type DeliveryRow = SqlDeliveryRow<string[]>;

const subValues = (s: Subscription) => Object.values(subRow(s));

/** The subscription store over a pool. */
export function pgSubscriptionStore(db: PgDatabase): SubscriptionStore {
  return {
    async insert(sub) {
      try {
        await db.query(
          `INSERT INTO subscriptions (id, target, topics, schedule, cron, timezone, on_empty, status, paused_reason, created_at, created_by, origin)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          subValues(sub),
        );
      } catch (e) {
        if ((e as { code?: string }).code === '23505') throw new Error(`subscription "${sub.id}" already exists`);
        throw e;
      }
    },
    async update(sub) {
      const r = await db.query(
        `UPDATE subscriptions SET target = $2, topics = $3, schedule = $4, cron = $5, timezone = $6, on_empty = $7, status = $8,
         paused_reason = $9, created_at = $10, created_by = $11, origin = $12 WHERE id = $1`,
        subValues(sub),
      );
      if (r.rowCount === 0) throw new Error(`subscription "${sub.id}" does not exist`);
    },
    remove: async (id) => ((await db.query('DELETE FROM subscriptions WHERE id = $1', [id])).rowCount ?? 0) > 0,
    async get(id) {
      const r = (await db.query<SubRow>('SELECT * FROM subscriptions WHERE id = $1', [id])).rows[0];
      return r ? toSub(r) : undefined;
    },
    async list(target) {
      const r =
        target === undefined
          ? await db.query<SubRow>('SELECT * FROM subscriptions ORDER BY created_at, id')
          : await db.query<SubRow>('SELECT * FROM subscriptions WHERE target = $1 ORDER BY created_at, id', [target]);
      return r.rows.map(toSub);
    },
  };
}

/** The delivery log over a pool. */
export function pgDeliveryLog(db: PgDatabase): DeliveryLog {
  const must = (rowCount: number | null, key: string) => {
    if (!rowCount) throw new Error(`delivery "${key}" does not exist`);
  };
  return {
    async begin(r) {
      const res = await db.query(
        `INSERT INTO deliveries (key, subscription_id, target, slot, state, since, reply, message_ids, attempts, error, created_at, updated_at, lease_owner, lease_until)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13, $14) ON CONFLICT (key) DO NOTHING`,
        Object.values(deliveryRow(r)),
      );
      return res.rowCount === 1;
    },
    async get(key) {
      const r = (await db.query<DeliveryRow>('SELECT * FROM deliveries WHERE key = $1', [key])).rows[0];
      return r ? toRecord(r) : undefined;
    },
    async addPart(key, id, at) {
      const r = await db.query('UPDATE deliveries SET message_ids = message_ids || jsonb_build_array($1::text), updated_at = $2 WHERE key = $3', [id, at, key]);
      must(r.rowCount, key);
    },
    async recordAttempt(key, error, at) {
      must((await db.query('UPDATE deliveries SET attempts = attempts + 1, error = $1, updated_at = $2 WHERE key = $3', [error, at, key])).rowCount, key);
    },
    async claim(key, l) {
      const r = await db.query(
        `UPDATE deliveries SET lease_owner = $2, lease_until = $3, updated_at = $4
         WHERE key = $1 AND state = 'sending' AND lease_owner IS NOT DISTINCT FROM $5::text`,
        [key, l.owner, l.until, l.at, l.ifOwner],
      );
      return r.rowCount === 1;
    },
    async reopen(key, l) {
      const r = await db.query(
        `UPDATE deliveries SET state = 'sending', lease_owner = $2, lease_until = $3, updated_at = $4 WHERE key = $1 AND state = 'failed'`,
        [key, l.owner, l.until, l.at],
      );
      return r.rowCount === 1;
    },
    async release(key, owner, at) {
      await db.query('UPDATE deliveries SET lease_owner = NULL, lease_until = NULL, updated_at = $1 WHERE key = $2 AND lease_owner = $3', [at, key, owner]);
    },
    async finish(key, state, at, error) {
      must(
        (await db.query('UPDATE deliveries SET state = $1, updated_at = $2, error = COALESCE($3, error) WHERE key = $4', [state, at, error ?? null, key]))
          .rowCount,
        key,
      );
    },
    async latest(ids) {
      if (ids.length === 0) return [];
      // One round trip for any number of subscriptions: the `sending` ones, the newest, and the newest sent or skipped.
      const r = await db.query<DeliveryRow>(
        `(SELECT * FROM deliveries WHERE subscription_id = ANY($1::text[]) AND state = 'sending')
         UNION
         (SELECT DISTINCT ON (subscription_id) * FROM deliveries WHERE subscription_id = ANY($1::text[]) ORDER BY subscription_id, slot DESC, key DESC)
         UNION
         (SELECT DISTINCT ON (subscription_id) * FROM deliveries WHERE subscription_id = ANY($1::text[]) AND state IN ('sent', 'skipped')
          ORDER BY subscription_id, slot DESC, key DESC)`,
        [ids],
      );
      const order = new Map(ids.map((id, i) => [id, i]));
      return r.rows.sort((a, b) => (order.get(a.subscription_id) ?? 0) - (order.get(b.subscription_id) ?? 0) || a.slot.localeCompare(b.slot)).map(toRecord);
    },
    async list(filter = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.subscriptionId) where.push(`subscription_id = $${params.push(filter.subscriptionId)}`);
      if (filter.state) where.push(`state = $${params.push(filter.state)}`);
      const limit = filter.limit === undefined ? '' : ` LIMIT $${params.push(filter.limit)}`;
      const sql = `SELECT * FROM deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY slot DESC, key DESC${limit}`;
      return (await db.query<DeliveryRow>(sql, params)).rows.map(toRecord);
    },
  };
}

/** A whole PostgreSQL store on `url`, migrated (with `extraMigrations`, e.g. the feed tables) before the first query. */
export function pgStore(url: string, extraMigrations: readonly Migration[] = [], options: PgOptions = {}): Store & { pg: PgDatabase } {
  const db = openPostgres(url, [...PG_MIGRATIONS, ...extraMigrations], options);
  return { pg: db, subscriptions: pgSubscriptionStore(db), deliveries: pgDeliveryLog(db), close: () => db.close(), shared: true };
}
