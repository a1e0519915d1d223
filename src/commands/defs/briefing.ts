/** `/briefing <topic or question>`: the cited digest of a topic, or of any question in free text. */
import { z } from 'zod';
import { digestReply } from '../../reply/digest-reply.ts';
import { option, optionalText } from '../args.ts';
import { defineCommand } from '../command.ts';
import { topicChoices } from '../menus.ts';
import { engineErrorReply, infoReply } from '../reply-helpers.ts';

/** The `/briefing` command. */
export const briefingCommand = defineCommand({
  name: 'briefing',
  description: 'A cited digest of a topic, or of any question',
  usage: '/briefing <topic or question>',
  options: [option('topic', 'topic', 'A topic (see /topics) or any question')],
  schema: z.object({ topic: optionalText(100) }),
  slow: true,
  async handler(deps, args) {
    const briefing = deps.briefing();
    if (!args.topic) return infoReply('Pick a topic', 'Which topic would you like a briefing on?', topicChoices(briefing, 'briefing'));
    // A topic id or title gives that topic; any other text is a question.
    const result = briefing.ask(args.topic);
    if (!result.ok) return engineErrorReply(result.error, 'briefing');
    const digest = result.value;
    // A question nothing answers may be a mistyped topic: say so, with the closest topics.
    const asTopic = digest.items.length === 0 ? briefing.digest(args.topic) : undefined;
    if (asTopic && !asTopic.ok) return engineErrorReply(asTopic.error, 'briefing');
    return digestReply(digest);
  },
});
