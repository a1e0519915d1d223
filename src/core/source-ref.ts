import type { Article, SourceRef } from './model.ts';

/** An article's date for citation: its publication date, else the dateline's month and day (`--MM-DD`). */
export function articleDate(article: Article): string | undefined {
  if (article.published) return article.published.slice(0, 10);
  const d = article.dateline;
  if (d?.month && d.day) return `--${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  return undefined;
}

/** The citation of an article next to a point: id, headline, date, outlet and URL when known. */
export function sourceRef(article: Article): SourceRef {
  const ref: SourceRef = { article: article.id, title: article.title };
  const date = articleDate(article);
  if (date) ref.date = date;
  if (article.source) ref.source = article.source;
  if (article.url) ref.url = article.url;
  return ref;
}
