/**
 * Extracts the article from a web page with Mozilla's Readability (the Firefox reader-mode extractor) over
 * linkedom (a light DOM), and reads the page's metadata: headline, byline, publication time, outlet and
 * canonical URL (Open Graph, `article:*`, JSON-LD, `<link rel=canonical>`). A page that is not an article
 * (an index, a login wall, an error page) is a value naming the URL.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { absoluteLink, feedDate } from './feed-parser.ts';
import { cleanText, htmlToBlocks, type TextBlock } from './html-text.ts';

/** What the page says about itself. */
export interface PageMeta {
  title?: string;
  byline?: string;
  published?: string;
  siteName?: string;
  canonical?: string;
}

/** An extracted article. */
export interface ExtractedArticle extends PageMeta {
  paragraphs: string[];
}

/** Fewest characters of body text for a page to count as an article. */
export const MIN_ARTICLE_CHARS = 250;

type Doc = ReturnType<typeof parseHTML>['document'];

const meta = (doc: Doc, ...names: string[]): string | undefined => {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = el?.getAttribute('content');
    if (v && cleanText(v)) return cleanText(v);
  }
  return undefined;
};

function jsonLd(doc: Doc): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')) as { textContent: string | null }[]) {
    try {
      const v = JSON.parse(s.textContent ?? '') as unknown;
      const list = Array.isArray(v)
        ? v
        : v && typeof v === 'object' && Array.isArray((v as Record<string, unknown>)['@graph'])
          ? ((v as Record<string, unknown>)['@graph'] as unknown[])
          : [v];
      for (const x of list) if (x && typeof x === 'object') out.push(x as Record<string, unknown>);
    } catch {
      // A broken JSON-LD block is ignored; the other metadata still counts.
    }
  }
  return out;
}

/** Reads the page's metadata (before Readability changes the document). */
export function readPageMeta(doc: Doc, url: string): PageMeta {
  const ld = jsonLd(doc).find((x) => /Article|Posting|Report/i.test(String(x['@type'] ?? ''))) ?? {};
  const ldAuthor = ((a: unknown) => (Array.isArray(a) ? a[0] : a))(ld.author) as Record<string, unknown> | string | undefined;
  const ldPublisher = ld.publisher as Record<string, unknown> | undefined;
  const out: PageMeta = {};
  const title =
    meta(doc, 'og:title', 'twitter:title') ??
    (typeof ld.headline === 'string' ? cleanText(ld.headline) : undefined) ??
    cleanText(doc.querySelector('h1')?.textContent ?? '');
  if (title) out.title = title;
  const byline =
    meta(doc, 'author', 'article:author', 'parsely-author') ??
    (typeof ldAuthor === 'string' ? ldAuthor : typeof ldAuthor?.name === 'string' ? cleanText(ldAuthor.name) : undefined);
  if (byline && !/^https?:/i.test(byline)) out.byline = byline;
  const published =
    feedDate(meta(doc, 'article:published_time', 'datePublished', 'pubdate', 'date', 'dc.date')) ??
    feedDate(ld.datePublished) ??
    feedDate(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
  if (published) out.published = published;
  const site = meta(doc, 'og:site_name', 'application-name') ?? (typeof ldPublisher?.name === 'string' ? cleanText(ldPublisher.name) : undefined);
  if (site) out.siteName = site;
  const canonical = absoluteLink(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), url) ?? absoluteLink(meta(doc, 'og:url'), url);
  if (canonical) out.canonical = canonical;
  return out;
}

/** Short lines that are page furniture inside an article body (ad labels, prompts). */
const FURNITURE =
  /^(advertisement|advertising|sponsored( content)?|ad|anzeige|publicit[ée]|scroll to continue|story continues below|continue reading below|read more|related|share this( article)?)\b[\s\p{P}\p{S}\w]{0,40}$/iu;

/** A short paragraph that is a byline (`By Jane Roe`, `Von Jörg Weiß`): the name, else undefined. */
export function bylineParagraph(p: string): string | undefined {
  const m = /^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Aa]v)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:and|und|et|y|e|en|og|\p{Lu}[\p{L}'’.-]*)){0,6})$/u.exec(
    p.trim(),
  );
  return m?.[1];
}

