/** `/speakers`: everyone quoted, most quoted first, with where. */
import { z } from 'zod';
import { defineCommand } from '../command.ts';
import { speakerChoices } from '../menus.ts';
import { citationOf, infoReply, point } from '../reply-helpers.ts';
import type { Citation } from '../../reply/reply.ts';

/** The `/speakers` command. */
export const speakersCommand = defineCommand({
  name: 'speakers',
  description: 'Everyone quoted in the articles',
  usage: '/speakers',
  options: [],
  schema: z.object({}),
  slow: true,
  async handler(deps) {
    const briefing = deps.briefing();
    const speakers = [...briefing.speakers()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    if (speakers.length === 0) return infoReply('Nobody quoted yet', 'No statements were found in the articles.');
    return {
      kind: 'answer',
      title: 'Who is quoted',
      sections: [
        {
          points: speakers.map((s) => {
            const cites = s.articles
              .map((a) => briefing.sourceOf(a))
              .filter((r) => r !== undefined)
              .map(citationOf) as Citation[];
            const role = s.roles[0] ? `, ${s.roles[0]}` : '';
            return point(`${s.name}${role} (${s.count} ${s.count === 1 ? 'statement' : 'statements'})`, cites);
          }),
        },
      ],
      footer: `${speakers.length} speakers · /whosaid <person> for what they said`,
      choices: speakerChoices(briefing, 'whosaid'),
    };
  },
});
