/**
 * The feed service: follow, list, pause, resume and remove feeds, poll them (all, or only those due), import
 * an OPML list, and add one web page as an article. Expected failures are `FeedResult` values whose messages
 * name the feed, URL or argument; a poll reports per feed and per item and lets nothing stop the rest.
 */
import { mapLimited } from '../io/map-limited.ts';
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { checkUrl } from './address-policy.ts';
import { MAX_EVERY_MS, MIN_EVERY_MS, parseEvery } from './duration.ts';
import { fail, ok, type Feed, type FeedResult, type PollResult, type WrittenArticle } from './feed-model.ts';
import type { PollerDeps } from './feed-poller.ts';
import type { FeedStore } from './feed-store.ts';
import type { FetchOptions, HttpFetcher } from './http-fetcher.ts';
import { feedId, normaliseLink, slug } from './item-identity.ts';
import { localLeaseOwners, type LeaseOwners } from '../scheduler/lease-owner.ts';
import { takePollLease } from './poll-lease.ts';

/** A pino-compatible logger (only these three methods are used). */
export interface FeedLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

/** What the service is made from. */
export interface FeedServiceDeps {
  store: FeedStore;
  /** Where article files are written (`$BRIEFING_DATA_DIR/corpus`). */
  corpusDir: string;
  /** Fetch politeness and limits; `allowPrivate` from `BRIEFING_FETCH_ALLOW_PRIVATE=1`. */
  fetch?: FetchOptions;
  /** A ready fetcher instead of one made from `fetch` (tests, a shared pool). */
  fetcher?: HttpFetcher;
  clock?: () => Date;
  logger?: FeedLogger;
  /** Called once per article written, after it is recorded (the live briefing reloads). */
  onArticle?: (article: WrittenArticle) => void | Promise<void>;
  /** Told when a feed is paused after repeated failures (send it to `BRIEFING_ADMIN_TARGET`). */
  notifyAdmin?: (message: string) => void | Promise<void>;
  /** Polling interval of a feed added without one (default 30 min). */
  defaultEveryMs?: number;
  /** Consecutive failed polls before a feed is paused (default 5). */
  maxFailures?: number;
  /** Attempts of one item before it is given up (default 3). */
  maxAttempts?: number;
  /** Feed content with at least this many characters counts as the full article (default 400). */
  fullTextMinChars?: number;
  /** Feeds polled at once (default 4; requests to one host are still one at a time). */
  concurrency?: number;
  /** Most new items taken from one feed per poll (default 100). */
  maxItemsPerPoll?: number;
  /** Most feeds followed at once (default 500), so a chat cannot make the bot follow without end. */
  maxFeeds?: number;
  /** This instance's lease identity (default `host:pid:random` with the same-host pid check); instances sharing a store poll each feed one at a time. */
  owners?: LeaseOwners;
  /** How long a poll lease lasts if its holder dies mid-poll (default 10 minutes). */
  pollLeaseMs?: number;
}

/** A feed with the counts of its items, for `feeds list`. */
export interface FeedSummary extends Feed {
  items: { taken: number; pending: number; failed: number; duplicate: number };
}

/** Options of `add`. */
export interface AddOptions {
  name?: string;
  /** `15m`, `1h`… or milliseconds. */
  every?: string | number;
  /** Fetch the URL first and refuse it unless it is a feed; a web page that links its feed is followed by that link (default true). */
  check?: boolean;
}

/** The result of an OPML import. */
export interface ImportResult {
  added: Feed[];
  skipped: { url: string; reason: string }[];
}

/** The feed service. */
export interface FeedService {
  add(url: string, options?: AddOptions): Promise<FeedResult<Feed>>;
  list(): Promise<FeedSummary[]>;
  remove(id: string): Promise<FeedResult<Feed>>;
  pause(id: string, reason?: string): Promise<FeedResult<Feed>>;
  resume(id: string): Promise<FeedResult<Feed>>;
  /** Polls every active feed, or with `due` only those whose interval (or backoff) has passed. */
  poll(options?: { due?: boolean }): Promise<PollResult>;
  importOpml(text: string, file?: string): Promise<FeedResult<ImportResult>>;
  /** Fetches one page and writes it as one article file. */
  addUrl(url: string): Promise<FeedResult<WrittenArticle>>;
  /** Ends the fetcher's connections (when the service made it). */
  close(): Promise<void>;
}

