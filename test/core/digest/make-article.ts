/**
 * Builds small `Article` values for digest unit tests without the parser: each block is a paragraph
 * of one kind, split into sentences at `. ` boundaries, with exact spans into the text.
 */
import type { Article, BlockKind, Paragraph, Sentence } from '../../../src/core/model.ts';

/** One paragraph of a test article. */
export type Block = string | { kind: BlockKind; text: string };

/** An article whose paragraphs are the given blocks (strings are body paragraphs). */
export function makeArticle(id: string, blocks: Block[], extra: Partial<Article> = {}): Article {
  let text = '';
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  for (const b of blocks) {
    const { kind, text: body } = typeof b === 'string' ? { kind: 'body' as const, text: b } : b;
    const start = text.length;
    text += body;
    const index = paragraphs.length;
    paragraphs.push({ index, span: { start, end: text.length }, kind });
    const re = /[^.!?]+(?:[.!?]+["”’]?|$)/g;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const lead = m[0].length - m[0].trimStart().length;
      const s = start + m.index + lead;
      const t = m[0].trim();
      if (t) sentences.push({ index: sentences.length, paragraph: index, span: { start: s, end: s + t.length }, text: t, kind });
    }
    text += '\n\n';
  }
  return { id, file: `${id}.txt`, title: `Title of ${id}`, text, paragraphs, sentences, debris: [], ...extra };
}
