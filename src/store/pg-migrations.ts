/**
 * Versioned schema migrations of the PostgreSQL store. Several instances may start at once on an empty
 * database, so `migratePostgres` holds a session advisory lock for the whole run: the first applies, the
 * others wait, then find every version recorded and apply nothing.
 */
import type pg from 'pg';
import type { Migration } from './migrations.ts';

/** The key of the advisory lock taken around migrations (any constant the app uses for nothing else). */
export const MIGRATION_LOCK_KEY = 7_206_337_011;

/**
 * Every migration of the PostgreSQL store, oldest first. Append only. Keys, ids and ISO instants use the
 * "C" collation so ordering is by code point whatever the database's locale (as SQLite and the memory store order).
 */
export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'subscriptions and deliveries with leases',
    sql: `
      CREATE TABLE subscriptions (
        id TEXT COLLATE "C" PRIMARY KEY,
        target TEXT COLLATE "C" NOT NULL,
        topics TEXT NOT NULL,
        schedule TEXT NOT NULL,
        cron TEXT NOT NULL,
        timezone TEXT NOT NULL,
        on_empty TEXT NOT NULL CHECK (on_empty IN ('notify', 'skip')),
        status TEXT NOT NULL CHECK (status IN ('active', 'paused')),
        paused_reason TEXT,
        created_at TEXT COLLATE "C" NOT NULL,
        created_by TEXT,
        origin TEXT
      );
      CREATE INDEX subscriptions_target ON subscriptions (target);
      CREATE TABLE deliveries (
        key TEXT COLLATE "C" PRIMARY KEY,
        subscription_id TEXT COLLATE "C" NOT NULL,
        target TEXT NOT NULL,
        slot TEXT COLLATE "C" NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'skipped', 'failed')),
        since TEXT,
        reply TEXT,
        message_ids JSONB NOT NULL DEFAULT '[]',
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        lease_owner TEXT,
        lease_until TEXT COLLATE "C"
      );
      CREATE INDEX deliveries_subscription_slot ON deliveries (subscription_id, slot);
      CREATE INDEX deliveries_sending ON deliveries (subscription_id) WHERE state = 'sending';
    `,
  },
];

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction, under the
 * migration advisory lock (released at the end, or by the server if this process dies). Returns the versions
 * this call applied.
 */
export async function migratePostgres(client: pg.ClientBase, migrations: readonly Migration[]): Promise<number[]> {
  const applied: number[] = [];
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.version} (${m.name}) failed: ${(e as Error).message}`);
      }
      applied.push(m.version);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
  return applied;
}
