import { statementLine } from './statement-line.ts';
import { citation, renderDigestMarkdown } from '../core/digest/render-markdown.ts';
import type { Positions } from '../core/positions/build-positions.ts';
import type { Digest, SourceRef, Speaker, Statement, TimelineEvent } from '../core/model.ts';

function cites(refs: SourceRef[]): string {
  return refs.map((r) => `${citation(r)} (\`${r.article}\`)`).join('; ');
}

/** Renders a topic digest as a Markdown document: the same points, citations and budget as in a chat. */
export function digestMarkdown(digest: Digest): string {
  return `${renderDigestMarkdown(digest).replace(/^\*\*(.*)\*\*/, '# $1')}\n`;
}

/** Renders every statement grouped by speaker, each with its article and date. */
export function whoSaidWhatMarkdown(speakers: Speaker[], statements: Statement[], sourceOf: (article: string) => SourceRef | undefined): string {
  const lines = ['# Who said what', ''];
  const bySpeaker = new Map<string, Statement[]>();
  for (const s of statements) {
    const key = s.speakerId ?? '';
    bySpeaker.set(key, [...(bySpeaker.get(key) ?? []), s]);
  }
  const section = (title: string, list: Statement[]) => {
    lines.push(`## ${title}`, '');
    for (const s of list) {
      const ref = sourceOf(s.article);
      const said = s.kind === 'direct' ? `“${s.text}”` : s.text;
      lines.push(`- ${said} _(${s.cue})_ — ${ref ? cites([ref]) : s.article}`);
    }
    lines.push('');
  };
  for (const sp of speakers) {
    const list = bySpeaker.get(sp.id);
    if (list?.length) section(sp.roles.length ? `${sp.name} (${sp.roles.join('; ')})` : sp.name, list);
  }
  const unknown = bySpeaker.get('');
  if (unknown?.length) section('Speaker unknown', unknown);
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Renders the timeline as a Markdown list, oldest first. */
export function timelineMarkdown(events: TimelineEvent[]): string {
  const lines = ['# Timeline', ''];
  if (events.length === 0) lines.push('No dated events found.');
  for (const e of events) lines.push(`- **${e.date}** ${e.text} — ${cites(e.sources)}`);
  return `${lines.join('\n')}\n`;
}

/** Renders where each party stands on a topic, each statement cited. */
export function positionsMarkdown(p: Positions, sourceOf: (article: string) => SourceRef | undefined): string {
  const lines = [`# Positions: ${p.title}`, ''];
  if (p.parties.length === 0) lines.push('No party has a statement on this topic.');
  for (const party of p.parties) {
    lines.push(`## ${party.name}${party.disputed ? ' (disputed)' : ''}`, '');
    for (const s of party.statements) {
      const ref = sourceOf(s.article);
      lines.push(`- ${s.disputed ? '**Disputed:** ' : ''}${statementLine(s)} — ${ref ? cites([ref]) : s.article}`);
    }
    lines.push('');
  }
  if (p.unassigned.length) lines.push(`Others quoted: ${p.unassigned.map((u) => u.speaker ?? 'unknown speaker').join(', ')}`);
  return `${lines.join('\n').trimEnd()}\n`;
}
