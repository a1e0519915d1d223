/** A plain-text rendering of a Reply and a splitter that respects platform length limits. */
import type { Reply } from '../commands/reply.ts';

/** Renders a Reply as plain text: title, sections, points with their citations, footer. */
export function renderPlainText(reply: Reply): string {
  const lines: string[] = [reply.title];
  for (const s of reply.sections) {
    lines.push('');
    if (s.heading) lines.push(s.heading);
    if (s.text) lines.push(s.text);
    for (const p of s.points) {
      const cites = p.citations.map((c) => (c.date ? `${c.label}, ${c.date}` : c.label)).join('; ');
      lines.push(`• ${p.tag ? `[${p.tag}] ` : ''}${p.text}${cites ? ` (${cites})` : ''}`);
      if (p.detail) lines.push(`  ${p.detail}`);
    }
  }
  if (reply.footer) lines.push('', reply.footer);
  return lines.join('\n');
}

/**
 * Splits text into parts of at most `limit` UTF-16 code units, preferring line breaks, then spaces,
 * and never cutting a surrogate pair.
 */
export function splitText(text: string, limit: number): string[] {
  if (!Number.isInteger(limit) || limit < 2) throw new RangeError(`limit must be an integer of at least 2, got ${limit}`);
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf('\n', limit);
    if (cut < limit / 2) cut = rest.lastIndexOf(' ', limit);
    if (cut < limit / 2) cut = limit;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts.filter((p, i) => p.length > 0 || i === 0);
}