/** Calls to action that close many articles (follow us, sign up, send us your story). */
const CALL_TO_ACTION =
  /^(follow|like|join)\b.{0,60}\bon (facebook|twitter|x|instagram|tiktok|threads|bluesky|linkedin|youtube|mastodon|whatsapp|telegram)\b|^(sign up|subscribe)\b.{0,40}\b(newsletter|updates|inbox)|^(send|share) (us )?your (story|stories|tips|news)/i;

/** True for a paragraph that is page furniture rather than article text. */
export function isFurniture(p: string): boolean {
  const t = p.trim();
  return (t.length <= 60 && FURNITURE.test(t)) || CALL_TO_ACTION.test(t) || /^[,;:)\]|/·•]/.test(t);
}

/**
 * Drops what Readability leaves around an article: blocks that are nearly all link text (lists of other
 * stories), furniture lines, and headings left with no text under them.
 */
export function dropBoilerplate(blocks: TextBlock[]): TextBlock[] {
  const isHeading = (b: TextBlock | undefined) => b !== undefined && /^H[1-6]$/.test(b.tag);
  const junk = blocks.map((b) => (b.linkShare >= 0.8 && b.text.length < 200) || isFurniture(b.text));
  // A heading goes when the first text after it (past sub-headings) is dropped or missing ("Most read", "Related").
  const orphan = (i: number): boolean => {
    let j = i + 1;
    while (j < blocks.length && isHeading(blocks[j]) && !junk[j]) j++;
    return j >= blocks.length || junk[j]!;
  };
  return blocks.filter((b, i) => !junk[i] && !(isHeading(b) && orphan(i)));
}

/** Removes a leading "By " from a byline. */
function tidyByline(b: string | null | undefined): string | undefined {
  const t = cleanText(b ?? '').replace(/^by\s+/i, '');
  return t && t.length <= 200 ? t : undefined;
}

/** Extracts the article of `html` fetched from `url`; `title` (from the feed) lets a repeated headline be dropped. */
export function extractArticle(html: string, url: string, title?: string): { ok: true; article: ExtractedArticle } | { ok: false; message: string } {
  const { document } = parseHTML(html);
  const pageMeta = readPageMeta(document, url);
  if (!isProbablyReaderable(document as never, { minContentLength: 120, minScore: 20 })) {
    return { ok: false, message: `${url} does not look like an article (no block of article text found); it may be an index, a login wall or an error page` };
  }
  const parsed = new Readability(document as never, { charThreshold: MIN_ARTICLE_CHARS }).parse();
  if (!parsed?.content) return { ok: false, message: `${url}: no article text could be extracted` };
  const headline = pageMeta.title ?? cleanText(parsed.title ?? '');
  const drop = new Set([headline, title].filter(Boolean).map((t) => cleanText(t!).toLowerCase()));
  let bylineFound: string | undefined;
  const paragraphs = dropBoilerplate(htmlToBlocks(parsed.content))
    .map((b) => b.text)
    .filter((p, i) => {
      if (drop.has(p.toLowerCase()) || isFurniture(p)) return false;
      const by = i < 4 ? bylineParagraph(p) : undefined;
      if (by) bylineFound ??= by;
      return !by;
    });
  const chars = paragraphs.reduce((n, p) => n + p.length, 0);
  if (chars < MIN_ARTICLE_CHARS) return { ok: false, message: `${url} holds only ${chars} characters of text, too little for an article` };
  const byline = tidyByline(parsed.byline) ?? tidyByline(pageMeta.byline) ?? bylineFound;
  const article: ExtractedArticle = { ...pageMeta, paragraphs };
  if (headline) article.title = headline;
  if (byline) article.byline = byline;
  const published = pageMeta.published ?? feedDate(parsed.publishedTime);
  if (published) article.published = published;
  const site = pageMeta.siteName ?? cleanText(parsed.siteName ?? '');
  if (site) article.siteName = site;
  if (byline) article.paragraphs = article.paragraphs.filter((p) => tidyByline(p)?.toLowerCase() !== byline.toLowerCase());
  return { ok: true, article };
}
