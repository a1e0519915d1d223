/** The Reply of a scheduled digest: what is new on each subscribed topic since the previous delivery. */
import type { Briefing } from '../core/briefing.ts';
import { digestPoints } from '../reply/digest-reply.ts';
import type { Reply, ReplySection } from '../reply/reply.ts';
import type { Subscription } from '../store/subscription-store.ts';
import { wallTime } from './zoned-time.ts';

/** Formats an instant as `YYYY-MM-DD HH:MM` in a zone, with the zone's name. */
export function formatInZone(iso: string, tz: string): string {
  const w = wallTime(new Date(iso).getTime(), tz);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)} (${tz})`;
}

/**
 * Builds the Reply of one scheduled delivery, one section per topic with the same points `/briefing`
 * gives (through `digestPoints`). With nothing new on any topic it returns a one-line
 * "no new developments since …" Reply, or null when the subscription says to skip.
 */
export function scheduledReply(briefing: Briefing, sub: Subscription, since: string | undefined): Reply | null {
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
    sections.push({ heading: r.value.title, points: digestPoints(r.value) });
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
