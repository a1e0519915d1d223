import type { DigestItem } from '../model.ts';
import { MAX_RENDERED_CITATIONS, renderPoint } from './render-markdown.ts';

/** Characters a Markdown digest may take: under Discord's 4,096 embed description and Telegram's 4,096 message. */
export const DIGEST_CHAR_BUDGET = 3800;

/** Characters assumed per citation whatever the renderer (a link with outlet and date). */
export const CITATION_CHARS = 60;

/**
 * The characters one point takes when rendered: its Markdown line, or the text plus ~60 characters
 * per shown citation, whichever is larger (so other renderers fit too).
 */
export function pointLength(item: DigestItem): number {
  const cites = Math.min(item.sources.length, MAX_RENDERED_CITATIONS) + (item.sources.length > MAX_RENDERED_CITATIONS ? 1 : 0);
  return Math.max(renderPoint(item).length, item.text.length + 4 + cites * CITATION_CHARS) + 1;
}

/**
 * Keeps the leading points whose rendering fits in `limit` characters (a title line of `reserve`
 * characters included); a point is dropped whole, never cut. Later points that still fit after a
 * long one was dropped are kept.
 */
export function budget(items: readonly DigestItem[], limit = DIGEST_CHAR_BUDGET, reserve = 120): DigestItem[] {
  let used = reserve;
  const out: DigestItem[] = [];
  for (const item of items) {
    const len = pointLength(item);
    if (used + len > limit) continue;
    used += len;
    out.push(item);
  }
  return out;
}
