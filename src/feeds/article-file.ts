/**
 * Writes an article in the corpus loader's format — YAML front matter (`title`, `source`, `published`, `url`,
 * plus `author` and `feed`, which the loader keeps but does not use) and then the paragraphs — checks it with
 * the loader's own parser, and writes it atomically (a hidden temporary file renamed into place), so a crash
 * leaves either the whole file or none.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseArticle } from '../core/corpus/parse-article.ts';
import { cleanText } from './html-text.ts';

/** What goes into an article file. */
export interface ArticleContent {
  title: string;
  source: string;
  /** ISO date or instant. */
  published: string;
  url: string;
  author?: string;
  /** The feed id, or `page`. */
  feed: string;
  paragraphs: string[];
}

/** Largest body written, in characters (the loader refuses files over 5 MB). */
export const MAX_BODY_CHARS = 400_000;

/** The file text of an article, or a message when the loader would not accept it. */
export function renderArticle(a: ArticleContent, file: string): { ok: true; text: string } | { ok: false; message: string } {
  const paragraphs: string[] = [];
  let size = 0;
  for (const p of a.paragraphs.map(cleanText).filter(Boolean)) {
    if (size + p.length > MAX_BODY_CHARS) break;
    paragraphs.push(p);
    size += p.length;
  }
  const fm: Record<string, string> = {
    title: cleanText(a.title).slice(0, 300) || 'Untitled',
    source: cleanText(a.source).slice(0, 200) || new URL(a.url).hostname,
    published: a.published.slice(0, 10),
    url: a.url,
  };
  if (a.author && cleanText(a.author)) fm.author = cleanText(a.author).slice(0, 200);
  fm.feed = a.feed;
  const text = `---\n${stringify(fm, { lineWidth: 0 })}---\n${paragraphs.join('\n\n')}\n`;
  const parsed = parseArticle(file, text);
  if (!parsed.article) {
    const why = parsed.issues[0]?.message ?? 'the loader refuses it';
    return { ok: false, message: `the article from ${a.url} would not load (${why})` };
  }
  return { ok: true, text };
}

/** Writes `text` as `dir/file` atomically; creates the folder. */
export async function writeArticleFile(dir: string, file: string, text: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${file}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, join(dir, file));
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => {});
    throw err;
  }
}
