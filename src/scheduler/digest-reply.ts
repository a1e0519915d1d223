import { disputeLine } from '../core/digest/render-markdown.ts';
/** The Reply of a scheduled digest: what is new on each subscribed topic since the previous delivery. */
import type { Citation, Reply, ReplyPoint, ReplySection } from '../reply/reply.ts';
import type { Briefing } from '../core/briefing.ts';
import type { DigestItem, SourceRef } from '../core/model.ts';
import type { Subscription } from '../store/subscription-store.ts';
import { wallTime } from './zoned-time.ts';

function citation(s: SourceRef): Citation {
  const c: Citation = { article: s.article, label: s.source ?? s.title };
  if (s.date) c.date = s.date;
  if (s.url) c.url = s.url;
  return c;
}

function point(item: DigestItem): ReplyPoint {
  const p: ReplyPoint = { text: item.text, citations: item.sources.map(citation) };
  if (item.disputed) p.tag = 'disputed';
  if (item.dispute) p.detail = disputeLine(item.dispute);
  return p;
}

/** Formats an instant as `YYYY-MM-DD HH:MM` in a zone, with the zone's name. */
export function formatInZone(iso: string, tz: string): string {
  const w = wallTime(new Date(iso).getTime(), tz);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)} (${tz})`;
}

/**
 * Builds the Reply of one scheduled delivery. With nothing new on any topic it returns a one-line
 * "no new developments since …" Reply, or null when the subscription says to skip.
 */
export function digestReply(briefing: Briefing, sub: Subscription, since: string | undefined): Reply | null {
  const sections: ReplySection[] = [];
  const titles: string[] = [];
  let points = 0;
  for (const topic of sub.topics) {
    const r = briefing.digest(topic, since ? { since } : {});
    if (!r.ok) {
      titles.push(topic);
      sections.push({ heading: topic, text: `Topic "${topic}" is no longer configured.`, points: [] });
      continue;
    }
    titles.push(r.value.title);
    if (r.value.items.length === 0) continue;
    points += r.value.items.length;
    sections.push({ heading: r.value.title, points: r.value.items.map(point) });
  }
  const title = `Briefing: ${titles.join(', ')}`;
  const footer = `Subscription ${sub.id} · ${sub.schedule} (${sub.timezone})`;
  if (points === 0) {
    if (sub.onEmpty === 'skip') return null;
    const when = since ? ` since ${formatInZone(since, sub.timezone)}` : '';
    const notes = sections.filter((s) => s.text);
    return { kind: 'info', title, sections: [{ text: `No new developments${when}.`, points: [] }, ...notes], footer };
  }
  return { kind: 'answer', title, sections, footer: since ? `New since ${formatInZone(since, sub.timezone)} · ${footer}` : footer };
}
