/** `/help`: the commands and how to use them. */
import { z } from 'zod';
import { defineCommand, type CommandDefinition } from '../command.ts';

/** Makes the `/help` command over the given list of commands (passed lazily to avoid an import cycle). */
export function makeHelpCommand(list: () => readonly CommandDefinition[]): CommandDefinition {
  return defineCommand({
    name: 'help',
    description: 'The commands and how to use them',
    usage: '/help',
    options: [],
    schema: z.object({}),
    async handler() {
      return {
        kind: 'info',
        title: 'Commands',
        sections: [{ points: list().map((c) => ({ text: `${c.usage} — ${c.description}`, citations: [] })) }],
        footer: 'Every point in an answer cites the articles it comes from.',
      };
    },
  });
}
