import { sourceRef } from '../source-ref.ts';
import type { Article, SourceRef, TimelineEvent } from '../model.ts';
import { scoreText, type CompiledTopics } from '../topics/topic-scorer.ts';
import { referenceDate, resolveDates, type DateMention } from './dates.ts';
import { formatRange } from './day.ts';
import { datesEventNoun, hasEventVerb } from './event-cues.ts';

export { mergeEvents } from './merge-events.ts';

/** The citation of an article (re-exported for the timeline's callers). */
export const articleRef = sourceRef;

const MAX_TEXT = 240;

/**
 * A short clause-level description of the event: the sentence without a leading date phrase
 * (`On August 15, …`, `Earlier that day, …`), shortened at a clause boundary when long, keeping
 * a trailing `according to …` attribution.
 */
export function eventText(sentence: string, mention: Pick<DateMention, 'start' | 'end'>): string {
  let text = sentence.trim();
  const comma = text.indexOf(',');
  if (comma > 0 && mention.end <= comma + 1 && text.slice(0, comma).split(/\s+/).length <= 7) {
    text = text.slice(comma + 1).trim();
    text = text.charAt(0).toUpperCase() + text.slice(1);
  }
  if (text.length <= MAX_TEXT) return text;
  const attribution = /,\s*(according to [^,]+?)[.!?]?$/i.exec(text)?.[1];
  const head = text.slice(0, MAX_TEXT);
  const cut = Math.max(head.lastIndexOf('; '), head.lastIndexOf(', '), head.lastIndexOf(' — '), head.lastIndexOf(' – '));
  let short = (cut > 60 ? head.slice(0, cut) : head.slice(0, head.lastIndexOf(' '))).replace(/[\s,;:—–-]+$/, '');
  if (attribution && !short.includes(attribution)) short += ` (${attribution})`;
  return `${short}…`;
}

/** True when the sentence reports something that happened at this date (an event verb, or `the <date> summit`). */
function isEventSentence(text: string, mentions: DateMention[]): boolean {
  if (mentions.some((m) => datesEventNoun(text.slice(m.end)))) return true;
  // A date inside a clause about the future (`will meet Putin on Friday`) is not when anything happened;
  // a date before the future marker dates the past main clause (`Speaking on Sunday, he said it will …`).
  const future = /\b(?:will|would|plans? to|planning to|scheduled to|expected to|set to|is to|are to|upcoming)\b/i.exec(text);
  const first = mentions.reduce((min, m) => Math.min(min, m.start), Infinity);
  if (future && future.index < first && !/\b(?:had|has|have|was|were)\b/i.test(text)) return false;
  return hasEventVerb(text);
}

/** The mention that dates the event: the first exact day, else the first mention. */
function pickMention(mentions: DateMention[]): DateMention | undefined {
  return mentions.find((m) => m.precision === 'day') ?? mentions[0];
}

/**
 * Finds the dated events of one article (dates resolved against its publication date or dateline).
 * An event's `date` is a day (`YYYY-MM-DD`, `--MM-DD`) or, before merging, an ISO interval
 * `FROM/TO` for coarser expressions (`last week`, `mid-August`, a weekday whose year is unknown);
 * `mergeEvents` folds those into a matching exact-day event or drops them.
 */
export function extractEvents(article: Article, topics: CompiledTopics): TimelineEvent[] {
  const ref = referenceDate(article);
  const dl = article.dateline?.span;
  const source = articleRef(article);
  const out: TimelineEvent[] = [];
  let previous: DateMention | undefined;
  for (const s of article.sentences) {
    if (s.kind === 'subhead') continue;
    const mentions = resolveDates(s.text, ref, previous).filter(
      (m) => !dl || !(s.span.start + m.start < dl.end && dl.start < s.span.start + m.end),
    );
    if (mentions.length === 0) continue;
    previous = mentions[mentions.length - 1];
    const m = pickMention(mentions);
    if (!m || !isEventSentence(s.text, mentions)) continue;
    const scores = scoreText(topics, s.text);
    out.push({
      date: formatRange(m),
      text: eventText(s.text, m),
      sources: [source],
      evidence: [{ article: article.id, sentence: s.index, span: s.span }],
      topics: Object.keys(scores).filter((id) => (scores[id] ?? 0) > 0),
    });
  }
  return out;
}
