import type { Sentence, Span } from '../model.ts';
import type { Block } from './blocks.ts';
import { findCues } from './cues.ts';
import { namesSpeaker } from './headline-colon.ts';
import { foldName } from './names.ts';
import type { SpeakerMention } from './speaker-mention.ts';

/** Reported speech in a headline (`Oslo says talks … at 'critical stage'`): what was said and who the headline names. */
export interface HeadlineReport {
  span: Span;
  text: string;
  cue: string;
  /** The speaker as the headline names it (`Oslo`, `Lima`); settled later against the body. */
  speaker: string;
}

/** The reported statements of a headline or subhead sentence, its speaker named before the verb. */
export function headlineReports(text: string, b: Block, lo: number, hi: number): HeadlineReport[] {
  const out: HeadlineReport[] = [];
  for (const c of findCues(b.tokens, lo, hi)) {
    // Headlines report speech in the present tense (`Oslo says`, `Lima warns`).
    if (c.quoted || c.nested || !c.subject || c.subject.first > c.at || c.complement.length === 0 || c.form !== 'present') continue;
    const first = b.tokens[c.complement[0]!.first]!;
    const last = b.tokens[c.complement[c.complement.length - 1]!.last]!;
    const sub = c.subject;
    out.push({
      span: { start: first.start, end: last.end },
      text: c.complement.map((r) => text.slice(b.tokens[r.first]!.start, b.tokens[r.last]!.end)).join(' '),
      cue: text.slice(b.tokens[c.at]!.start, b.tokens[c.verbEnd]!.end),
      speaker: text.slice(b.tokens[sub.first]!.start, b.tokens[sub.last]!.end),
    });
  }
  return out;
}

/** True when a headline's speaker and a body speaker are the same name (`the Foreign Ministry` / `Foreign Ministry`). */
export function sameSpeaker(headline: string, body: string): boolean {
  const strip = (s: string) => foldName(s).replace(/^(the|a|an) /, '');
  return strip(headline) === strip(body);
}

/** What settling a headline's statements reads and sets on each of an article's found statements. */
export interface HeadlineSettled {
  kind: 'direct' | 'reported';
  span: Span;
  text: string;
  cue: string;
  sentence: Sentence;
  headline?: boolean;
  /** For reported speech in a headline: the speaker the headline names. */
  headSpeaker?: string;
  mention?: SpeakerMention | null;
}

/** A quotation in a headline or subhead is a statement only when the body quotes the same words with a speaker. */
export function settleHeadlines(raws: HeadlineSettled[]): void {
  for (const h of raws) {
    if (!h.headline) continue;
    let body: HeadlineSettled | undefined;
    if (h.headSpeaker !== undefined) {
      // Headline reported speech: the body must attribute something to the same speaker.
      const name = h.headSpeaker;
      // The same name, or a surname or first name of it (`Ruiz` / `Ana Ruiz`).
      const same = (a: string, b: string) => sameSpeaker(a, b) || namesSpeaker(a, b);
      body = raws.find((r) => !r.headline && r.mention && same(name, r.mention.name));
    } else {
      // A headline quotation inside a headline report takes that report's speaker, once the body settles it.
      const report = raws.find((r) => r.headline && r.headSpeaker !== undefined && h.span.start >= r.span.start && h.span.end <= r.span.end);
      const byName = report && raws.find((r) => !r.headline && r.mention && sameSpeaker(report.headSpeaker!, r.mention.name));
      const f = foldName(h.text);
      body = byName ?? raws.find((r) => !r.headline && r.kind === 'direct' && r.mention && foldName(r.text).includes(f));
    }
    h.mention = body?.mention ?? (h.headSpeaker !== undefined && h.cue === ':' ? standingSource(h.headSpeaker) : null);
    if (body) {
      h.cue = body.cue;
      // A headline is not one of the article's sentences: cite the body sentence that settles who said it.
      if (h.sentence.index < 0) h.sentence = { ...h.sentence, index: body.sentence.index };
    }
  }
}

/**
 * `Vela Herald: Toll Will Pass`, `Ruiz camp: …`: a source a colon headline names that the body attributes nothing to
 * stands on its own when it reads as a name (one to four words, capitalised, not shouted, no kicker word).
 */
const KICKER =
  /^(the|a|an|exclusive|watch|video|breaking|update|live|analysis|opinion|editorial|review|photos?|report|poll|new|fact|q&a|guide|email|notice|win|wins|revealed|wow|look|morning|evening|daily|weekly|latest|recap|in|for|of|on|to)$/i;

function standingSource(name: string): SpeakerMention | null {
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 4 || name === name.toUpperCase() || !/^\p{Lu}/u.test(name) || /['’]s\b/.test(name)) return null;
  if (words.some((w) => KICKER.test(w))) return null;
  return { name, kind: 'body' };
}
