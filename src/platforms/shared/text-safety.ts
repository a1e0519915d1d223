/** Text safety shared by the chat renderers: no mentions, no stray markup, only web links. */

/** Breaks every mention-like sequence (`@everyone`, `@user`, `<@123>`, `<@&1>`, `<#1>`) with a zero-width space. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(?=[\p{L}\p{N}_&!])/gu, '@\u200b').replace(/<(?=[#/:]|a:|t:)/g, '<\u200b');
}

/** A URL fit to link: http(s), well formed, not absurdly long; undefined otherwise. */
export function safeUrl(url: string | undefined, maxLength = 512): string | undefined {
  if (!url || url.length > maxLength || !URL.canParse(url)) return undefined;
  const u = new URL(url);
  return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
}

/** Cuts a string to at most `max` UTF-16 units (with an ellipsis), never through a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** A citation's visible text: `Outlet, 2025-08-26`. */
export function citationText(c: { label: string; date?: string }): string {
  return c.date ? `${c.label}, ${c.date}` : c.label;
}

/** At most this many citations are shown per point; the rest are counted. */
export const MAX_CITATIONS_SHOWN = 6;
