/** The data of feed following: feeds, the items taken from them, poll results and expected failures. */

/** A followed feed and its polling state. */
export interface Feed {
  /** Short stable id derived from the URL (`f3a9c01d2`). */
  id: string;
  url: string;
  /** A display name (the feed's own title when none was given). */
  name: string;
  /** Polling interval in milliseconds. */
  everyMs: number;
  status: 'active' | 'paused';
  /** Why the feed was paused (shown in `feeds list`). */
  pausedReason?: string;
  etag?: string;
  lastModified?: string;
  addedAt: string;
  lastPolledAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  /** The code of the last failure (`rate_limited` makes even a manual poll wait out the server's Retry-After). */
  lastErrorCode?: FeedErrorCode;
  lastErrorAt?: string;
  consecutiveFailures: number;
  /** Not polled before this instant (backoff after failures, or the server's Retry-After). */
  nextAttemptAt?: string;
}

/** One entry of a feed, normalised across RSS 1.0/2.0, Atom and JSON Feed. */
export interface FeedItem {
  /** The feed's own id for the item (guid, Atom id, JSON Feed id), when it has one. */
  guid?: string;
  link?: string;
  title?: string;
  /** Full content (content:encoded, Atom content, content_html / content_text). */
  contentHtml?: string;
  /** Summary or description (often a teaser). */
  summaryHtml?: string;
  /** ISO instant. */
  published?: string;
  author?: string;
}

/** Where an item is in its life: `taking` is recorded before its file is written, `taken` after. */
export type ItemState = 'taking' | 'taken' | 'pending' | 'failed' | 'duplicate';

/** What the store keeps about one item of one feed. */
export interface ItemRecord {
  feedId: string;
  /** The item's identity within its feed (guid, else link, else a title hash). */
  key: string;
  /** Hash of the normalised link (dedupe across feeds and re-issued ids). */
  linkHash?: string;
  /** Hash of the normalised title and date (dedupe of re-issued ids within a feed). */
  titleHash?: string;
  state: ItemState;
  /** The article file name in the corpus folder, fixed when the item is first taken. */
  file?: string;
  attempts: number;
  lastError?: string;
  /** For a duplicate: the key of the item it repeats. */
  duplicateOf?: string;
  /** The item as read from the feed, so a retry does not depend on the feed still listing it. */
  item: FeedItem;
  firstSeenAt: string;
  updatedAt: string;
}

/** Codes of the expected failures. */
export type FeedErrorCode =
  | 'bad_url'
  | 'bad_argument'
  | 'refused_address'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'http_error'
  | 'rate_limited'
  | 'network'
  | 'malformed_feed'
  | 'not_a_feed'
  | 'not_article'
  | 'bad_charset'
  | 'reissued_item'
  | 'no_identity'
  | 'unknown_feed'
  | 'duplicate_feed'
  | 'bad_opml'
  | 'write_failed';

/** An expected failure: a code and a message that names the feed, URL or argument and what would be valid. */
export interface FeedError {
  code: FeedErrorCode;
  message: string;
  /** The feed concerned, when there is one. */
  feed?: string;
  url?: string;
}

/** A value or an expected failure. */
export type FeedResult<T> = { ok: true; value: T } | { ok: false; error: FeedError };

/** An article written to the corpus folder. */
export interface WrittenArticle {
  /** File name inside the corpus folder. */
  file: string;
  title: string;
  url: string;
  /** `YYYY-MM-DD`. */
  published: string;
  /** The feed id, or `page` for `addUrl`. */
  feed: string;
}

/** What one poll did to one feed. */
export interface FeedPollReport {
  id: string;
  url: string;
  /** `updated` (fetched and read), `unchanged` (304), `failed`, `deferred` (waiting out a backoff), `paused` (paused by this poll). */
  status: 'updated' | 'unchanged' | 'failed' | 'deferred' | 'paused';
  /** How many articles were added. */
  added: number;
  error?: string;
}

/** The result of a poll: per feed, the articles added, and the issues met (which stopped nothing else). */
export interface PollResult {
  feeds: FeedPollReport[];
  articles: WrittenArticle[];
  issues: FeedError[];
}

/** A successful value. */
export function ok<T>(value: T): FeedResult<T> {
  return { ok: true, value };
}

/** An expected failure. */
export function fail<T = never>(code: FeedErrorCode, message: string, extra: Omit<FeedError, 'code' | 'message'> = {}): FeedResult<T> {
  return { ok: false, error: { code, message, ...extra } };
}
