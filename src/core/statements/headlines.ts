import type { Span } from '../model.ts';
import type { Block } from './blocks.ts';
import { findCues } from './cues.ts';
import { foldName } from './names.ts';

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
