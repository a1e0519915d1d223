/** Renders a Reply as Discord embeds: one embed per page, each within Discord's limits. */
import { normaliseReply } from '../shared/normalise-reply.ts';
import type { APIEmbed } from 'discord.js';
import type { Citation, Reply, ReplyPoint } from '../../reply/reply.ts';
import { citationText, cut, MAX_CITATIONS_SHOWN, neutraliseMentions, safeUrl } from '../shared/text-safety.ts';
import { DISCORD_LIMITS } from './discord-limits.ts';

/** Room left in a page's description (a little below the limit, for safety with the page footer). */
const PAGE_ROOM = DISCORD_LIMITS.description - 96;

const COLOURS = { answer: 0x2b6cb0, info: 0x718096, error: 0xc53030 } as const;

/** Escapes Discord markdown and breaks mentions in text from articles or users. */
export function escapeDiscord(text: string): string {
  return neutraliseMentions(text.replace(/([\\*_~`|[\]])/g, '\\$1').replace(/^([#>-])/, '\\$1'));
}

function citationMarkup(c: Citation, withLinks: boolean): string {
  const label = escapeDiscord(citationText(c));
  const url = withLinks ? safeUrl(c.url) : undefined;
  return url ? `[${label}](${url.replace(/\)/g, '%29')})` : label;
}

function citationsMarkup(cs: Citation[], withLinks: boolean): string {
  if (cs.length === 0) return '';
  const shown = cs.slice(0, MAX_CITATIONS_SHOWN).map((c) => citationMarkup(c, withLinks));
  const more = cs.length > MAX_CITATIONS_SHOWN ? `; +${cs.length - MAX_CITATIONS_SHOWN} more` : '';
  return ` — ${shown.join('; ')}${more}`;
}

function pointBlock(p: ReplyPoint, withLinks = true): string {
  const tag = p.tag ? ` *(${escapeDiscord(p.tag)})*` : '';
  let block = `• ${escapeDiscord(p.text)}${tag}${citationsMarkup(p.citations, withLinks)}`;
  if (p.detail) block += `\n   ↳ ${escapeDiscord(p.detail)}${citationsMarkup(p.detailCitations ?? [], withLinks)}`;
  if (block.length > PAGE_ROOM && withLinks) return pointBlock(p, false);
  return block.length > PAGE_ROOM ? cutMarkup(block, PAGE_ROOM) : block;
}

/** Cuts escaped markup without leaving a dangling backslash. */
function cutMarkup(text: string, max: number): string {
  let out = cut(text, max);
  if (/(^|[^\\])(\\\\)*\\…$/.test(out)) out = `${out.slice(0, -2)}…`;
  return out;
}

/** The blocks (paragraphs) of a reply, in order. */
function blocks(reply: Reply): string[] {
  const out: string[] = [];
  for (const s of reply.sections) {
    if (s.heading) out.push(`**${escapeDiscord(cut(s.heading, 200))}**`);
    if (s.text) out.push(cutMarkup(escapeDiscord(s.text), PAGE_ROOM));
    for (const p of s.points) out.push(pointBlock(p));
  }
  return out;
}

/** Packs blocks into page descriptions no longer than the room. */
function paginate(parts: string[]): string[] {
  const pages: string[] = [];
  let current = '';
  for (const b of parts) {
    const next = current ? `${current}\n${b}` : b;
    if (next.length > PAGE_ROOM && current) {
      pages.push(current);
      current = b;
    } else current = next;
  }
  if (current || pages.length === 0) pages.push(current);
  return pages;
}

/** The reply as one embed per page. Every embed respects title, description, footer and total limits. */
export function renderEmbeds(input: Reply): APIEmbed[] {
  const reply = normaliseReply(input);
  const pages = paginate(blocks(reply));
  const title = cut(neutraliseMentions(reply.title), DISCORD_LIMITS.title);
  return pages.map((description, i) => {
    const embed: APIEmbed = { title, color: COLOURS[reply.kind] };
    if (description) embed.description = description;
    const pageNote = pages.length > 1 ? `page ${i + 1}/${pages.length}` : '';
    const footer = [reply.footer ? neutraliseMentions(reply.footer) : '', pageNote].filter(Boolean).join(' · ');
    if (footer) embed.footer = { text: cut(footer, 300) };
    return embed;
  });
}

/** The total characters Discord counts toward its 6,000 limit for an embed. */
export function embedSize(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** A Discord message body as the REST API takes it (content and/or embeds). */
export interface DiscordMessageBody {
  content?: string;
  embeds?: unknown[];
}

/** The rendering of scheduled digests: one escaped embed per page, exactly what `/briefing` shows (no raw markup, no mentions). */
export function renderDiscordMessages(reply: Reply): DiscordMessageBody[] {
  return renderEmbeds(reply).map((embed) => ({ embeds: [embed] }));
}
