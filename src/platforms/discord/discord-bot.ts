/** Creates and runs the Discord client: slash commands over the gateway, replies over REST. */
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Logger } from 'pino';
import type { CommandDeps } from '../../commands/command.ts';
import type { RateLimiter } from '../../rate-limit.ts';
import { createInteractionHandler } from './discord-handlers.ts';
import type { PageSessions } from './page-sessions.ts';
import type { ShardPlan } from './discord-shards.ts';

/** Options of the Discord adapter. */
export interface DiscordOptions {
  token: string;
  deps: CommandDeps;
  logger: Logger;
  limiter?: RateLimiter;
  /** REST API root (`http://127.0.0.1:PORT/api` in tests); default Discord's. */
  apiRoot?: string;
  sessions?: PageSessions;
  /** The gateway shards to run here (`DISCORD_SHARDS`); default one shard. */
  shards?: ShardPlan;
}

/** A running Discord adapter. */
export interface DiscordAdapter {
  client: Client;
  stop(): Promise<void>;
}

/** Logs in and resolves once the client is ready. A rejected token fails with a message naming DISCORD_TOKEN. */
export async function startDiscord(opts: DiscordOptions): Promise<DiscordAdapter> {
  const log = opts.logger.child({ adapter: 'discord' });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [], repliedUser: false },
    ...(opts.apiRoot ? { rest: { api: opts.apiRoot } } : {}),
    ...(opts.shards ?? {}),
  });
  const handle = createInteractionHandler({
    deps: opts.deps,
    logger: log,
    ...(opts.limiter ? { limiter: opts.limiter } : {}),
    ...(opts.sessions ? { sessions: opts.sessions } : {}),
  });
  client.on(Events.InteractionCreate, (i) => void handle(i));
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(opts.token).then(undefined, async (err: unknown) => {
    await client.destroy();
    throw err;
  });
  await ready;
  log.info({ user: client.user?.tag, shards: client.ws.shards.size }, 'discord connected');
  return {
    client,
    async stop() {
      await client.destroy();
    },
  };
}
