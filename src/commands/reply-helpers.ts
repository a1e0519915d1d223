/** Small builders shared by the command handlers: citations, error replies, menus. */
import type { SourceRef, BriefingError } from '../core/model.ts';
import type { Citation, Reply, ReplyChoice, ReplyPoint } from '../reply/reply.ts';

/** How long a text from an article or a user may be inside a reply before it is shortened. */
export const MAX_POINT_TEXT = 1_000;

/** Shortens a text to `max` characters (with an ellipsis), never splitting a surrogate pair. */
export function clip(text: string, max: number = MAX_POINT_TEXT): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let end = Math.max(0, max - 1);
  const code = flat.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${flat.slice(0, end)}…`;
}

/** The citation shown for a source: the outlet (else the headline), the date, the link. */
export function citationOf(ref: SourceRef): Citation {
  const c: Citation = { article: ref.article, label: ref.source ? clip(ref.source, 80) : clip(ref.title || ref.article, 60) };
  if (ref.date) c.date = ref.date;
  if (ref.url && /^https?:\/\//i.test(ref.url)) c.url = ref.url;
  return c;
}

/** Citations of several sources, one per article. */
export function citationsOf(refs: readonly SourceRef[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const r of refs) {
    if (seen.has(r.article)) continue;
    seen.add(r.article);
    out.push(citationOf(r));
  }
  return out;
}

/** A point with its citations. */
export function point(text: string, citations: Citation[], extra: Partial<ReplyPoint> = {}): ReplyPoint {
  return { text: clip(text), citations, ...extra };
}

/** A refusal or failure shown only to the asker. */
export function errorReply(title: string, text: string, choices?: ReplyChoice[]): Reply {
  const reply: Reply = { kind: 'error', title: clip(title, 200), sections: [{ text: clip(text, 1_500), points: [] }], ephemeral: true };
  if (choices && choices.length) reply.choices = choices;
  return reply;
}

/** A short informational reply. */
export function infoReply(title: string, text: string, choices?: ReplyChoice[]): Reply {
  const reply: Reply = { kind: 'info', title: clip(title, 200), sections: [{ text: clip(text, 1_500), points: [] }] };
  if (choices && choices.length) reply.choices = choices;
  return reply;
}

/** Turns an engine error into words, offering the closest matches as choices for `command`. */
export function engineErrorReply(error: BriefingError, command: string): Reply {
  switch (error.code) {
    case 'unknown_topic': {
      const list = error.suggestions.length ? error.suggestions : error.known;
      const hint = error.suggestions.length
        ? `Did you mean ${error.suggestions.map((s) => `“${s}”`).join(', ')}?`
        : `Known topics: ${error.known.join(', ')}.`;
      return errorReply(`No topic “${clip(error.input, 60)}”`, `${hint} See /topics for them all.`, menu(command, list));
    }
    case 'unknown_speaker': {
      const hint = error.suggestions.length
        ? `Closest names: ${error.suggestions.join(', ')}.`
        : 'Nobody by that name is quoted in the articles.';
      return errorReply(`Nobody quoted as “${clip(error.input, 60)}”`, `${hint} See /speakers for everyone quoted.`, menu(command, error.suggestions));
    }
    case 'bad_date':
      return errorReply('Bad date', `“${clip(error.input, 60)}”: ${error.message}`);
    case 'no_articles':
      return errorReply('No articles yet', error.message);
  }
}

/** Choices that run `command value` for each value (at most 25, the smallest platform limit). */
export function menu(command: string, values: readonly string[]): ReplyChoice[] {
  return values.slice(0, 25).map((v) => ({ label: clip(v, 80), command: `/${command} ${v}` }));
}