let pipelineLoaded: Promise<typeof import('./feed-pipeline.ts')> | undefined;
/** The fetching and parsing libraries, imported on first use (see feed-pipeline.ts). */
const pipeline = () => (pipelineLoaded ??= import('./feed-pipeline.ts'));

/** An HTTP fetcher made on its first request, so that making the service loads no HTTP client. */
function lazyFetcher(options: FetchOptions | undefined): HttpFetcher {
  let made: Promise<HttpFetcher> | undefined;
  const real = () => (made ??= pipeline().then((p) => p.createHttpFetcher(options)));
  return {
    get: async (request) => (await real()).get(request),
    close: async () => {
      if (made) await (await made).close();
    },
  };
}

/** Makes the feed service. */
export function createFeedService(deps: FeedServiceDeps): FeedService {
  const clock = deps.clock ?? (() => new Date());
  const fetcher = deps.fetcher ?? lazyFetcher(deps.fetch);
  const logger = deps.logger;
  const poller: PollerDeps = {
    store: deps.store,
    fetcher,
    corpusDir: deps.corpusDir,
    clock,
    maxAttempts: deps.maxAttempts ?? 3,
    fullTextMinChars: deps.fullTextMinChars ?? 400,
    maxFailures: deps.maxFailures ?? 5,
    maxItemsPerPoll: deps.maxItemsPerPoll ?? 100,
    log: (level, data, message) => logger?.[level](data, message),
    ...(deps.notifyAdmin ? { notifyAdmin: deps.notifyAdmin } : {}),
  };
  let polling: Promise<unknown> = Promise.resolve();
  const owners = deps.owners ?? localLeaseOwners();
  const owner = owners.id;
  const leaseMs = deps.pollLeaseMs ?? 10 * 60_000;

  const unknown = (id: string) => fail<Feed>('unknown_feed', `no feed with id "${id}"; see "briefing feeds list" for the ids`, { feed: id });

  function everyMs(every: string | number | undefined): FeedResult<number> {
    if (every === undefined) return ok(deps.defaultEveryMs ?? 30 * 60_000);
    if (typeof every === 'number') {
      return Number.isFinite(every) && every >= MIN_EVERY_MS && every <= MAX_EVERY_MS
        ? ok(every)
        : fail('bad_argument', `--every must be between 1m and 7d, not ${every} ms`);
    }
    const p = parseEvery(every);
    return p.ok ? ok(p.ms) : fail('bad_argument', `--every: ${p.message}`);
  }

  /** Fetches `url` once to be sure it is a feed; follows a page's `<link rel=alternate>` to its feed. */
  async function verify(url: string): Promise<FeedResult<{ url: string; title?: string }>> {
    const { decodeBody, FEED_ACCEPT, findFeedLinks, parseFeedDocument } = await pipeline();
    for (let hop = 0; hop < 2; hop++) {
      const res = await fetcher.get({ url, accept: FEED_ACCEPT });
      if (!res.ok) return fail(res.code, `cannot follow ${url}: ${res.message}`, { url });
      if (res.status === 304) return ok({ url });
      const text = decodeBody(res.bytes, res.contentType, url).text;
      const parsed = parseFeedDocument(text, res.url);
      if (parsed.ok) return ok({ url, ...(parsed.title ? { title: parsed.title } : {}) });
      const links = hop === 0 && parsed.code === 'not_a_feed' ? findFeedLinks(text, res.url) : [];
      if (links.length === 0) return fail(parsed.code, parsed.message, { url });
      url = links[0]!;
    }
    return fail('not_a_feed', `${url} is not a feed`, { url });
  }

  async function add(input: string, options: AddOptions = {}): Promise<FeedResult<Feed>> {
    const checked = checkUrl(input);
    if (!checked.ok) return fail('bad_url', checked.message, { url: input });
    const every = everyMs(options.every);
    if (!every.ok) return every;
    let url = checked.url.toString();
    let title: string | undefined;
    if (options.check !== false) {
      const v = await verify(url);
      if (!v.ok) return v;
      url = v.value.url;
      title = v.value.title;
    }
    const maxFeeds = deps.maxFeeds ?? 500;
    if ((await deps.store.listFeeds()).length >= maxFeeds)
      return fail('bad_argument', `already following ${maxFeeds} feeds, the most allowed; remove one first (briefing feeds remove ID)`, { url });
    const existing = await deps.store.findFeedByUrl(url);
    if (existing) return fail('duplicate_feed', `${url} is already followed as feed ${existing.id} (${existing.name})`, { feed: existing.id, url });
    const name = options.name?.trim() || title || url;
    const feed: Feed = {
      id: feedId(url),
      url,
      name: name.slice(0, 200),
      everyMs: every.value,
      status: 'active',
      addedAt: clock().toISOString(),
      consecutiveFailures: 0,
    };
    if (!(await deps.store.insertFeed(feed))) return fail('duplicate_feed', `${url} is already followed`, { url });
    logger?.info({ feed: feed.id, url }, 'feed added');
    return ok(feed);
  }

  async function list(): Promise<FeedSummary[]> {
    const feeds = await deps.store.listFeeds();
    const out: FeedSummary[] = [];
    for (const f of feeds) {
      const items = await deps.store.listItems({ feedId: f.id, states: ['taken', 'pending', 'failed', 'duplicate', 'taking'] });
      const count = (s: string) => items.filter((i) => i.state === s).length;
      out.push({ ...f, items: { taken: count('taken'), pending: count('pending') + count('taking'), failed: count('failed'), duplicate: count('duplicate') } });
    }
    return out;
  }

  async function setStatus(id: string, status: 'active' | 'paused', reason?: string): Promise<FeedResult<Feed>> {
    const feed = await deps.store.getFeed(id.trim());
    if (!feed) return unknown(id);
    await deps.store.updateFeed(
      feed.id,
      status === 'active'
        ? { status, pausedReason: null, consecutiveFailures: 0, nextAttemptAt: null }
        : { status, pausedReason: reason ?? 'paused by an operator' },
    );
    return ok((await deps.store.getFeed(feed.id))!);
  }

  function isDue(f: Feed, now: number): boolean {
    const next = Math.max(f.lastPolledAt ? Date.parse(f.lastPolledAt) + f.everyMs : 0, f.nextAttemptAt ? Date.parse(f.nextAttemptAt) : 0);
    return now >= next;
  }

  /**
   * Takes the feed's poll lease (one instance polls a feed at a time) and reads it again: another instance
   * may have polled it since the list was read. Returns the feed to poll, or what to report instead.
   */
  async function claimFeed(listed: Feed, options: { due?: boolean }): Promise<Feed | { report?: PollResult['feeds'][number]; articles: []; issues: [] }> {
    const at = clock();
    const busy = {
      report: { id: listed.id, url: listed.url, status: 'deferred' as const, added: 0, error: 'another instance is polling it' },
      articles: [] as [],
      issues: [] as [],
    };
    if (!(await takePollLease(deps.store, listed.id, owners, leaseMs, at))) return busy;
    const f = await deps.store.getFeed(listed.id);
    if (f && f.status === 'active' && (!options.due || isDue(f, at.getTime()))) return f;
    await deps.store.releasePoll(listed.id, owner);
    return { articles: [], issues: [] };
  }

  async function runPoll(options: { due?: boolean }): Promise<PollResult> {
    const result: PollResult = { feeds: [], articles: [], issues: [] };
    const { pollOneFeed, recoverInterrupted } = await pipeline();
    const recovered = await recoverInterrupted(poller, { owners, ms: leaseMs });
    if (recovered.taken + recovered.pending) logger?.warn({ ...recovered }, 'settled items left by an interrupted poll');
    const now = clock().getTime();
    const feeds = (await deps.store.listFeeds()).filter((f) => f.status === 'active');
    const chosen: Feed[] = [];
    for (const f of feeds) {
      if (options.due && !isDue(f, now)) continue;
      const serverWait = f.lastErrorCode === 'rate_limited' && f.nextAttemptAt && Date.parse(f.nextAttemptAt) > now;
      if (serverWait) {
        result.feeds.push({ id: f.id, url: f.url, status: 'deferred', added: 0, error: `the server asked to wait until ${f.nextAttemptAt}` });
        continue;
      }
      chosen.push(f);
    }
    const outcomes = await mapLimited(chosen, deps.concurrency ?? 4, async (listed) => {
      const f = await claimFeed(listed, options);
      if (!('id' in f)) return f;
      try {
        return await pollOneFeed(poller, f);
      } catch (err) {
        logger?.error({ feed: f.id, url: f.url, err: (err as Error).stack ?? String(err) }, 'feed poll failed unexpectedly');
        const message = `unexpected failure: ${(err as Error).message}`;
        return {
          report: { id: f.id, url: f.url, status: 'failed' as const, added: 0, error: message },
          articles: [],
          issues: [{ code: 'network' as const, message: `feed ${f.id}: ${message}`, feed: f.id, url: f.url }],
        };
      } finally {
        await deps.store.releasePoll(f.id, owner);
      }
    });
    for (const o of outcomes) {
      if (!o.report) continue;
      result.feeds.push(o.report);
      result.articles.push(...o.articles);
      result.issues.push(...o.issues);
      for (const a of o.articles) {
        try {
          await deps.onArticle?.(a);
        } catch (err) {
          logger?.error({ file: a.file, err: String(err) }, 'onArticle failed');
        }
      }
    }
    for (const i of result.issues) logger?.warn({ code: i.code, feed: i.feed, url: i.url }, i.message);
    return result;
  }

  async function importOpml(text: string, file = 'the OPML file'): Promise<FeedResult<ImportResult>> {
    const { parseOpmlFeeds } = await pipeline();
    const parsed = parseOpmlFeeds(text, file);
    if (!parsed.ok) return fail('bad_opml', parsed.message);
    const out: ImportResult = { added: [], skipped: [] };
    for (const f of parsed.feeds) {
      const r = await add(f.url, { ...(f.name ? { name: f.name } : {}), check: false });
      if (r.ok) out.added.push(r.value);
      else out.skipped.push({ url: f.url, reason: r.error.message });
    }
    return ok(out);
  }

  async function addUrl(input: string): Promise<FeedResult<WrittenArticle>> {
    const checked = checkUrl(input);
    if (!checked.ok) return fail('bad_url', checked.message, { url: input });
    const url = checked.url.toString();
    const { buildArticle, renderArticle, writeArticleFile } = await pipeline();
    const built = await buildArticle(poller, { id: 'page', url, name: '' }, { link: url });
    if (!built.ok) return fail(built.code, built.message, { url });
    const hash = createHash('sha256')
      .update(`page:${normaliseLink(built.content.url)}`)
      .digest('hex')
      .slice(0, 12);
    const names = await readdir(deps.corpusDir).catch(() => [] as string[]);
    const file =
      names.find((n) => n.startsWith('page-') && n.endsWith(`-${hash}.txt`)) ??
      `page-${built.content.published.slice(0, 10)}-${slug(built.content.title)}-${hash}.txt`;
    const rendered = renderArticle(built.content, file);
    if (!rendered.ok) return fail('not_article', rendered.message, { url });
    await writeArticleFile(deps.corpusDir, file, rendered.text);
    const article: WrittenArticle = { file, title: built.content.title, url: built.content.url, published: built.content.published.slice(0, 10), feed: 'page' };
    await deps.onArticle?.(article);
    return ok(article);
  }

  return {
    add,
    list,
    async remove(id) {
      const feed = await deps.store.getFeed(id.trim());
      if (!feed) return unknown(id);
      await deps.store.deleteFeed(feed.id);
      return ok(feed);
    },
    pause: (id, reason) => setStatus(id, 'paused', reason),
    resume: (id) => setStatus(id, 'active'),
    poll(options = {}) {
      // One poll at a time per service: a cron tick during a long poll waits instead of doubling the work.
      const run = polling.then(() => runPoll(options));
      polling = run.catch(() => {});
      return run;
    },
    importOpml,
    addUrl,
    async close() {
      if (!deps.fetcher) await fetcher.close();
    },
  };
}
