import type { Article, Paragraph, Sentence } from '../../src/core/model.ts';

/**
 * Builds an `Article` from plain text for unit tests: paragraphs are non-empty lines, sentences end at `.`, `!` or `?`
 * (after any closing quote) followed by a space and a capital letter or opening quote, never inside an open `“…”`/`"…"`.
 */
export function makeArticle(text: string, id = 'test'): Article {
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (!line.trim()) continue;
    const lead = line.length - line.trimStart().length;
    const pStart = start + lead;
    const pEnd = start + line.trimEnd().length;
    const index = paragraphs.length;
    paragraphs.push({ index, span: { start: pStart, end: pEnd }, kind: 'body' });
    let sStart = pStart;
    let inQuote = false;
    for (let i = pStart; i < pEnd; i++) {
      const c = text.charAt(i);
      if (c === '“') inQuote = true;
      else if (c === '”') inQuote = false;
      else if (c === '"') inQuote = !inQuote;
      if (inQuote || !/[.!?]/.test(c)) continue;
      let e = i + 1;
      while (e < pEnd && /["”’)]/.test(text.charAt(e))) e++;
      if (e < pEnd && text.charAt(e) === ' ' && /[\p{Lu}"“]/u.test(text.charAt(e + 1))) {
        push(text, sentences, index, sStart, e);
        sStart = e + 1;
        i = e;
        inQuote = false;
      }
    }
    if (sStart < pEnd) push(text, sentences, index, sStart, pEnd);
  }
  return { id, file: `${id}.txt`, title: id, text, paragraphs, sentences, debris: [] };
}

function push(text: string, out: Sentence[], paragraph: number, start: number, end: number) {
  out.push({ index: out.length, paragraph, span: { start, end }, text: text.slice(start, end), kind: 'body' });
}
