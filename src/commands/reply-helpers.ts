/** Small builders shared by the command handlers: citations, error replies, menus. */
import type { BriefingError } from '../core/model.ts';
import type { Reply, ReplyChoice } from '../reply/reply.ts';

export { clip, citationOf, citationsOf, MAX_POINT_TEXT, point } from '../reply/reply-parts.ts';
import { clip } from '../reply/reply-parts.ts';

/** A refusal or failure shown only to the asker. */
export function errorReply(title: string, text: string, choices?: ReplyChoice[]): Reply {
  const reply: Reply = { kind: 'error', title: clip(title, 200), sections: [{ text: clip(text, 1_500), points: [] }], ephemeral: true };
  if (choices?.length) reply.choices = choices;
  return reply;
}

/** A short informational reply. */
export function infoReply(title: string, text: string, choices?: ReplyChoice[]): Reply {
  const reply: Reply = { kind: 'info', title: clip(title, 200), sections: [{ text: clip(text, 1_500), points: [] }] };
  if (choices?.length) reply.choices = choices;
  return reply;
}

/** Turns an engine error into words, offering the closest matches as choices for `command`. */
export function engineErrorReply(error: BriefingError, command: string): Reply {
  switch (error.code) {
    case 'unknown_topic': {
      const list = error.suggestions.length ? error.suggestions : error.known;
      const hint = error.suggestions.length ? `Did you mean ${error.suggestions.map((s) => `“${s}”`).join(', ')}?` : `Known topics: ${error.known.join(', ')}.`;
      return errorReply(`No topic “${clip(error.input, 60)}”`, `${hint} See /topics for them all.`, menu(command, list));
    }
    case 'unknown_speaker': {
      const hint = error.suggestions.length ? `Closest names: ${error.suggestions.join(', ')}.` : 'Nobody by that name is quoted in the articles.';
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
