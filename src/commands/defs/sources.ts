/** `/sources`: the articles the briefing is built from. */
import { z } from 'zod';
import { defineCommand } from '../command.ts';
import { citationOf, infoReply, point } from '../reply-helpers.ts';

/** The `/sources` command. */
export const sourcesCommand = defineCommand({
  name: 'sources',
  description: 'The articles the briefing is built from',
  usage: '/sources',
  options: [],
  schema: z.object({}),
  async handler(deps) {
    const sources = deps.briefing().sources();
    if (sources.length === 0) return infoReply('No articles yet', 'The corpus folder has no usable articles.');
    return {
      kind: 'answer',
      title: 'Sources',
      sections: [{ points: sources.map((s) => point(s.title, [citationOf(s)])) }],
      footer: `${sources.length} articles`,
    };
  },
});
