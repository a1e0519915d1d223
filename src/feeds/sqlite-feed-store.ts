/** The SQLite FeedStore over an open better-sqlite3 database whose schema has FEED_MIGRATIONS applied. */
import type Database from 'better-sqlite3';
import type { Feed, ItemRecord, ItemState } from './feed-model.ts';
import type { FeedPatch, FeedStore } from './feed-store.ts';
import { FEED_MIGRATIONS, type FeedMigration } from './feed-migrations.ts';

interface FeedRow {
  id: string;
  url: string;
  name: string;
  every_ms: number;
  status: 'active' | 'paused';
  paused_reason: string | null;
  etag: string | null;
  last_modified: string | null;
  added_at: string;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_code: string | null;
  last_error_at: string | null;
  consecutive_failures: number;
  next_attempt_at: string | null;
}

interface ItemRow {
  feed_id: string;
  key: string;
  link_hash: string | null;
  title_hash: string | null;
  state: ItemState;
  file: string | null;
  attempts: number;
  last_error: string | null;
  duplicate_of: string | null;
  item: string;
  first_seen_at: string;
  updated_at: string;
}

/** Feed field → column. */
const COLUMNS: Record<keyof FeedPatch, keyof FeedRow> = {
  name: 'name',
  everyMs: 'every_ms',
  status: 'status',
  pausedReason: 'paused_reason',
  etag: 'etag',
  lastModified: 'last_modified',
  lastPolledAt: 'last_polled_at',
  lastSuccessAt: 'last_success_at',
  lastError: 'last_error',
  lastErrorCode: 'last_error_code',
  lastErrorAt: 'last_error_at',
  consecutiveFailures: 'consecutive_failures',
  nextAttemptAt: 'next_attempt_at',
};

function toFeed(r: FeedRow): Feed {
  const f: Feed = {
    id: r.id,
    url: r.url,
    name: r.name,
    everyMs: r.every_ms,
    status: r.status,
    addedAt: r.added_at,
    consecutiveFailures: r.consecutive_failures,
  };
  if (r.paused_reason !== null) f.pausedReason = r.paused_reason;
  if (r.etag !== null) f.etag = r.etag;
  if (r.last_modified !== null) f.lastModified = r.last_modified;
  if (r.last_polled_at !== null) f.lastPolledAt = r.last_polled_at;
  if (r.last_success_at !== null) f.lastSuccessAt = r.last_success_at;
  if (r.last_error !== null) f.lastError = r.last_error;
  if (r.last_error_code !== null) f.lastErrorCode = r.last_error_code as NonNullable<Feed['lastErrorCode']>;
  if (r.last_error_at !== null) f.lastErrorAt = r.last_error_at;
  if (r.next_attempt_at !== null) f.nextAttemptAt = r.next_attempt_at;
  return f;
}

function toItem(r: ItemRow): ItemRecord {
  const rec: ItemRecord = {
    feedId: r.feed_id,
    key: r.key,
    state: r.state,
    attempts: r.attempts,
    item: JSON.parse(r.item) as ItemRecord['item'],
    firstSeenAt: r.first_seen_at,
    updatedAt: r.updated_at,
  };
  if (r.link_hash !== null) rec.linkHash = r.link_hash;
  if (r.title_hash !== null) rec.titleHash = r.title_hash;
  if (r.file !== null) rec.file = r.file;
  if (r.last_error !== null) rec.lastError = r.last_error;
  if (r.duplicate_of !== null) rec.duplicateOf = r.duplicate_of;
  return rec;
}

/**
 * Applies FEED_MIGRATIONS on a database that is not managed by the store's own migrator (tests, tools):
 * records them in `schema_migrations` the same way, so the store's migrator later skips them.
 */
export function migrateFeedTables(db: Database.Database, migrations: readonly FeedMigration[] = FEED_MIGRATIONS): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    })();
    applied.push(m.version);
  }
  return applied;
}

