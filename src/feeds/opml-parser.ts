/** Reads an OPML subscription list (feedsmith's parser) into feed URLs with their names. */
import { parseOpml } from 'feedsmith';

/** One feed listed in an OPML file. */
export interface OpmlFeed {
  url: string;
  name?: string;
}

/** The feeds of an OPML document (nested outlines included), or why it cannot be read; `file` names it. */
export function parseOpmlFeeds(text: string, file: string): { ok: true; feeds: OpmlFeed[] } | { ok: false; message: string } {
  let doc: { body?: { outlines?: unknown[] } };
  try {
    doc = parseOpml(text) as typeof doc;
  } catch (err) {
    return { ok: false, message: `${file} is not an OPML file (${err instanceof Error ? err.message : String(err)}); export one from a feed reader` };
  }
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  const walk = (outlines: unknown[] | undefined, depth: number) => {
    if (!Array.isArray(outlines) || depth > 20) return;
    for (const o of outlines) {
      if (!o || typeof o !== 'object') continue;
      const rec = o as Record<string, unknown>;
      const url = typeof rec.xmlUrl === 'string' ? rec.xmlUrl.trim() : '';
      if (url && !seen.has(url)) {
        seen.add(url);
        const name = [rec.title, rec.text].find((v): v is string => typeof v === 'string' && v.trim() !== '');
        feeds.push(name ? { url, name: name.trim() } : { url });
      }
      walk(rec.outlines as unknown[] | undefined, depth + 1);
    }
  };
  walk(doc.body?.outlines, 0);
  if (feeds.length === 0) return { ok: false, message: `${file} lists no feeds (no outline with an xmlUrl attribute)` };
  return { ok: true, feeds };
}
