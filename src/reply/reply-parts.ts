/** The parts every Reply is made of: bounded text, citations of sources, points. */
import type { SourceRef } from '../core/model.ts';
import type { Citation, ReplyPoint } from './reply.ts';

/** How long a text from an article or a user may be inside a reply before it is shortened. */
export const MAX_POINT_TEXT = 1_000;

/** Shortens a text to `max` characters (with an ellipsis), never splitting a surrogate pair. */
export function clip(text: string, max: number = MAX_POINT_TEXT): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let end = Math.max(0, max - 1);
  const code = flat.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${flat.slice(0, end)}…`;
}

/** The citation shown for a source: the outlet (else the headline), the date, the link. */
export function citationOf(ref: SourceRef): Citation {
  const c: Citation = { article: ref.article, label: ref.source ? clip(ref.source, 80) : clip(ref.title || ref.article, 60) };
  if (ref.date) c.date = ref.date;
  if (ref.url && /^https?:\/\//i.test(ref.url)) c.url = ref.url;
  return c;
}

/** Citations of several sources, one per article. */
export function citationsOf(refs: readonly SourceRef[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const r of refs) {
    if (seen.has(r.article)) continue;
    seen.add(r.article);
    out.push(citationOf(r));
  }
  return out;
}

/** A point with its citations. */
export function point(text: string, citations: Citation[], extra: Partial<ReplyPoint> = {}): ReplyPoint {
  return { text: clip(text), citations, ...extra };
}
