/**
 * Takes one feed item into the corpus, crash-safely: the item is recorded as `taking` (with its fixed file
 * name) before anything is written, its article is built — from the feed's full text, else from the page —
 * and written atomically, and only then is it recorded as `taken`. A SIGKILL in between leaves a `taking`
 * record that `recoverInterrupted` settles: the file exists (taken) or not (pending, redone next poll, under
 * the same file name, so nothing is doubled). A failed extraction is `pending` until `maxAttempts`, then `failed`.
 */
import { access, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { renderArticle, writeArticleFile, type ArticleContent } from './article-file.ts';
import { extractArticle } from './article-extractor.ts';
import { decodeBody } from './charset.ts';
import type { FeedError, FeedItem, ItemRecord, WrittenArticle } from './feed-model.ts';
import type { FeedStore } from './feed-store.ts';
import type { LeaseOwners } from '../scheduler/lease-owner.ts';
import { takePollLease } from './poll-lease.ts';
import { htmlToParagraphs, htmlToText } from './html-text.ts';
import type { HttpFetcher } from './http-fetcher.ts';

/** What taking items needs. */
export interface TakerDeps {
  store: FeedStore;
  fetcher: HttpFetcher;
  corpusDir: string;
  clock: () => Date;
  /** Attempts of one item before it is given up (default 3). */
  maxAttempts: number;
  /** Feed content with at least this much text is taken as the full article (default 400 characters). */
  fullTextMinChars: number;
}

/** The feed an item comes from, as far as the article needs it. */
export interface ItemSource {
  id: string;
  url: string;
  name: string;
}

/** What taking one item came to. */
export interface TakeOutcome {
  article?: WrittenArticle;
  issue?: FeedError;
}

/** Accept header for article pages. */
export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1';

const TEASER_END = /(…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading|read the full story)\W*$/i;

/** True when feed content is the whole article rather than a teaser. */
export function isFullText(html: string | undefined, minChars: number): boolean {
  if (!html) return false;
  const text = htmlToText(html);
  return text.length >= minChars && !TEASER_END.test(text);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Builds the article of an item: the feed's full text, else the extracted page. */
export async function buildArticle(
  deps: TakerDeps,
  source: ItemSource,
  item: FeedItem,
): Promise<{ ok: true; content: ArticleContent } | { ok: false; code: FeedError['code']; message: string }> {
  const now = deps.clock().toISOString();
  let host = source.url;
  try {
    host = new URL(item.link ?? source.url).hostname;
  } catch {
    // keep the feed URL
  }
  const base = {
    title: item.title ? htmlToText(item.title) : '',
    source: source.name && !/^https?:/i.test(source.name) ? source.name : host,
    published: item.published ?? '',
    url: item.link ?? source.url,
    feed: source.id,
    ...(item.author ? { author: item.author } : {}),
  };
  // Many RSS feeds carry the whole article in <description>; a long one that does not end like a teaser counts.
  const feedText = item.contentHtml ?? item.summaryHtml;
  if (isFullText(feedText, deps.fullTextMinChars) || (!item.link && feedText)) {
    const paragraphs = htmlToParagraphs(feedText!);
    return { ok: true, content: { ...base, published: base.published || now, title: base.title || paragraphs[0]?.slice(0, 120) || host, paragraphs } };
  }
  if (!item.link)
    return { ok: false, code: 'not_article', message: `an item of feed ${source.id} (${source.url}) has neither full text nor a link to its page` };
  const res = await deps.fetcher.get({ url: item.link, accept: PAGE_ACCEPT });
  if (!res.ok) return { ok: false, code: res.code, message: res.message };
  if (res.status === 304) return { ok: false, code: 'http_error', message: `${item.link} answered 304 to an unconditional request` };
  if (res.contentType && !/html|xml|text\/plain/i.test(res.contentType)) {
    return { ok: false, code: 'not_article', message: `${item.link} is ${res.contentType.split(';')[0]}, not a web page` };
  }
  const decoded = decodeBody(res.bytes, res.contentType, item.link);
  const extracted = extractArticle(decoded.text, res.url, base.title);
  if (!extracted.ok) return { ok: false, code: 'not_article', message: extracted.message };
  const a = extracted.article;
  const content: ArticleContent = {
    title: base.title || a.title || host,
    source: a.siteName ?? base.source,
    published: item.published ?? a.published ?? now,
    url: a.canonical ?? res.url,
    feed: source.id,
    paragraphs: a.paragraphs,
  };
  const author = item.author ?? a.byline;
  if (author) content.author = author;
  return { ok: true, content };
}

/** The item without its (possibly long) texts: what a settled record keeps, since it is never built again. */
export function slimItem(item: FeedItem): FeedItem {
  const { contentHtml: _c, summaryHtml: _s, ...rest } = item;
  return rest;
}

/** Takes one item whose record is new or pending; `record` carries its key, hashes, file name and attempts so far. */
export async function takeItem(deps: TakerDeps, source: ItemSource, record: ItemRecord): Promise<TakeOutcome> {
  const file = record.file!;
  const taking: ItemRecord = { ...record, state: 'taking', attempts: record.attempts + 1, updatedAt: deps.clock().toISOString() };
  delete taking.lastError;
  await deps.store.putItem(taking);
  let built: Awaited<ReturnType<typeof buildArticle>>;
  try {
    built = await buildArticle(deps, source, record.item);
  } catch (err) {
    built = {
      ok: false,
      code: 'not_article',
      message: `${record.item.link ?? source.url}: extraction failed (${err instanceof Error ? err.message : String(err)})`,
    };
  }
  let rendered: ReturnType<typeof renderArticle> | undefined;
  if (built.ok) {
    rendered = renderArticle(built.content, file);
    if (!rendered.ok) built = { ok: false, code: 'not_article', message: rendered.message };
  }
  if (!built.ok || !rendered?.ok) {
    const message = built.ok ? 'the article could not be rendered' : built.message;
    const code = built.ok ? 'not_article' : built.code;
    const giveUp = taking.attempts >= deps.maxAttempts;
    await deps.store.putItem({
      ...taking,
      state: giveUp ? 'failed' : 'pending',
      lastError: message,
      updatedAt: deps.clock().toISOString(),
      ...(giveUp ? { item: slimItem(taking.item) } : {}),
    });
    const tail = giveUp
      ? ` — given up after ${taking.attempts} attempts`
      : ` — will retry on the next poll (attempt ${taking.attempts} of ${deps.maxAttempts})`;
    return { issue: { code, message: `feed ${source.id}: ${message}${tail}`, feed: source.id, ...(record.item.link ? { url: record.item.link } : {}) } };
  }
  try {
    await writeArticleFile(deps.corpusDir, file, rendered.text);
  } catch (err) {
    await deps.store.putItem({ ...taking, state: 'pending', lastError: `write failed: ${(err as Error).message}`, updatedAt: deps.clock().toISOString() });
    return {
      issue: { code: 'write_failed', message: `feed ${source.id}: could not write ${join(deps.corpusDir, file)} (${(err as Error).message})`, feed: source.id },
    };
  }
  await deps.store.putItem({ ...taking, state: 'taken', item: slimItem(taking.item), updatedAt: deps.clock().toISOString() });
  const c = built.content;
  return { article: { file, title: c.title, url: c.url, published: c.published.slice(0, 10), feed: source.id } };
}

/** True when a process with this id is running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary article files left by processes that are gone (hidden, so the loader never read them). */
async function removeStaleTemporaries(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const n of names) {
    const m = /^\..+\.(\d+)\.tmp$/.exec(n);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) await rm(join(dir, n), { force: true });
  }
}

