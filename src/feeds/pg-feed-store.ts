/**
 * The PostgreSQL FeedStore, on the store's pool (`PG_FEED_MIGRATIONS` appended to its migrations). The poll
 * lease is a compare-and-set on the feed's row, so any number of instances share one feed list and poll each
 * feed one at a time.
 */
import type { Migration } from '../store/migrations.ts';
import type { PgDatabase } from '../store/pg-database.ts';
import { COLUMNS, feedRow, itemRow, toFeed, toItem, type FeedRow, type ItemRow } from './feed-rows.ts';
import type { FeedPatch, FeedStore } from './feed-store.ts';

/** The feed tables in PostgreSQL, versions as in FEED_MIGRATIONS (100 and up). Append only. */
export const PG_FEED_MIGRATIONS: readonly Migration[] = [
  {
    version: 100,
    name: 'feeds and feed items',
    sql: `
      CREATE TABLE feeds (
        id TEXT COLLATE "C" PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        every_ms INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'paused')),
        paused_reason TEXT,
        etag TEXT,
        last_modified TEXT,
        added_at TEXT COLLATE "C" NOT NULL,
        last_polled_at TEXT,
        last_success_at TEXT,
        last_error TEXT,
        last_error_code TEXT,
        last_error_at TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT
      );
      CREATE TABLE feed_items (
        feed_id TEXT COLLATE "C" NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        key TEXT COLLATE "C" NOT NULL,
        link_hash TEXT,
        title_hash TEXT,
        state TEXT NOT NULL CHECK (state IN ('taking', 'taken', 'pending', 'failed', 'duplicate')),
        file TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        duplicate_of TEXT,
        item TEXT NOT NULL,
        first_seen_at TEXT COLLATE "C" NOT NULL,
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
      ALTER TABLE feeds ADD COLUMN poll_until TEXT COLLATE "C";
    `,
  },
];

const FEED_COLS = Object.keys(feedRow({ id: '', url: '', name: '', everyMs: 0, status: 'active', addedAt: '', consecutiveFailures: 0 })) as (keyof FeedRow)[];
const ITEM_COLS = Object.keys(
  itemRow({ feedId: '', key: '', state: 'taken', attempts: 0, item: { title: '' }, firstSeenAt: '', updatedAt: '' } as Parameters<typeof itemRow>[0]),
) as (keyof ItemRow)[];
const marks = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `$${i + from}`).join(', ');

/** Makes a FeedStore over the store's PostgreSQL pool (its schema must include PG_FEED_MIGRATIONS). */
export function createPgFeedStore(db: PgDatabase): FeedStore {
  const one = async <R extends object>(sql: string, params: unknown[]) => (await db.query<R & Record<string, unknown>>(sql, params)).rows[0] as R | undefined;
  return {
    async insertFeed(f) {
      const row = feedRow(f);
      const r = await db.query(
        `INSERT INTO feeds (${FEED_COLS.join(', ')}) VALUES (${marks(FEED_COLS.length)}) ON CONFLICT DO NOTHING`,
        FEED_COLS.map((c) => row[c]),
      );
      return r.rowCount === 1;
    },
    async getFeed(id) {
      const r = await one<FeedRow>('SELECT * FROM feeds WHERE id = $1', [id]);
      return r && toFeed(r);
    },
    async findFeedByUrl(url) {
      const r = await one<FeedRow>('SELECT * FROM feeds WHERE url = $1', [url]);
      return r && toFeed(r);
    },
    async listFeeds() {
      return (await db.query<FeedRow & Record<string, unknown>>('SELECT * FROM feeds ORDER BY added_at, id')).rows.map(toFeed);
    },
    async updateFeed(id, patch) {
      const sets: string[] = [];
      const values: unknown[] = [];
      for (const [k, v] of Object.entries(patch) as [keyof FeedPatch, unknown][]) {
        if (v === undefined) continue;
        values.push(v);
        sets.push(`${COLUMNS[k]} = $${values.length}`);
      }
      if (sets.length) await db.query(`UPDATE feeds SET ${sets.join(', ')} WHERE id = $${values.length + 1}`, [...values, id]);
    },
    async deleteFeed(id) {
      // The items go with it (ON DELETE CASCADE), in the same statement.
      return ((await db.query('DELETE FROM feeds WHERE id = $1', [id])).rowCount ?? 0) > 0;
    },
    async getItem(feedId, key) {
      const r = await one<ItemRow>('SELECT * FROM feed_items WHERE feed_id = $1 AND key = $2', [feedId, key]);
      return r && toItem(r);
    },
    async putItem(rec) {
      const row = itemRow(rec);
      const updates = ITEM_COLS.filter((c) => c !== 'feed_id' && c !== 'key').map((c) => `${c} = EXCLUDED.${c}`);
      await db.query(
        `INSERT INTO feed_items (${ITEM_COLS.join(', ')}) VALUES (${marks(ITEM_COLS.length)})
         ON CONFLICT (feed_id, key) DO UPDATE SET ${updates.join(', ')}`,
        ITEM_COLS.map((c) => row[c]),
      );
    },
    async findSimilar({ feedId, exceptKey, linkHash, titleHash }) {
      const r =
        (linkHash
          ? await one<ItemRow>(`SELECT * FROM feed_items WHERE link_hash = $1 AND state <> 'duplicate' AND NOT (feed_id = $2 AND key = $3) LIMIT 1`, [
              linkHash,
              feedId,
              exceptKey,
            ])
          : undefined) ??
        (titleHash
          ? await one<ItemRow>(`SELECT * FROM feed_items WHERE feed_id = $1 AND title_hash = $2 AND state <> 'duplicate' AND key <> $3 LIMIT 1`, [
              feedId,
              titleHash,
              exceptKey,
            ])
          : undefined);
      return r && toItem(r);
    },
    async listItems({ feedId, states }) {
      if (states.length === 0) return [];
      const sql = `SELECT * FROM feed_items WHERE state = ANY($1::text[])${feedId === undefined ? '' : ' AND feed_id = $2'} ORDER BY first_seen_at, key`;
      const r = await db.query<ItemRow & Record<string, unknown>>(sql, feedId === undefined ? [states] : [states, feedId]);
      return r.rows.map(toItem);
    },
    async claimPoll(id, { owner, until, at, replacing }) {
      const r = await db.query(
        `UPDATE feeds SET poll_owner = $2, poll_until = $3 WHERE id = $1 AND (poll_owner IS NULL OR poll_owner = $2 OR poll_until < $4 OR poll_owner = $5)`,
        [id, owner, until, at, replacing ?? null],
      );
      return r.rowCount === 1;
    },
    async pollLeaseOwner(id) {
      return (await one<{ poll_owner: string | null }>('SELECT poll_owner FROM feeds WHERE id = $1', [id]))?.poll_owner ?? undefined;
    },
    async releasePoll(id, owner) {
      await db.query('UPDATE feeds SET poll_owner = NULL, poll_until = NULL WHERE id = $1 AND poll_owner = $2', [id, owner]);
    },
  };
}
