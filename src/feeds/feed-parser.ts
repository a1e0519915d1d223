/**
 * Reads a feed document — RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed — into normalised items. Parsing and
 * format detection are feedsmith's (one maintained library for all four formats and OPML); this file only
 * maps its shapes onto `FeedItem`. Malformed or unrecognised documents are values naming the feed.
 */
import { parseFeed } from 'feedsmith';
import type { FeedItem } from './feed-model.ts';

/** A parsed feed: its title, home page and items, or why it could not be read. */
export type ParsedFeed =
  | { ok: true; format: 'rss' | 'atom' | 'rdf' | 'json'; title?: string; home?: string; items: FeedItem[] }
  | { ok: false; code: 'malformed_feed' | 'not_a_feed'; message: string };

type Loose = Record<string, unknown>;

const str = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && 'value' in v) return str((v as Loose).value);
  return undefined;
};
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const personName = (v: unknown): string | undefined => {
  const p = first(v);
  if (typeof p === 'string') return str(p);
  if (p && typeof p === 'object') return str((p as Loose).name) ?? str((p as Loose).email);
  return undefined;
};

const TRAILING_OFFSET = /(?:\d)\s*(?:([+-])(\d{2}):?(\d{2}))\s*$/;

/**
 * An ISO timestamp for a feed date (RFC 822, ISO 8601), or undefined when it is not a date. An explicit
 * numeric offset is kept (`2026-06-01T23:30:00-05:00`), so the date part is the publisher's local date.
 */
export function feedDate(v: unknown): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t);
  if (d.getUTCFullYear() < 1900 || d.getUTCFullYear() > 9999) return undefined;
  const m = TRAILING_OFFSET.exec(s);
  if (!m) return d.toISOString();
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  if (Math.abs(minutes) > 14 * 60) return d.toISOString();
  const local = new Date(t + minutes * 60_000).toISOString().slice(0, 19);
  return `${local}${m[1]}${m[2]}:${m[3]}`;
}

/** Resolves a link against the feed's URL; undefined unless it is http(s). */
export function absoluteLink(link: string | undefined | null, base: string): string | undefined {
  if (!link) return undefined;
  try {
    const u = new URL(link, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

function compact(item: FeedItem): FeedItem {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(item)) if (typeof v === 'string' && v) out[k] = v;
  return out as FeedItem;
}

function rssItem(i: Loose, base: string): FeedItem {
  const guid = i.guid as Loose | string | undefined;
  const guidValue = str(guid);
  const permalink = guid && typeof guid === 'object' && guid.isPermaLink !== false ? guidValue : undefined;
  const dc = (i.dc ?? {}) as Loose;
  return compact({
    guid: guidValue ?? str((i.rdf as Loose | undefined)?.about),
    link: absoluteLink(str(i.link) ?? permalink ?? str((i.rdf as Loose | undefined)?.about), base),
    title: str(i.title) ?? str(first(dc.titles)),
    contentHtml: str((i.content as Loose | undefined)?.encoded),
    summaryHtml: str(i.description) ?? str(first(dc.descriptions)),
    published: feedDate(i.pubDate) ?? feedDate(first(dc.dates)) ?? feedDate(dc.date),
    author: personName(dc.creators) ?? personName(dc.creator) ?? personName(i.authors) ?? personName(i.author),
  } as FeedItem);
}

function atomItem(e: Loose, base: string): FeedItem {
  const links = (Array.isArray(e.links) ? e.links : []) as Loose[];
  const alt = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
  const content = e.content as Loose | undefined;
  const isHtml = !content?.type || /html/i.test(String(content.type));
  const contentText = str(content);
  return compact({
    guid: str(e.id),
    link: absoluteLink(str(alt?.href), base),
    title: str(e.title),
    contentHtml: contentText && (isHtml ? contentText : `<p>${escapeText(contentText)}</p>`),
    summaryHtml: str(e.summary),
    published: feedDate(e.published) ?? feedDate(e.updated),
    author: personName(e.authors),
  } as FeedItem);
}

function jsonItem(i: Loose, base: string): FeedItem {
  const text = str(i.content_text);
  return compact({
    guid: str(i.id),
    link: absoluteLink(str(i.url) ?? str(i.external_url), base),
    title: str(i.title),
    contentHtml:
      str(i.content_html) ??
      (text
        ? text
            .split(/\n\s*\n/)
            .map((p) => `<p>${escapeText(p)}</p>`)
            .join('')
        : undefined),
    summaryHtml: str(i.summary),
    published: feedDate(i.date_published) ?? feedDate(i.date_modified),
    author: personName(i.authors) ?? personName(i.author),
  } as FeedItem);
}

/** Escapes text for inclusion in HTML. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Parses a feed document fetched from `url`; the message names the URL. */
export function parseFeedDocument(text: string, url: string): ParsedFeed {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, code: 'not_a_feed', message: `${url} returned an empty document, not a feed` };
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseFeed(trimmed) as { format: string; feed: unknown };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const looksXml = trimmed.startsWith('<');
    const looksHtml = /^<(!doctype html|html)/i.test(trimmed);
    if (looksHtml)
      return {
        ok: false,
        code: 'not_a_feed',
        message: `${url} is a web page, not a feed (RSS, Atom or JSON Feed); give the feed's own address, or add the page with "briefing add URL"`,
      };
    if (looksXml || trimmed.startsWith('{')) {
      return { ok: false, code: 'malformed_feed', message: `${url} is not a well-formed RSS, Atom or JSON feed (${why}); the publisher must fix it` };
    }
    return { ok: false, code: 'not_a_feed', message: `${url} is not a feed (RSS, Atom or JSON Feed) (${why})` };
  }
  const feed = (parsed.feed ?? {}) as Loose;
  const format = parsed.format as 'rss' | 'atom' | 'rdf' | 'json';
  const raw = ((format === 'atom' ? feed.entries : feed.items) ?? []) as Loose[];
  const map = format === 'atom' ? atomItem : format === 'json' ? jsonItem : rssItem;
  const items = (Array.isArray(raw) ? raw : []).filter((x) => x && typeof x === 'object').map((i) => map(i, url));
  const title = str(feed.title);
  const homeLinks = Array.isArray(feed.links) ? (feed.links as Loose[]) : [];
  const home = absoluteLink(str(feed.link) ?? str(feed.home_page_url) ?? str(homeLinks.find((l) => !l.rel || l.rel === 'alternate')?.href), url);
  return { ok: true, format, items, ...(title ? { title } : {}), ...(home ? { home } : {}) };
}
