/** `/unsubscribe <id>` and `/subscriptions`: manage this chat's scheduled digests. */
import { z } from 'zod';
import { defineCommand } from '../command.ts';
import { option, optionalText } from '../args.ts';
import { clip, errorReply, infoReply } from '../reply-helpers.ts';
import type { ReplyChoice } from '../../reply/reply.ts';

const NOT_CONFIGURED = ['Scheduling is not configured', 'This bot runs without a schedule store, so there are no subscriptions.'] as const;

/** The `/unsubscribe` command. */
export const unsubscribeCommand = defineCommand({
  name: 'unsubscribe',
  description: 'Stop a scheduled digest in this chat',
  usage: '/unsubscribe <id>',
  options: [option('id', 'id', 'The subscription id (see /subscriptions)', false, 64)],
  schema: z.object({ id: optionalText(64) }),
  admin: true,
  async handler(deps, args, ctx) {
    if (!deps.subscriptions) return errorReply(...NOT_CONFIGURED);
    if (!args.id) {
      const list = await deps.subscriptions.list(ctx.target);
      if (list.length === 0) return infoReply('No subscriptions', 'This chat has no scheduled digests.');
      const choices: ReplyChoice[] = list.slice(0, 25).map((s) => ({ label: clip(`${s.id}: ${s.topics.join(', ')}`, 80), command: `/unsubscribe ${s.id}` }));
      return infoReply('Which one?', 'Pick the subscription to stop.', choices);
    }
    const result = await deps.subscriptions.unsubscribe(args.id, ctx.target);
    if (!result.ok) return errorReply('Could not unsubscribe', clip(result.error.message, 500));
    return infoReply('Unsubscribed', `Subscription ${result.value.id} (${result.value.topics.join(', ')}) is stopped.`);
  },
});

/** The `/subscriptions` command. */
export const subscriptionsCommand = defineCommand({
  name: 'subscriptions',
  description: 'The scheduled digests of this chat',
  usage: '/subscriptions',
  options: [],
  schema: z.object({}),
  async handler(deps, _args, ctx) {
    if (!deps.subscriptions) return errorReply(...NOT_CONFIGURED);
    const list = await deps.subscriptions.list(ctx.target);
    if (list.length === 0) return infoReply('No subscriptions', 'This chat has no scheduled digests. Try /subscribe <topic> daily.');
    return {
      kind: 'info',
      title: 'Subscriptions',
      sections: [
        {
          points: list.map((s) => ({
            text: clip(`${s.id}: ${s.topics.join(', ')} — ${s.schedule}${s.timezone ? ` (${s.timezone})` : ''}`, 300),
            citations: [],
          })),
        },
      ],
      footer: 'Use /unsubscribe <id> to stop one',
    };
  },
});
