import type { Digest, DigestItem, SourceRef } from '../model.ts';

/** At most this many citations are written out per point; the rest become "+N more". */
export const MAX_RENDERED_CITATIONS = 5;

/** The label a reader sees for a source: the outlet, else the headline, shortened. */
export function citationLabel(ref: SourceRef): string {
  const label = (ref.source ?? ref.title).trim() || ref.article;
  return label.length > 40 ? `${label.slice(0, 39)}…` : label;
}

/** A citation in Markdown: outlet (or shortened headline) and date, linked when the article has a URL. */
export function citation(ref: SourceRef): string {
  const label = citationLabel(ref).replace(/([[\]])/g, '\\$1');
  const dated = ref.date ? `${label}, ${ref.date}` : label;
  return ref.url ? `[${dated}](${ref.url})` : dated;
}

function citations(refs: readonly SourceRef[]): string {
  const shown = refs.slice(0, MAX_RENDERED_CITATIONS).map(citation);
  const more = refs.length - shown.length;
  if (more > 0) shown.push(`+${more} more`);
  return shown.join('; ');
}

/** The line shown under a disputed point: the other side, introduced by what it is to this point. */
export function disputeLine(dispute: NonNullable<DigestItem['dispute']>): string {
  return `${dispute.side === 'counter' ? 'Contested' : 'In answer to'}: ${dispute.text}`;
}

/**
 * One point as a Markdown bullet with its citations: `- text (A, 2025-08-26; B)`; a disputed point
 * is tagged and followed by the other side, cited.
 */
export function renderPoint(item: DigestItem): string {
  const tag = item.disputed ? ' *(disputed)*' : '';
  const line = `- ${item.text}${tag} (${citations(item.sources)})`;
  return item.dispute ? `${line}\n  - ${disputeLine(item.dispute)} (${citations(item.dispute.sources)})` : line;
}

/** A digest as Markdown: a bold title line, then one bullet per point (or a line saying there is none). */
export function renderDigestMarkdown(digest: Digest): string {
  const head = `**${digest.title}**`;
  if (digest.items.length === 0) return `${head}\n\n${digest.since ? `No new developments since ${digest.since}.` : 'No points on this topic in the corpus.'}`;
  return [head, '', ...digest.items.map(renderPoint)].join('\n');
}