/** Makes a FeedStore over `db` (its feed tables must exist: append FEED_MIGRATIONS to the store's, or call migrateFeedTables). */
export function createSqliteFeedStore(db: Database.Database): FeedStore {
  db.pragma('foreign_keys = ON');
  const insertFeed = db.prepare(
    `INSERT OR IGNORE INTO feeds (id, url, name, every_ms, status, paused_reason, etag, last_modified, added_at, last_polled_at, last_success_at, last_error, last_error_code, last_error_at, consecutive_failures, next_attempt_at)
     VALUES (@id, @url, @name, @every_ms, @status, @paused_reason, @etag, @last_modified, @added_at, @last_polled_at, @last_success_at, @last_error, @last_error_code, @last_error_at, @consecutive_failures, @next_attempt_at)`,
  );
  const getFeed = db.prepare('SELECT * FROM feeds WHERE id = ?');
  const byUrl = db.prepare('SELECT * FROM feeds WHERE url = ?');
  const allFeeds = db.prepare('SELECT * FROM feeds ORDER BY added_at, id');
  const deleteItems = db.prepare('DELETE FROM feed_items WHERE feed_id = ?');
  const deleteFeed = db.prepare('DELETE FROM feeds WHERE id = ?');
  const getItem = db.prepare('SELECT * FROM feed_items WHERE feed_id = ? AND key = ?');
  const putItem = db.prepare(
    `INSERT OR REPLACE INTO feed_items (feed_id, key, link_hash, title_hash, state, file, attempts, last_error, duplicate_of, item, first_seen_at, updated_at)
     VALUES (@feed_id, @key, @link_hash, @title_hash, @state, @file, @attempts, @last_error, @duplicate_of, @item, @first_seen_at, @updated_at)`,
  );
  const byLink = db.prepare(`SELECT * FROM feed_items WHERE link_hash = ? AND state <> 'duplicate' AND NOT (feed_id = ? AND key = ?) LIMIT 1`);
  const byTitle = db.prepare(`SELECT * FROM feed_items WHERE feed_id = ? AND title_hash = ? AND state <> 'duplicate' AND key <> ? LIMIT 1`);
  const removeFeed = db.transaction((id: string) => {
    deleteItems.run(id);
    return deleteFeed.run(id).changes > 0;
  });
  return {
    async insertFeed(f) {
      const row: FeedRow = {
        id: f.id,
        url: f.url,
        name: f.name,
        every_ms: f.everyMs,
        status: f.status,
        paused_reason: f.pausedReason ?? null,
        etag: f.etag ?? null,
        last_modified: f.lastModified ?? null,
        added_at: f.addedAt,
        last_polled_at: f.lastPolledAt ?? null,
        last_success_at: f.lastSuccessAt ?? null,
        last_error: f.lastError ?? null,
        last_error_code: f.lastErrorCode ?? null,
        last_error_at: f.lastErrorAt ?? null,
        consecutive_failures: f.consecutiveFailures,
        next_attempt_at: f.nextAttemptAt ?? null,
      };
      return insertFeed.run(row).changes > 0;
    },
    async getFeed(id) {
      const r = getFeed.get(id) as FeedRow | undefined;
      return r && toFeed(r);
    },
    async findFeedByUrl(url) {
      const r = byUrl.get(url) as FeedRow | undefined;
      return r && toFeed(r);
    },
    async listFeeds() {
      return (allFeeds.all() as FeedRow[]).map(toFeed);
    },
    async updateFeed(id, patch) {
      const sets: string[] = [];
      const values: unknown[] = [];
      for (const [k, v] of Object.entries(patch) as [keyof FeedPatch, unknown][]) {
        if (v === undefined) continue;
        sets.push(`${COLUMNS[k]} = ?`);
        values.push(v);
      }
      if (sets.length) db.prepare(`UPDATE feeds SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
    },
    async deleteFeed(id) {
      return removeFeed(id);
    },
    async getItem(feedId, key) {
      const r = getItem.get(feedId, key) as ItemRow | undefined;
      return r && toItem(r);
    },
    async putItem(rec) {
      const row: ItemRow = {
        feed_id: rec.feedId,
        key: rec.key,
        link_hash: rec.linkHash ?? null,
        title_hash: rec.titleHash ?? null,
        state: rec.state,
        file: rec.file ?? null,
        attempts: rec.attempts,
        last_error: rec.lastError ?? null,
        duplicate_of: rec.duplicateOf ?? null,
        item: JSON.stringify(rec.item),
        first_seen_at: rec.firstSeenAt,
        updated_at: rec.updatedAt,
      };
      putItem.run(row);
    },
    async findSimilar({ feedId, exceptKey, linkHash, titleHash }) {
      const r = ((linkHash ? byLink.get(linkHash, feedId, exceptKey) : undefined) ?? (titleHash ? byTitle.get(feedId, titleHash, exceptKey) : undefined)) as
        | ItemRow
        | undefined;
      return r && toItem(r);
    },
    async listItems({ feedId, states }) {
      if (states.length === 0) return [];
      const marks = states.map(() => '?').join(', ');
      const sql = `SELECT * FROM feed_items WHERE state IN (${marks})${feedId === undefined ? '' : ' AND feed_id = ?'} ORDER BY first_seen_at, key`;
      const args: unknown[] = [...states];
      if (feedId !== undefined) args.push(feedId);
      return (db.prepare(sql).all(...args) as ItemRow[]).map(toItem);
    },
  };
}
