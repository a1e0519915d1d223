/**
 * The feed tables as migrations in the shape of the store's `Migration` (`{version, name, sql}`), numbered
 * from 100 so the composition root can append them to the store's own list.
 */

/** One migration: the same shape as `src/store/migrations.ts`'s `Migration`. */
export interface FeedMigration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations of the feed tables, oldest first. Append only. */
export const FEED_MIGRATIONS: readonly FeedMigration[] = [
  {
    version: 100,
    name: 'feeds and feed items',
    sql: `
      CREATE TABLE feeds (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        every_ms INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'paused')),
        paused_reason TEXT,
        etag TEXT,
        last_modified TEXT,
        added_at TEXT NOT NULL,
        last_polled_at TEXT,
        last_success_at TEXT,
        last_error TEXT,
        last_error_code TEXT,
        last_error_at TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT
      );
      CREATE TABLE feed_items (
        feed_id TEXT NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        link_hash TEXT,
        title_hash TEXT,
        state TEXT NOT NULL CHECK (state IN ('taking', 'taken', 'pending', 'failed', 'duplicate')),
        file TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        duplicate_of TEXT,
        item TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (feed_id, key)
      );
      CREATE INDEX feed_items_link ON feed_items (link_hash);
      CREATE INDEX feed_items_title ON feed_items (feed_id, title_hash);
      CREATE INDEX feed_items_state ON feed_items (state);
    `,
  },
  {
    version: 101,
    name: 'feed poll leases',
    sql: `
      ALTER TABLE feeds ADD COLUMN poll_owner TEXT;
      ALTER TABLE feeds ADD COLUMN poll_until TEXT;
    `,
  },
];
