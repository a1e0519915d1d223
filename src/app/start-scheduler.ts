/** Wires scheduled digests into the running bot: the store, the subscription service, the publishers and the trigger. */
import type { Logger } from 'pino';
import { createDiscordPublisher } from '../platforms/discord/discord-publisher.ts';
import { renderEmbeds } from '../platforms/discord/render-embeds.ts';
import { createFilePublisher } from '../platforms/file/file-publisher.ts';
import { createTelegramPublisher } from '../platforms/telegram/telegram-publisher.ts';
import { renderTelegram } from '../platforms/telegram/render-telegram.ts';
import type { Reply } from '../reply/reply.ts';
import type { Env } from '../config/env.schema.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import type { Briefing } from '../core/briefing.ts';
import {
  createScheduler,
  createSubscriptionService,
  shutdownScheduler,
  syncConfigSubscriptions,
  type AdminNotice,
  type Publishers,
  type SubscriptionService,
} from '../scheduler/index.ts';
import { parseTarget } from '../scheduler/target.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import type { Telegram } from 'telegraf';

/** The store and subscription service, opened before the chat adapters start (they serve `/subscribe`). */
export interface Scheduling {
  store: Store;
  subscriptions: SubscriptionService;
  /** Starts delivering once the chat clients are up; returns the graceful stop. */
  start(clients: { telegram?: Telegram }): Promise<() => Promise<void>>;
}

/** Opens the subscription store (`BRIEFING_DB`, else the config's `database`, else `./data/briefing.db`) and syncs subscriptions declared in the config. */
export async function openScheduling(env: Env, config: LoadedConfig, briefing: () => Briefing, logger: Logger): Promise<Scheduling> {
  const store = openStore(env.BRIEFING_DB ? { BRIEFING_DB: env.BRIEFING_DB } : {}, config.briefing.database);
  const now = () => new Date();
  const knownTopics = () => briefing().topics().map((t) => t.id);
  const defaultTimezone = config.briefing.defaults.timezone;
  const subscriptions = createSubscriptionService({ store: store.subscriptions, knownTopics, now, defaultTimezone });
  const report = await syncConfigSubscriptions(store.subscriptions, config.briefing.subscriptions, { knownTopics, now, defaultTimezone });
  for (const error of report.errors) logger.warn({ file: `${config.dir}/briefing.yaml` }, `subscriptions: ${error}`);

  return {
    store,
    subscriptions,
    async start(clients) {
      const publishers: Publishers = { file: createFilePublisher() };
      if (env.DISCORD_TOKEN) {
        publishers.discord = createDiscordPublisher({ token: env.DISCORD_TOKEN, render: (r) => renderEmbeds(r).map((e) => ({ embeds: [e] })) });
      }
      if (env.TELEGRAM_TOKEN) {
        publishers.telegram = createTelegramPublisher({
          token: env.TELEGRAM_TOKEN,
          ...(clients.telegram ? { telegram: clients.telegram } : {}),
          render: (r) => renderTelegram(r).map((m) => ({ text: m.text, entities: m.entities })),
        });
      }
      const notifyAdmin = async (notice: AdminNotice) => {
        logger.warn({ subscription: notice.subscription.id, target: notice.subscription.target, status: notice.status }, `subscription paused: ${notice.reason}`);
        const admin = env.BRIEFING_ADMIN_TARGET ? parseTarget(env.BRIEFING_ADMIN_TARGET) : undefined;
        if (!admin?.ok) return;
        const publisher = publishers[admin.value.platform];
        const reply: Reply = {
          kind: 'info',
          title: 'Scheduled digest paused',
          sections: [{ text: `Subscription ${notice.subscription.id} to ${notice.subscription.target} was paused: ${notice.reason}. Resume it with \`briefing schedule resume ${notice.subscription.id}\`.`, points: [] }],
        };
        await publisher?.post(admin.value, reply, { idempotencyKey: `admin:${notice.subscription.id}:${notice.reason}`.slice(0, 120) });
      };
      const scheduler = createScheduler({ store, briefing, logger, publishers, notifyAdmin });
      await scheduler.start();
      return () => shutdownScheduler(scheduler, store, logger);
    },
  };
}
