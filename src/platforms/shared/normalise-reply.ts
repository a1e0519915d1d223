/** Makes any Reply safe to render: text flattened and bounded, control characters gone, a title present. */
import type { Citation, Reply, ReplyPoint } from '../../reply/reply.ts';
import { clip } from '../../commands/reply-helpers.ts';
import { safeUrl } from './text-safety.ts';

const opt = (s: string | undefined, max: number) => (s === undefined ? undefined : clip(String(s), max) || undefined);

function citation(c: Citation): Citation {
  const out: Citation = {
    article: clip(String(c.article ?? ''), 100),
    label: clip(String(c.label ?? ''), 80) || clip(String(c.article ?? ''), 80) || 'source',
  };
  const date = opt(c.date, 20);
  if (date) out.date = date;
  const url = safeUrl(c.url === undefined ? undefined : String(c.url));
  if (url) out.url = url;
  return out;
}

function point(p: ReplyPoint): ReplyPoint {
  const out: ReplyPoint = { text: clip(String(p.text ?? '')), citations: (p.citations ?? []).map(citation) };
  const tag = opt(p.tag, 40);
  const detail = opt(p.detail, 300);
  if (tag) out.tag = tag;
  if (detail) out.detail = detail;
  if (p.detailCitations?.length) out.detailCitations = p.detailCitations.map(citation);
  return out;
}

/** The reply with every text bounded (point 1,000, heading 200, title 200, footer 300 characters). */
export function normaliseReply(reply: Reply): Reply {
  const out: Reply = {
    kind: reply.kind,
    title: clip(String(reply.title ?? ''), 200) || (reply.kind === 'error' ? 'Sorry' : 'Briefing'),
    sections: (reply.sections ?? []).map((s) => {
      const section: Reply['sections'][number] = { points: (s.points ?? []).map(point) };
      const heading = opt(s.heading, 200);
      const text = opt(s.text, 1_500);
      if (heading) section.heading = heading;
      if (text) section.text = text;
      return section;
    }),
  };
  const footer = opt(reply.footer, 300);
  if (footer) out.footer = footer;
  if (reply.choices?.length)
    out.choices = reply.choices.map((c) => ({ label: clip(String(c.label ?? ''), 80), command: clip(String(c.command ?? ''), 200) })).filter((c) => c.command);
  if (reply.ephemeral) out.ephemeral = true;
  return out;
}
