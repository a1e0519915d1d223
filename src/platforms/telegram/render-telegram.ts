/** Renders a Reply as Telegram messages: entity formatting (never hand-escaped Markdown), split at 4,096 units. */
import { normaliseReply } from '../shared/normalise-reply.ts';
import { bold, fmt, italic, join, link, type FmtString } from 'telegraf/format';
import type { InlineKeyboardButton, MessageEntity } from 'telegraf/types';
import type { Citation, Reply, ReplyChoice, ReplyPoint } from '../../reply/reply.ts';
import { citationText, cut, MAX_CITATIONS_SHOWN, neutraliseMentions, safeUrl } from '../shared/text-safety.ts';
import { splitFormatted, type Formatted } from '../shared/split-message.ts';

/** Telegram's limit for callback data, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;

const safe = (text: string): string => neutraliseMentions(text);

function citation(c: Citation): FmtString | string {
  const text = safe(citationText(c));
  const url = safeUrl(c.url);
  return url ? link(text, url) : text;
}

function citations(cs: Citation[]): FmtString | string {
  if (cs.length === 0) return '';
  const shown = cs.slice(0, MAX_CITATIONS_SHOWN).map(citation);
  const more = cs.length > MAX_CITATIONS_SHOWN ? `; +${cs.length - MAX_CITATIONS_SHOWN} more` : '';
  return fmt` — ${join(shown, '; ')}${more}`;
}

function pointLine(p: ReplyPoint): FmtString {
  const tag = p.tag ? fmt` ${italic(`(${safe(p.tag)})`)}` : '';
  const detail = p.detail ? fmt`\n    ↳ ${safe(p.detail)}${citations(p.detailCitations ?? [])}` : '';
  return fmt`• ${safe(p.text)}${tag}${citations(p.citations)}${detail}`;
}

/** The whole reply as one formatted text (before splitting). */
export function formatReply(input: Reply): FmtString {
  const reply = normaliseReply(input);
  const parts: (FmtString | string)[] = [bold(safe(cut(reply.title, 256)))];
  for (const s of reply.sections) {
    const lines: (FmtString | string)[] = [];
    if (s.heading) lines.push(bold(safe(s.heading)));
    if (s.text) lines.push(safe(s.text));
    lines.push(...s.points.map(pointLine));
    if (lines.length) parts.push(join(lines, '\n'));
  }
  if (reply.footer) parts.push(italic(safe(reply.footer)));
  return join(parts, '\n\n');
}

/** The reply as messages of at most 4,096 UTF-16 units, entities re-based per message. */
export function renderTelegram(reply: Reply): Formatted[] {
  const f = formatReply(reply);
  return splitFormatted({ text: f.text, entities: f.entities ?? [] });
}

/** Callback data for a choice: the command line itself when it fits in 64 bytes, else a key from `remember`. */
export function callbackData(choice: ReplyChoice, remember: (command: string) => string): string {
  const direct = `c:${choice.command}`;
  return Buffer.byteLength(direct, 'utf8') <= CALLBACK_DATA_LIMIT ? direct : `k:${remember(choice.command)}`;
}

/** An inline keyboard with one button per choice, two to a row. */
export function choiceKeyboard(choices: ReplyChoice[], remember: (command: string) => string): InlineKeyboardButton[][] {
  const buttons = choices.slice(0, 24).map((c) => ({ text: cut(c.label, 60) || c.command, callback_data: callbackData(c, remember) }));
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return rows;
}

/** One Telegram message: text and optional entities (offsets in UTF-16 units). */
export interface TelegramMessageBody {
  text: string;
  entities?: MessageEntity[];
}

/** The rendering of scheduled digests: what the bot answers in chat (entities, mentions broken, links only to safe URLs). */
export function renderTelegramMessages(reply: Reply): TelegramMessageBody[] {
  return renderTelegram(reply).map((m) => ({ text: m.text, entities: m.entities }));
}
