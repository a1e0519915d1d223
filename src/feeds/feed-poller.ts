/**
 * Polls one feed: a conditional GET, the items read and deduplicated (by key, by link across feeds, by title
 * and date within the feed — a feed that re-issues items under new ids), each new or pending item taken, and
 * the feed's state updated. A failure counts towards pausing the feed; an item's failure does not.
 * The ETag / Last-Modified are saved only after every item of the document is recorded, so an interrupted
 * poll fetches the whole document again next time.
 */
import { decodeBody } from './charset.ts';
import type { Feed, FeedError, FeedErrorCode, FeedPollReport, ItemRecord, WrittenArticle } from './feed-model.ts';
import { parseFeedDocument } from './feed-parser.ts';
import type { FeedPatch } from './feed-store.ts';
import { articleFileName, itemKey, linkHash, titleHash } from './item-identity.ts';
import { slimItem, takeItem, type TakerDeps } from './item-taker.ts';

/** What polling needs beyond taking items. */
export interface PollerDeps extends TakerDeps {
  /** Consecutive failed polls before a feed is paused (default 5). */
  maxFailures: number;
  /** Most new items taken from one document per poll (the rest wait for the next poll). */
  maxItemsPerPoll: number;
  notifyAdmin?: (message: string) => void | Promise<void>;
  log: (level: 'info' | 'warn' | 'error', data: Record<string, unknown>, message: string) => void;
}

/** One feed's poll result. */
export interface FeedPollOutcome {
  report: FeedPollReport;
  articles: WrittenArticle[];
  issues: FeedError[];
}

/** Accept header for feeds. */
export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, */*;q=0.1';

/** Longest wait between attempts after failures (6 h). */
export const MAX_BACKOFF_MS = 6 * 3_600_000;

async function recordFailure(deps: PollerDeps, feed: Feed, code: FeedErrorCode, message: string, retryAfterMs?: number): Promise<FeedPollOutcome> {
  const now = deps.clock();
  const failures = feed.consecutiveFailures + 1;
  const wait = Math.min(MAX_BACKOFF_MS, Math.max(retryAfterMs ?? 0, feed.everyMs * 2 ** (failures - 1)));
  const patch: FeedPatch = {
    lastPolledAt: now.toISOString(),
    lastError: message,
    lastErrorCode: code,
    lastErrorAt: now.toISOString(),
    consecutiveFailures: failures,
    nextAttemptAt: new Date(now.getTime() + wait).toISOString(),
  };
  const pause = failures >= deps.maxFailures;
  if (pause) {
    patch.status = 'paused';
    patch.pausedReason = `paused after ${failures} failed polls in a row; last: ${message}`;
  }
  await deps.store.updateFeed(feed.id, patch);
  // The failure itself is logged with the poll's issues; a pause is worth its own line.
  if (pause) deps.log('error', { feed: feed.id, url: feed.url, code, failures }, `feed paused after ${failures} failed polls: ${message}`);
  if (pause && deps.notifyAdmin) {
    try {
      await deps.notifyAdmin(
        `Feed ${feed.name} (${feed.url}, id ${feed.id}) is paused after ${failures} failed polls in a row. Last error: ${message}. Resume it with: briefing feeds resume ${feed.id}`,
      );
    } catch (err) {
      deps.log('error', { feed: feed.id, err: String(err) }, 'could not notify the admin');
    }
  }
  const issue: FeedError = { code, message: `feed ${feed.id}: ${message}`, feed: feed.id, url: feed.url };
  return { report: { id: feed.id, url: feed.url, status: pause ? 'paused' : 'failed', added: 0, error: message }, articles: [], issues: [issue] };
}

async function succeed(deps: PollerDeps, feed: Feed, patch: FeedPatch): Promise<void> {
  const now = deps.clock().toISOString();
  await deps.store.updateFeed(feed.id, {
    ...patch,
    lastPolledAt: now,
    lastSuccessAt: now,
    consecutiveFailures: 0,
    lastError: null,
    lastErrorCode: null,
    lastErrorAt: null,
    nextAttemptAt: null,
  });
}

/** Takes the feed's pending items (failed extractions and interrupted takes), except those in `done`. */
async function retryPending(deps: PollerDeps, feed: Feed, done: Set<string>, out: FeedPollOutcome): Promise<void> {
  for (const rec of await deps.store.listItems({ feedId: feed.id, states: ['pending'] })) {
    if (done.has(rec.key)) continue;
    done.add(rec.key);
    const r = await takeItem(deps, feed, rec);
    if (r.article) out.articles.push(r.article);
    if (r.issue) out.issues.push(r.issue);
  }
}

