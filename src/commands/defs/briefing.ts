/** `/briefing <topic>`: the cited digest of one topic. */
import { z } from 'zod';
import { digestReply } from '../../reply/digest-reply.ts';
import { option, optionalText } from '../args.ts';
import { defineCommand } from '../command.ts';
import { topicChoices } from '../menus.ts';
import { engineErrorReply, infoReply } from '../reply-helpers.ts';

/** The `/briefing` command. */
export const briefingCommand = defineCommand({
  name: 'briefing',
  description: 'A cited digest of one topic',
  usage: '/briefing <topic>',
  options: [option('topic', 'topic', 'The topic (see /topics)')],
  schema: z.object({ topic: optionalText(100) }),
  slow: true,
  async handler(deps, args) {
    const briefing = deps.briefing();
    if (!args.topic) return infoReply('Pick a topic', 'Which topic would you like a briefing on?', topicChoices(briefing, 'briefing'));
    const result = briefing.digest(args.topic);
    if (!result.ok) return engineErrorReply(result.error, 'briefing');
    return digestReply(result.value);
  },
});
