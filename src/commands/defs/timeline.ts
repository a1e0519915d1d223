/** `/timeline [topic]`: dated events, oldest first, each cited. */
import { z } from 'zod';
import { defineCommand } from '../command.ts';
import { option, optionalText } from '../args.ts';
import { citationsOf, engineErrorReply, infoReply, point } from '../reply-helpers.ts';

/** At most this many events in one answer. */
export const MAX_EVENTS = 40;

/** The `/timeline` command. */
export const timelineCommand = defineCommand({
  name: 'timeline',
  description: 'Dated events, oldest first (optionally for one topic)',
  usage: '/timeline [topic]',
  options: [option('topic', 'topic', 'Only this topic (optional)')],
  schema: z.object({ topic: optionalText(100) }),
  slow: true,
  async handler(deps, args) {
    const result = deps.briefing().timeline(args.topic ? { topic: args.topic } : {});
    if (!result.ok) return engineErrorReply(result.error, 'timeline');
    const events = result.value;
    const on = args.topic ? ` — ${args.topic}` : '';
    if (events.length === 0) return infoReply(`Timeline${on}`, 'No dated events found.');
    return {
      kind: 'answer',
      title: `Timeline${on}`,
      sections: [{ points: events.slice(0, MAX_EVENTS).map((e) => point(`${e.date}: ${e.text}`, citationsOf(e.sources))) }],
      footer: `${events.length} events${events.length > MAX_EVENTS ? ` (showing ${MAX_EVENTS})` : ''}`,
    };
  },
});
