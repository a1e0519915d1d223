/** Versioned schema migrations of the SQLite store, applied in order and recorded in `schema_migrations`. */
import type Database from 'better-sqlite3';

/** One migration: a version number, a name and the SQL that takes the schema there. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, oldest first. Append only: never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'subscriptions and deliveries',
    sql: `
      CREATE TABLE subscriptions (
        id TEXT PRIMARY KEY,
        target TEXT NOT NULL,
        topics TEXT NOT NULL,
        schedule TEXT NOT NULL,
        cron TEXT NOT NULL,
        timezone TEXT NOT NULL,
        on_empty TEXT NOT NULL CHECK (on_empty IN ('notify', 'skip')),
        status TEXT NOT NULL CHECK (status IN ('active', 'paused')),
        paused_reason TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT,
        origin TEXT
      );
      CREATE INDEX subscriptions_target ON subscriptions (target);
      CREATE TABLE deliveries (
        key TEXT PRIMARY KEY,
        subscription_id TEXT NOT NULL,
        target TEXT NOT NULL,
        slot TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'skipped', 'failed')),
        since TEXT,
        reply TEXT,
        message_ids TEXT NOT NULL DEFAULT '[]',
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX deliveries_subscription_slot ON deliveries (subscription_id, slot);
      CREATE INDEX deliveries_state ON deliveries (state);
    `,
  },
  {
    version: 2,
    name: 'delivery leases',
    sql: `
      ALTER TABLE deliveries ADD COLUMN lease_owner TEXT;
      ALTER TABLE deliveries ADD COLUMN lease_until TEXT;
    `,
  },
];

/**
 * Applies the migrations not yet applied, each in its own write transaction (`BEGIN IMMEDIATE`), and
 * decides *inside* that transaction whether it is still needed: two processes opening a fresh database
 * at once serialise on the write lock (waiting up to the busy timeout) and the second one skips what
 * the first applied. Returns the versions this call applied.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    const apply = db.transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)) return false;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      return true;
    });
    if (apply.immediate()) applied.push(m.version);
  }
  return applied;
}
