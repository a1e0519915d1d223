import { sourceRef } from '../source-ref.ts';
import type { Article } from '../model.ts';
import { scoreText, type CompiledTopics } from '../topics/topic-scorer.ts';
import { referenceDate, resolveDates, type DateMention } from './dates.ts';
import { formatRange } from './day.ts';
import { datesEventNoun, hasEventVerb } from './event-cues.ts';
import type { ExtractedEvent } from './extracted-event.ts';

export type { ExtractedEvent } from './extracted-event.ts';

export { mergeEvents } from './merge-events.ts';

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
  // A long sentence whose date sits in a later clause (`…, but X said on Friday that …`) is told from that clause.
  const offset = sentence.length - sentence.trimStart().length + (sentence.trim().length - text.length);
  const at = mention.start - offset;
  const boundary = Math.max(text.lastIndexOf(', but ', at), text.lastIndexOf('; ', at));
  if (boundary > 40 && at > boundary) {
    const clause = text.slice(boundary).replace(/^[,;]\s*(?:but\s+)?/, '');
    text = clause.charAt(0).toUpperCase() + clause.slice(1);
    if (text.length <= MAX_TEXT) return text;
  }
  const attribution = /,\s*(according to [^,]+?)[.!?]?$/i.exec(text)?.[1];
  const head = text.slice(0, MAX_TEXT);
  const cut = Math.max(head.lastIndexOf('; '), head.lastIndexOf(', '), head.lastIndexOf(' — '), head.lastIndexOf(' – '));
  let short = (cut > 60 ? head.slice(0, cut) : head.slice(0, head.lastIndexOf(' '))).replace(/[\s,;:—–-]+$/, '');
  if (attribution && !short.includes(attribution)) short += ` (${attribution})`;
  return `${short}…`;
}

const SPEECH_VERB =
  '(?:(?:said|says|announced|stated|declared|warned|added|wrote|insisted|confirmed|denied|pledged|vowed)\\s+|(?:told|accused)\\s+(?:[\\p{L}-]+\\s+){1,3}?)';
/** A speech verb right before a date (`said on Sunday`, `said in a statement on Monday`, `told reporters late on Friday`). */
const SPEECH_BEFORE_DATE = new RegExp(
  `\\b${SPEECH_VERB}(?:in\\s+an?\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:statement|interview|address|speech|post|briefing|letter|message)\\s+)?(?:(?:late|early)\\s+)?(?:on\\s+)?$`,
  'iu',
);
/** Any speech verb (reported speech before a date makes the date part of what was said). */
const SPEECH_ANY = /\b(?:said|says|told|announced|stated|declared|warned|added|insisted|claimed)\b/i;
const FUTURE = /\b(?:will|would|plans? to|planning to|scheduled to|expected to|set to|is to|are to|upcoming)\b/i;

/** True when the date is the day of a remark it follows (`Vaal said on Sunday`). */
function datesRemark(text: string, m: DateMention): boolean {
  return SPEECH_BEFORE_DATE.test(text.slice(Math.max(0, m.start - 80), m.start));
}

/** True when the date opens the sentence (`On Tuesday, …`, `Late on Friday, …`). */
function opensSentence(text: string, m: DateMention): boolean {
  return /^(?:(?:late|early)\s+)?(?:on\s+)?$/i.test(text.slice(0, m.start)) && /^\s*(?:night|morning|evening|afternoon)?\s*,/i.test(text.slice(m.end));
}

/** True when the sentence reports something that happened at this date (an event verb, or `the <date> summit`). */
function isEventSentence(text: string, mentions: DateMention[]): boolean {
  if (mentions.some((m) => datesEventNoun(text.slice(m.end)) || datesRemark(text, m))) return true;
  // A date inside a clause about the future (`will meet the president on Friday`) is not when anything happened;
  // a date before the future marker dates the past main clause (`Speaking on Sunday, he said it will …`).
  const future = FUTURE.exec(text);
  const first = mentions.reduce((min, m) => Math.min(min, m.start), Infinity);
  if (future && future.index < first && !/\b(?:had|has|have|was|were)\b/i.test(text)) return false;
  return hasEventVerb(text);
}

/**
 * The mention that dates the event: the day of a remark (`said on Sunday`), else the first exact day
 * that is not inside a clause about the future, else the first exact day, else the first mention.
 */
function pickMention(text: string, mentions: DateMention[]): DateMention | undefined {
  const remark = mentions.find((m) => m.precision === 'day' && datesRemark(text, m));
  if (remark) return remark;
  const future = FUTURE.exec(text);
  const past = mentions.find((m) => m.precision === 'day' && !(future && future.index < m.start));
  return past ?? mentions.find((m) => m.precision === 'day') ?? mentions[0];
}

/** How directly the mention dates the sentence's main event (see `ExtractedEvent.directness`). */
function directness(text: string, m: DateMention): number {
  if (opensSentence(text, m)) return 2;
  if (datesRemark(text, m)) return 1;
  return SPEECH_ANY.test(text.slice(0, m.start)) ? 0 : 1;
}

/**
 * Finds the dated events of one article (dates resolved against its publication date or dateline).
 * An event's `date` is a day (`YYYY-MM-DD`, `--MM-DD`) or, before merging, an ISO interval
 * `FROM/TO` for coarser expressions (`last week`, `mid-August`, a weekday whose year is unknown);
 * `mergeEvents` folds those into a matching exact-day event or drops them.
 */
export function extractEvents(article: Article, topics: CompiledTopics): ExtractedEvent[] {
  const ref = referenceDate(article);
  const dl = article.dateline?.span;
  const source = sourceRef(article);
  const out: ExtractedEvent[] = [];
  let previous: DateMention | undefined;
  for (const s of article.sentences) {
    if (s.kind === 'subhead') continue;
    const mentions = resolveDates(s.text, ref, previous).filter((m) => !dl || !(s.span.start + m.start < dl.end && dl.start < s.span.start + m.end));
    if (mentions.length === 0) continue;
    previous = mentions[mentions.length - 1];
    const m = pickMention(s.text, mentions);
    if (!m || !isEventSentence(s.text, mentions)) continue;
    const scores = scoreText(topics, s.text);
    const event: ExtractedEvent = {
      date: formatRange(m),
      text: eventText(s.text, m),
      sources: [source],
      evidence: [{ article: article.id, sentence: s.index, span: s.span }],
      topics: Object.keys(scores).filter((id) => (scores[id] ?? 0) > 0),
      directness: directness(s.text, m),
    };
    if (m.weekday !== undefined) event.weekday = m.weekday;
    out.push(event);
  }
  return out;
}
