/** `/topics`: the configured topics, each a choice for /briefing. */
import { z } from 'zod';
import { defineCommand } from '../command.ts';
import { topicChoices } from '../menus.ts';
import { clip } from '../reply-helpers.ts';

/** The `/topics` command. */
export const topicsCommand = defineCommand({
  name: 'topics',
  description: 'The topics you can ask about',
  usage: '/topics',
  options: [],
  schema: z.object({}),
  async handler(deps) {
    const briefing = deps.briefing();
    const topics = briefing.topics();
    return {
      kind: 'info',
      title: 'Topics',
      sections: [
        {
          points: topics.map((t) => ({
            text: clip(`${t.id} — ${t.title}${t.description ? `: ${t.description}` : ''}`, 300),
            citations: [],
          })),
        },
      ],
      footer: 'Use /briefing <topic>, /timeline <topic> or /positions <topic>',
      choices: topicChoices(briefing, 'briefing'),
    };
  },
});
