/**
 * Chat commands for feeds, in the shape of `src/commands/defs/*`: `/feeds` lists the followed feeds (anyone),
 * `/addfeed <url> [every]` and `/removefeed <id>` change them (admins only: `admin: true`, the same check as
 * `/subscribe`). The service comes from the command deps (`deps.feeds`), present when the bot follows feeds.
 */
import { z } from 'zod';
import { option, optionalText } from '../args.ts';
import { defineCommand, type CommandDefinition, type CommandDeps } from '../command.ts';
import type { Reply, ReplyChoice } from '../../reply/reply.ts';
import { clip, errorReply, infoReply } from '../reply-helpers.ts';
import { formatEvery, parseEvery } from '../../feeds/duration.ts';
import type { FeedService } from '../../feeds/feed-service.ts';

const NOT_CONFIGURED = ['Feeds are not configured', 'This bot runs without feed following, so it has no feeds.'] as const;

/** The `/feeds` list as a reply. */
export async function feedsReply(service: FeedService): Promise<Reply> {
  const list = await service.list();
  if (list.length === 0) return infoReply('No feeds', 'This bot follows no feeds yet. An admin can add one with /addfeed <url>.');
  return {
    kind: 'info',
    title: 'Feeds',
    sections: [
      {
        points: list.slice(0, 50).map((f) => ({
          text: clip(
            `${f.id}: ${f.name} — ${f.status === 'paused' ? `paused (${f.pausedReason ?? 'no reason given'})` : `every ${formatEvery(f.everyMs)}`}; ${f.items.taken} articles${f.lastError && f.status === 'active' ? `; last error: ${f.lastError}` : ''}`,
            400,
          ),
          citations: [{ article: f.id, label: clip(f.name, 80), url: f.url }],
        })),
      },
    ],
    footer: list.length > 50 ? `and ${list.length - 50} more; see briefing feeds list` : 'Admins: /addfeed <url> [every], /removefeed <id>',
  };
}

/** Makes `/feeds`, `/addfeed` and `/removefeed` over the service the getter returns (undefined: not configured). */
export function createFeedCommands(getService: (deps: CommandDeps) => FeedService | undefined): CommandDefinition[] {
  const feeds = defineCommand({
    name: 'feeds',
    description: 'The news feeds this bot follows',
    usage: '/feeds',
    options: [],
    schema: z.object({}),
    async handler(deps) {
      const service = getService(deps);
      return service ? feedsReply(service) : errorReply(...NOT_CONFIGURED);
    },
  });

  const addfeed = defineCommand({
    name: 'addfeed',
    description: 'Follow a news feed (RSS, Atom or JSON Feed) or a page that links one',
    usage: '/addfeed <url> [every, e.g. 30m or 2h]',
    options: [
      option('url', 'text', 'The address of the feed, e.g. https://example.org/feed.xml', true, 500),
      option('every', 'text', 'How often to check it: 15m, 1h, 1d (default 30m)', false, 20),
    ],
    schema: z.object({
      url: optionalText(500),
      every: optionalText(20).refine((v) => v === undefined || parseEvery(v).ok, 'an interval such as 15m, 1h, 2h30m or 1d (between 1m and 7d)'),
    }),
    admin: true,
    slow: true,
    parseText: (tokens) => ({ ...(tokens[0] ? { url: tokens[0] } : {}), ...(tokens[1] ? { every: tokens[1] } : {}) }),
    async handler(deps, args) {
      const service = getService(deps);
      if (!service) return errorReply(...NOT_CONFIGURED);
      if (!args.url) return infoReply('Which feed?', 'Give the address of the feed: /addfeed https://example.org/feed.xml');
      const r = await service.add(args.url, { ...(args.every ? { every: args.every } : {}) });
      if (!r.ok) return errorReply('Could not follow that feed', clip(r.error.message, 600));
      return infoReply(
        'Following',
        `Feed ${r.value.id}: ${r.value.name}, checked every ${formatEvery(r.value.everyMs)}. Its new articles join the briefing after the next check. /removefeed ${r.value.id} stops it.`,
      );
    },
  });

  const removefeed = defineCommand({
    name: 'removefeed',
    description: 'Stop following a news feed',
    usage: '/removefeed <id>',
    options: [option('id', 'id', 'The feed id (see /feeds)', false, 32)],
    schema: z.object({ id: optionalText(32) }),
    admin: true,
    async handler(deps, args) {
      const service = getService(deps);
      if (!service) return errorReply(...NOT_CONFIGURED);
      if (!args.id) {
        const list = await service.list();
        if (list.length === 0) return infoReply('No feeds', 'This bot follows no feeds.');
        const choices: ReplyChoice[] = list.slice(0, 25).map((f) => ({ label: clip(`${f.id}: ${f.name}`, 80), command: `/removefeed ${f.id}` }));
        return infoReply('Which one?', 'Pick the feed to stop following.', choices);
      }
      const r = await service.remove(args.id);
      if (!r.ok) return errorReply('Could not remove the feed', clip(r.error.message, 500));
      return infoReply('Removed', `Feed ${r.value.id} (${r.value.name}) is no longer followed. Its articles stay in the briefing.`);
    },
  });
  return [feeds, addfeed, removefeed];
}
