/** Discord as a platform: its settings, `discord:CHANNEL_ID` targets, the slash-command bot, the REST publisher, embeds. */
import { z } from 'zod';
import { optionalVar, snowflake } from '../../config/env-fields.ts';
import { definePlatform } from '../platform.ts';
import { lazyPublisher } from '../shared/lazy-publisher.ts';
import { parseShards, SHARDS_HELP, type ShardPlan } from './discord-shards.ts';
import { renderDiscordMessages } from './render-embeds.ts';

/** Discord's settings. */
export const DiscordEnvSchema = z.object({
  DISCORD_TOKEN: optionalVar(
    z
      .string()
      .trim()
      .regex(/^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/, 'a Discord bot token (three dot-separated parts, from the Developer Portal)'),
  ),
  DISCORD_APP_ID: optionalVar(snowflake),
  DISCORD_GUILD_ID: optionalVar(snowflake),
  /** The gateway shards this instance runs (unset: one shard, as a small bot needs). */
  DISCORD_SHARDS: optionalVar(z.string().refine((v) => typeof parseShards(v) !== 'string', SHARDS_HELP)),
});

/** The Discord platform entry. */
export const discordPlatform = definePlatform({
  id: 'discord',
  env: DiscordEnvSchema,
  secrets: (env) => [env.DISCORD_TOKEN],
  target: {
    platform: 'discord',
    help: 'discord:CHANNEL_ID (15–21 digits)',
    parse: (address) => (/^\d{15,21}$/.test(address) ? { address } : { error: 'has no valid Discord channel id (15–21 digits)' }),
  },
  chat: {
    enabled: (env) => Boolean(env.DISCORD_TOKEN),
    settings: 'DISCORD_TOKEN',
    async start(env, s) {
      const apiRoot = s.apiRoots.discord;
      // discord.js is imported only when Discord is configured: it takes over a second to load.
      const { startDiscord } = await import('./discord-bot.ts');
      const shards = env.DISCORD_SHARDS ? (parseShards(env.DISCORD_SHARDS) as ShardPlan) : undefined;
      const bot = await startDiscord({
        token: env.DISCORD_TOKEN!,
        deps: s.deps,
        logger: s.logger,
        limiter: s.limiter,
        ...(apiRoot ? { apiRoot } : {}),
        ...(shards ? { shards } : {}),
      });
      return { stop: () => bot.stop() };
    },
  },
  publisher: (env, { apiRoot }) => {
    const token = env.DISCORD_TOKEN;
    if (!token) return undefined;
    return lazyPublisher(async () => (await import('./discord-publisher.ts')).createDiscordPublisher({ token, ...(apiRoot ? { api: apiRoot } : {}) }));
  },
  render: renderDiscordMessages,
});
