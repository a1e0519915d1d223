/** The identities of feed items and articles: item keys, link and title hashes for dedupe, stable file names, feed ids. */
import { createHash } from 'node:crypto';
import type { FeedItem } from './feed-model.ts';

const sha = (s: string, n: number) => createHash('sha256').update(s).digest('hex').slice(0, n);

/** Tracking parameters dropped before comparing links. */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid|at_medium|at_campaign)$/i;

/** A link normalised for comparison: lower-case host, no fragment, no tracking parameters, no trailing slash, http = https. */
export function normaliseLink(link: string): string {
  try {
    const u = new URL(link);
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
    u.searchParams.sort();
    const path = u.pathname.replace(/\/+$/, '') || '/';
    return `${u.hostname.toLowerCase().replace(/^www\./, '')}${u.port ? `:${u.port}` : ''}${path}${u.search}`;
  } catch {
    return link.trim();
  }
}

/** A title normalised for comparison: lower case, letters and digits only. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The hash of an item's link, when it has one. */
export function linkHash(item: FeedItem): string | undefined {
  return item.link ? sha(`link:${normaliseLink(item.link)}`, 24) : undefined;
}

/** The hash of an item's title and publication day, when it has a title of some length. */
export function titleHash(item: FeedItem): string | undefined {
  const t = item.title ? normaliseTitle(item.title) : '';
  if (t.length < 12) return undefined;
  return sha(`title:${t}|${item.published?.slice(0, 10) ?? ''}`, 24);
}

/** The key of an item within its feed: its guid, else its link, else a hash of its title and date. */
export function itemKey(item: FeedItem): string | undefined {
  if (item.guid) return `id:${item.guid.slice(0, 500)}`;
  if (item.link) return `link:${normaliseLink(item.link).slice(0, 500)}`;
  const t = titleHash(item);
  return t ? `title:${t}` : undefined;
}

/** ASCII slug of a text, at most `max` characters. */
export function slug(text: string, max = 48): string {
  const s = text
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/[þÞ]/g, 'th')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/, '') || 'article';
}

/**
 * A unique, stable article file name: `feed-YYYY-MM-DD-<slug>-<hash>.txt`, the hash over the feed and item key
 * (so the same item always gets the same name, and a redo after a crash overwrites rather than doubles).
 */
export function articleFileName(scope: string, key: string, title: string | undefined, date: string | undefined): string {
  const day = date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : 'undated';
  return `feed-${day}-${slug(title ?? '')}-${sha(`${scope}\u0000${key}`, 12)}.txt`;
}

/** The id of a feed: `f` and 8 hex digits of its URL's hash. */
export function feedId(url: string): string {
  return `f${sha(`feed:${url}`, 8)}`;
}
