/** Splits formatted text into Telegram-sized messages on paragraph boundaries, re-basing entities. */
import type { MessageEntity } from 'telegraf/types';

/** Telegram's limit for one message, in UTF-16 code units. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

/** Text with its formatting entities (what `telegraf/format` produces). */
export interface Formatted {
  text: string;
  entities: MessageEntity[];
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The best cut in `text[start, start+limit]`: a blank line, else a line end, else a space, else the limit. */
function findCut(text: string, start: number, limit: number): number {
  const hard = start + limit;
  const window = text.slice(start, hard + 1);
  for (const sep of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(sep, limit);
    if (at > 0) return start + at;
  }
  return isHighSurrogate(text.charCodeAt(hard - 1)) ? hard - 1 : hard;
}

/** The entities of `[from, to)`, clipped and re-based to `from`. */
function rebase(entities: MessageEntity[], from: number, to: number): MessageEntity[] {
  const out: MessageEntity[] = [];
  for (const e of entities) {
    const s = Math.max(e.offset, from);
    const end = Math.min(e.offset + e.length, to);
    if (end > s) out.push({ ...e, offset: s - from, length: end - s });
  }
  return out;
}

/** Splits into messages of at most `limit` UTF-16 units; blank chunks are dropped. */
export function splitFormatted(input: Formatted, limit: number = TELEGRAM_MESSAGE_LIMIT): Formatted[] {
  const { text, entities } = input;
  const out: Formatted[] = [];
  let start = 0;
  while (start < text.length) {
    while (start < text.length && /\s/.test(text[start]!)) start++;
    if (start >= text.length) break;
    let end = text.length - start <= limit ? text.length : findCut(text, start, limit);
    if (end <= start) end = Math.min(text.length, start + limit);
    let trimmed = end;
    while (trimmed > start && /\s/.test(text[trimmed - 1]!)) trimmed--;
    if (trimmed > start) out.push({ text: text.slice(start, trimmed), entities: rebase(entities, start, trimmed) });
    start = end;
  }
  return out;
}