/**
 * Settles items left `taking` by an interrupted run: `taken` when their file was written, else `pending`.
 * With `owner` (several instances on one store), only items of feeds whose poll lease this instance gets:
 * an item another live instance is taking right now is left to it.
 */
export async function recoverInterrupted(
  deps: Pick<TakerDeps, 'store' | 'corpusDir' | 'clock'>,
  lease?: { owners: LeaseOwners; ms: number },
): Promise<{ taken: number; pending: number }> {
  await removeStaleTemporaries(deps.corpusDir);
  let stuck = await deps.store.listItems({ states: ['taking'] });
  const claimed: string[] = [];
  if (lease && stuck.length) {
    for (const feedId of new Set(stuck.map((r) => r.feedId))) {
      if (await takePollLease(deps.store, feedId, lease.owners, lease.ms, deps.clock())) claimed.push(feedId);
    }
    stuck = stuck.filter((r) => claimed.includes(r.feedId));
  }
  try {
    return await settle(deps, stuck);
  } finally {
    for (const feedId of claimed) await deps.store.releasePoll(feedId, lease!.owners.id);
  }
}

async function settle(deps: Pick<TakerDeps, 'store' | 'corpusDir' | 'clock'>, stuck: ItemRecord[]): Promise<{ taken: number; pending: number }> {
  let taken = 0;
  let pending = 0;
  for (const r of stuck) {
    const done = r.file ? await exists(join(deps.corpusDir, r.file)) : false;
    if (done) taken++;
    else pending++;
    // An interrupted attempt was not the item's fault: it does not count towards giving up.
    await deps.store.putItem({
      ...r,
      state: done ? 'taken' : 'pending',
      attempts: done ? r.attempts : Math.max(0, r.attempts - 1),
      updatedAt: deps.clock().toISOString(),
      ...(done ? {} : { lastError: 'interrupted before its file was written' }),
    });
  }
  return { taken, pending };
}
