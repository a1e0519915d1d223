/** The SQLite FeedStore over an open better-sqlite3 database whose schema has FEED_MIGRATIONS applied. */
import type Database from 'better-sqlite3';
import { COLUMNS, feedRow, itemRow, toFeed, toItem, type FeedRow, type ItemRow } from './feed-rows.ts';
import type { FeedPatch, FeedStore } from './feed-store.ts';
import { FEED_MIGRATIONS, type FeedMigration } from './feed-migrations.ts';

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
  const claimPoll = db.prepare(
    `UPDATE feeds SET poll_owner = @owner, poll_until = @until WHERE id = @id AND (poll_owner IS NULL OR poll_owner = @owner OR poll_until < @at OR poll_owner = @replacing)`,
  );
  const pollOwner = db.prepare('SELECT poll_owner FROM feeds WHERE id = ?');
  const releasePoll = db.prepare('UPDATE feeds SET poll_owner = NULL, poll_until = NULL WHERE id = ? AND poll_owner = ?');
  const removeFeed = db.transaction((id: string) => {
    deleteItems.run(id);
    return deleteFeed.run(id).changes > 0;
  });
  return {
    async insertFeed(f) {
      const row = feedRow(f);
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
      const row = itemRow(rec);
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
    async claimPoll(id, { owner, until, at, replacing }) {
      return claimPoll.run({ id, owner, until, at, replacing: replacing ?? null }).changes === 1;
    },
    async pollLeaseOwner(id) {
      return (pollOwner.get(id) as { poll_owner: string | null } | undefined)?.poll_owner ?? undefined;
    },
    async releasePoll(id, owner) {
      releasePoll.run(id, owner);
    },
  };
}