/** Polls one feed once. Never throws for expected failures. */
export async function pollOneFeed(deps: PollerDeps, feed: Feed): Promise<FeedPollOutcome> {
  const res = await deps.fetcher.get({
    url: feed.url,
    accept: FEED_ACCEPT,
    ...(feed.etag ? { etag: feed.etag } : {}),
    ...(feed.lastModified ? { lastModified: feed.lastModified } : {}),
  });
  const done = new Set<string>();
  if (!res.ok) {
    const out = await recordFailure(deps, feed, res.code, res.message, res.retryAfterMs);
    await retryPending(deps, feed, done, out);
    out.report.added = out.articles.length;
    return out;
  }
  const out: FeedPollOutcome = {
    report: { id: feed.id, url: feed.url, status: res.status === 304 ? 'unchanged' : 'updated', added: 0 },
    articles: [],
    issues: [],
  };
  if (res.status === 304) {
    await succeed(deps, feed, {});
    await retryPending(deps, feed, done, out);
    out.report.added = out.articles.length;
    return out;
  }
  const decoded = decodeBody(res.bytes, res.contentType, feed.url);
  if (decoded.warning) out.issues.push({ code: 'bad_charset', message: `feed ${feed.id}: ${decoded.warning}`, feed: feed.id, url: feed.url });
  const parsed = parseFeedDocument(decoded.text, feed.url);
  if (!parsed.ok) {
    const failed = await recordFailure(deps, feed, parsed.code, parsed.message);
    failed.issues.unshift(...out.issues);
    return failed;
  }
  const source = { id: feed.id, url: feed.url, name: feed.name === feed.url && parsed.title ? parsed.title : feed.name };
  // Oldest first, so a capped poll takes the backlog in order.
  const when = (p: string | undefined) => (p ? Date.parse(p) : 0);
  const items = [...parsed.items].sort((a, b) => when(a.published) - when(b.published));
  let taken = 0;
  const reissued: string[] = [];
  for (const item of items) {
    const key = itemKey(item);
    if (!key) {
      out.issues.push({
        code: 'no_identity',
        message: `feed ${feed.id} (${feed.url}) has an item with no id, link or title; it is skipped`,
        feed: feed.id,
        url: feed.url,
      });
      continue;
    }
    if (done.has(key)) continue;
    done.add(key);
    const existing = await deps.store.getItem(feed.id, key);
    if (existing && existing.state !== 'pending') continue;
    const now = deps.clock().toISOString();
    const lh = linkHash(item);
    const th = titleHash(item);
    if (!existing) {
      const similar = await deps.store.findSimilar({ feedId: feed.id, exceptKey: key, ...(lh ? { linkHash: lh } : {}), ...(th ? { titleHash: th } : {}) });
      if (similar) {
        await deps.store.putItem({
          feedId: feed.id,
          key,
          state: 'duplicate',
          attempts: 0,
          duplicateOf: `${similar.feedId}:${similar.key}`,
          item: slimItem(item),
          firstSeenAt: now,
          updatedAt: now,
          ...(lh ? { linkHash: lh } : {}),
          ...(th ? { titleHash: th } : {}),
        });
        if (similar.feedId === feed.id) reissued.push(item.title ?? item.link ?? key);
        continue;
      }
      if (taken >= deps.maxItemsPerPoll) continue;
    }
    taken++;
    const record: ItemRecord = existing ?? {
      feedId: feed.id,
      key,
      state: 'pending',
      attempts: 0,
      file: articleFileName(feed.id, key, item.title, item.published ?? now),
      item,
      firstSeenAt: now,
      updatedAt: now,
      ...(lh ? { linkHash: lh } : {}),
      ...(th ? { titleHash: th } : {}),
    };
    const r = await takeItem(deps, source, { ...record, item });
    if (r.article) out.articles.push(r.article);
    if (r.issue) out.issues.push(r.issue);
  }
  if (reissued.length) {
    const shown = reissued
      .slice(0, 3)
      .map((t) => `"${t.slice(0, 80)}"`)
      .join(', ');
    out.issues.push({
      code: 'reissued_item',
      message: `feed ${feed.id} (${feed.url}) re-issued ${reissued.length} item(s) already taken under new ids (${shown}${reissued.length > 3 ? ', …' : ''}); kept the first copy`,
      feed: feed.id,
      url: feed.url,
    });
  }
  await retryPending(deps, feed, done, out);
  const patch: FeedPatch = { etag: res.etag ?? null, lastModified: res.lastModified ?? null };
  if (source.name !== feed.name) patch.name = source.name;
  // When the cap left new items untaken, forget the validators so the next poll reads the document again.
  if (taken >= deps.maxItemsPerPoll) Object.assign(patch, { etag: null, lastModified: null });
  await succeed(deps, feed, patch);
  out.report.added = out.articles.length;
  return out;
}
