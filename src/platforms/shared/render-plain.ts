/** Renders a Reply as plain text for the console. */
import { normaliseReply } from './normalise-reply.ts';
import type { Citation, Reply } from '../../reply/reply.ts';
import { citationText, MAX_CITATIONS_SHOWN } from './text-safety.ts';

function cites(citations: Citation[]): string {
  if (citations.length === 0) return '';
  const shown = citations.slice(0, MAX_CITATIONS_SHOWN).map((c) => (c.url ? `${citationText(c)} <${c.url}>` : citationText(c)));
  const more = citations.length > MAX_CITATIONS_SHOWN ? `; +${citations.length - MAX_CITATIONS_SHOWN} more` : '';
  return ` [${shown.join('; ')}${more}]`;
}

/** The reply as lines of plain text (no trailing newline). */
export function renderPlain(input: Reply): string {
  const reply = normaliseReply(input);
  const lines: string[] = [reply.kind === 'error' ? `! ${reply.title}` : `== ${reply.title} ==`];
  for (const section of reply.sections) {
    if (section.heading) lines.push('', `-- ${section.heading} --`);
    if (section.text) lines.push(section.text);
    for (const p of section.points) {
      lines.push(`  * ${p.text}${p.tag ? ` (${p.tag})` : ''}${cites(p.citations)}`);
      if (p.detail) lines.push(`      ${p.detail}${cites(p.detailCitations ?? [])}`);
    }
  }
  if (reply.footer) lines.push('', reply.footer);
  if (reply.choices?.length) {
    lines.push('', 'Type one of:');
    for (const c of reply.choices) lines.push(`  ${c.command}${c.label && !c.command.endsWith(c.label) ? `   (${c.label})` : ''}`);
  }
  return lines.join('\n');
}
