import { disputeLine } from '../../core/digest/render-markdown.ts';
/** `/briefing <topic or question>`: the cited digest of a topic, or of any question in free text. */
import { z } from 'zod';
import { defineCommand } from '../command.ts';
import { option, optionalText } from '../args.ts';
import { topicChoices } from '../menus.ts';
import { citationsOf, engineErrorReply, infoReply, point } from '../reply-helpers.ts';
import type { Reply } from '../reply.ts';

/** The `/briefing` command. */
export const briefingCommand = defineCommand({
  name: 'briefing',
  description: 'A cited digest of a topic, or of any question',
  usage: '/briefing <topic>',
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
    const articles = new Set(digest.items.flatMap((i) => i.sources.map((s) => s.article)));
    if (digest.items.length === 0) return infoReply(digest.title, 'Nothing in the articles on this topic yet.');
    const reply: Reply = {
      kind: 'answer',
      title: digest.title,
      sections: [
        {
          points: digest.items.map((item) =>
            point(item.text, citationsOf(item.sources), {
              ...(item.disputed ? { tag: 'disputed' } : {}),
              ...(item.dispute ? { detail: disputeLine(item.dispute), detailCitations: citationsOf(item.dispute.sources) } : {}),
            }),
          ),
        },
      ],
      footer: `${digest.items.length} ${digest.items.length === 1 ? 'point' : 'points'} from ${articles.size} ${articles.size === 1 ? 'article' : 'articles'}`,
    };
    return reply;
  },
});
