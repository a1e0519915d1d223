/** Finds the feeds a web page links with `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json">`. */
import { parseHTML } from 'linkedom';

const FEED_TYPES = /^application\/(rss\+xml|atom\+xml|feed\+json|rdf\+xml|json)$/i;

/** Absolute http(s) URLs of the feeds the page at `url` declares, in page order. */
export function findFeedLinks(html: string, url: string): string[] {
  if (!/<link/i.test(html)) return [];
  const { document } = parseHTML(html);
  const out: string[] = [];
  for (const el of Array.from(document.querySelectorAll('link[rel~="alternate"][href]')) as { getAttribute(name: string): string | null }[]) {
    if (!FEED_TYPES.test((el.getAttribute('type') ?? '').trim())) continue;
    try {
      const u = new URL(el.getAttribute('href')!, url);
      if ((u.protocol === 'http:' || u.protocol === 'https:') && !out.includes(u.toString())) out.push(u.toString());
    } catch {
      // an unusable href is skipped
    }
  }
  return out;
}
