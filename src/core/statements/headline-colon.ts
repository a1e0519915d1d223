/**
 * A headline that names its source before a colon (`Mayor Ruiz: Toll Will Pass`, `Poll: Ruiz Leads`): the words after
 * the colon are what the source said. Kept only when the body attributes something to the same speaker.
 */
import type { Span } from '../model.ts';
import type { Block } from './blocks.ts';
import { foldName } from './names.ts';
import { FUNCTION_WORDS } from './vocabulary.ts';

export interface ColonHeadline {
  span: Span;
  text: string;
  /** The source as the headline names it (`Ruiz`, `Vela Herald`). */
  speaker: string;
}

/** `Speaker: content` in a headline sentence `tokens[lo..hi]`: one to four capitalised words, a colon, three words or more. */
export function colonHeadline(text: string, b: Block, lo: number, hi: number): ColonHeadline | undefined {
  let colon = -1;
  for (let k = lo; k <= hi && k - lo <= 4; k++)
    if (b.tokens[k]!.lc === ':') {
      colon = k;
      break;
    }
  if (colon <= lo || hi - colon < 3) return undefined;
  const who = b.tokens.slice(lo, colon);
  if (!who.every((t) => t.type === 'w' && !t.quoted && (t.cap || t.lc === "'s")) || FUNCTION_WORDS.has(who[0]!.lc)) return undefined;
  let last = hi;
  while (last > colon && b.tokens[last]!.type !== 'w') last--;
  const first = b.tokens[colon + 1]!;
  if (last <= colon + 1) return undefined;
  const span = { start: first.start, end: b.tokens[last]!.end };
  return { span, text: text.slice(span.start, span.end), speaker: text.slice(b.tokens[lo]!.start, b.tokens[colon - 1]!.end) };
}

/** A body speaker the headline's source names: the same name, or its last or (for one word) first word (`Ruiz` / `Ana Ruiz`). */
export function namesSpeaker(headline: string, body: string): boolean {
  const h = foldName(headline).replace(/^(the|a|an) /, '');
  const words = foldName(body)
    .replace(/^(the|a|an) /, '')
    .split(' ');
  if (h === words.join(' ')) return true;
  if (h.includes(' ')) return false;
  return words.length > 1 && (words[words.length - 1] === h || words[0] === h);
}
