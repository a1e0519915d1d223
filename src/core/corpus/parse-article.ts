import type { Article, InputIssue } from '../model.ts';

/** The outcome of parsing one article file: the article (unless unusable) and any issues found. */
export interface ParsedArticle {
  article?: Article;
  issues: InputIssue[];
}

/**
 * Parses one article file's text: front matter, headline, dateline, source credit, debris removal,
 * paragraphs and sentences. Pure: `file` is only used for the id and in issue messages.
 */
export function parseArticle(file: string, raw: string): ParsedArticle {
  // STUB: replaced by the corpus implementation.
  const id = file.replace(/\.(txt|md)$/i, '');
  const text = raw;
  const sentences = text
    .split(/\n+/)
    .filter((l) => l.trim())
    .map((line, index) => {
      const start = text.indexOf(line);
      return { index, paragraph: index, span: { start, end: start + line.length }, text: line, kind: 'body' as const };
    });
  return {
    article: {
      id,
      file,
      title: sentences[0]?.text ?? id,
      text,
      paragraphs: sentences.map((s) => ({ index: s.index, span: s.span, kind: s.kind })),
      sentences,
      debris: [],
    },
    issues: [],
  };
}
