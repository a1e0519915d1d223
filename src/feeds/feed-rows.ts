/** The rows of the feed tables, shared by the SQLite and PostgreSQL feed stores: columns and conversions. */
import type { Feed, ItemRecord, ItemState } from './feed-model.ts';
import type { FeedPatch } from './feed-store.ts';

/** One row of `feeds` (the poll lease columns are the store's own business). */
export interface FeedRow {
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

/** One row of `feed_items`. */
export interface ItemRow {
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
export const COLUMNS: Record<keyof FeedPatch, keyof FeedRow> = {
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

/** A row as a Feed (NULL: field absent). */
export function toFeed(r: FeedRow): Feed {
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

/** A row as an ItemRecord. */
export function toItem(r: ItemRow): ItemRecord {
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

/** A Feed as a row. */
export function feedRow(f: Feed): FeedRow {
  return {
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
}

/** An ItemRecord as a row (the item itself as JSON). */
export function itemRow(rec: ItemRecord): ItemRow {
  return {
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
}
