/**
 * The one way a digest becomes a Reply: every point with its citations, a contested point tagged and
 * followed by its other side, cited. `/briefing`, the scheduler and the CLI all use it.
 */
import { disputeLine } from '../core/digest/render-markdown.ts';
import type { Digest, DigestItem } from '../core/model.ts';
import type { Reply, ReplyPoint } from './reply.ts';
import { citationsOf, point } from './reply-parts.ts';

/** One digest item as a Reply point: its text, its sources, and the other side of a dispute with that side's sources. */
export function digestPoint(item: DigestItem): ReplyPoint {
  return point(item.text, citationsOf(item.sources), {
    ...(item.disputed ? { tag: 'disputed' } : {}),
    ...(item.dispute ? { detail: disputeLine(item.dispute), detailCitations: citationsOf(item.dispute.sources) } : {}),
  });
}

/** The points of a digest, in its order. */
export function digestPoints(digest: Digest): ReplyPoint[] {
  return digest.items.map(digestPoint);
}

/** How many points from how many articles, as a footer line. */
export function digestFooter(digest: Digest): string {
  const articles = new Set(digest.items.flatMap((i) => i.sources.map((s) => s.article)));
  const n = digest.items.length;
  return `${n} ${n === 1 ? 'point' : 'points'} from ${articles.size} ${articles.size === 1 ? 'article' : 'articles'}`;
}

/** A whole digest as an answer; an empty digest as a one-line notice. */
export function digestReply(digest: Digest): Reply {
  if (digest.items.length === 0) {
    const text = digest.since ? `No new developments since ${digest.since}.` : 'Nothing in the articles on this topic yet.';
    return { kind: 'info', title: digest.title, sections: [{ text, points: [] }] };
  }
  return { kind: 'answer', title: digest.title, sections: [{ points: digestPoints(digest) }], footer: digestFooter(digest) };
}
