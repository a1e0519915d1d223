import type { Article, SourceRef } from '../model.ts';

/**
 * The citation of an article next to a point: outlet, headline, date (`YYYY-MM-DD`, or `--MM-DD`
 * from the dateline). Mirrors `sourceRef` in briefing.ts without importing it (no import cycle).
 */
export function citeArticle(article: Article): SourceRef {
  const ref: SourceRef = { article: article.id, title: article.title };
  const d = article.dateline;
  if (article.published) ref.date = article.published.slice(0, 10);
  else if (d?.month && d.day) ref.date = `--${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  if (article.source) ref.source = article.source;
  if (article.url) ref.url = article.url;
  return ref;
}
