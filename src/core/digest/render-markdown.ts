import type { Digest, DigestItem, SourceRef } from '../model.ts';

/** At most this many citations are written out per point; the rest become "+N more". */
export const MAX_RENDERED_CITATIONS = 5;

/** The label a reader sees for a source: the outlet, else the headline, shortened. */
export function citationLabel(ref: SourceRef): string {
  const label = (ref.source ?? ref.title).trim() || ref.article;
  return label.length > 40 ? `${label.slice(0, 39)}…` : label;
}

function citation(ref: SourceRef): string {
  const label = citationLabel(ref).replace(/([[\]])/g, '\\$1');
  const dated = ref.date ? `${label}, ${ref.date}` : label;
  return ref.url ? `[${dated}](${ref.url})` : dated;
}

/** One point as a Markdown bullet with its citations: `- text (A, 2025-08-26; B)`. */
export function renderPoint(item: DigestItem): string {
  const shown = item.sources.slice(0, MAX_RENDERED_CITATIONS).map(citation);
  const more = item.sources.length - shown.length;
  if (more > 0) shown.push(`+${more} more`);
  const tag = item.disputed ? ' *(disputed)*' : '';
  return `- ${item.text}${tag} (${shown.join('; ')})`;
}

/** A digest as Markdown: a bold title line, then one bullet per point (or a line saying there is none). */
export function renderDigestMarkdown(digest: Digest): string {
  const head = `**${digest.title}**`;
  if (digest.items.length === 0) return `${head}\n\nNo points on this topic in the corpus.`;
  return [head, '', ...digest.items.map(renderPoint)].join('\n');
}
