/**
 * The one wiring of the bot. The bot (`main.ts`), the command line and the scheduler all get their
 * settings, config, logger, engine, store, subscriptions, publishers and renderers from here, so they
 * never disagree. The only module that reads the platform registry.
 */
import { stat } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { Env } from '../config/env.schema.ts';
import { EnvError } from '../config/load-env.ts';
import { ConfigError, loadConfig, type LoadedConfig } from '../config/load-config.ts';
import type { Briefing } from '../core/briefing.ts';
import { createLogger } from '../logger.ts';
import { PLATFORMS } from '../platforms/index.ts';
import type { Platform, RunningChat } from '../platforms/platform.ts';
import type { Reply } from '../reply/reply.ts';
import {
  createScheduler,
  createSubscriptionService,
  syncConfigSubscriptions,
  targetParser,
  type AdminNotice,
  type Publishers,
  type Scheduler,
  type SchedulerOptions,
  type SubscriptionService,
  type SyncReport,
  type Target,
  type TargetParser,
} from '../scheduler/index.ts';
import { createFeedsModule, FEED_MIGRATIONS, PG_FEED_MIGRATIONS, type FeedsModule } from '../feeds/index.ts';
import { openStore, type OpenedStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { openBriefingService, type BriefingService } from './briefing-service.ts';
import { dataPaths, type DataPaths } from './data-paths.ts';
import { loadSettings } from './settings.ts';

/** How the process runs: the chat bot (logs at info, or at warn on the console) or the command line (quiet). */
export type RunMode = 'bot' | 'cli';

/** What the composition starts from. */
export interface ComposeOptions {
  /** The process environment. */
  source: Record<string, string | undefined>;
  /** Variables of `.env` (the process environment wins). */
  dotEnv?: Record<string, string>;
  mode: RunMode;
  /** API roots by platform id (tests point them at loopback fakes). */
  apiRoots?: Record<string, string | undefined>;
  /** Where log lines go instead of stderr or `LOG_FILE` (tests). */
  logDestination?: NodeJS.WritableStream;
}

/** A platform with its validated settings. */
export interface ActivePlatform {
  platform: Platform;
  env: unknown;
}

/** Everything wired. */
export interface Composition {
  env: Env;
  config: LoadedConfig;
  logger: Logger;
  /** Values scrubbed from logs and errors. */
  secrets: string[];
  paths: DataPaths;
  platforms: ActivePlatform[];
  /** Chat platforms that start: those with settings, else the fallback (the console). */
  chats: ActivePlatform[];
  parseTarget: TargetParser;
  /** Where pauses are reported, checked against the platforms. */
  adminTarget?: Target;
  apiRoots: Record<string, string | undefined>;
  /** The live briefing over the configured corpus plus the data folder's (or just `corpusDir`). */
  openBriefing(corpusDir?: string): Promise<BriefingService>;
  /** Opens the store (feed state included): PostgreSQL with BRIEFING_DATABASE_URL, else SQLite; an unusable one is one line naming the setting. */
  openStore(): OpenedStore;
  /** Feed following on the store's database, writing articles to the data folder's corpus. */
  feeds(store: OpenedStore): FeedsModule;
  subscriptionService(store: Store, knownTopics: () => string[], now?: () => Date): SubscriptionService;
  /** Brings config-declared subscriptions into the store (bot start and `schedule sync` only). */
  syncConfig(store: Store, knownTopics: () => string[]): Promise<SyncReport>;
  /** The publishers of every platform whose settings allow one; running chat clients are reused. */
  publishers(running?: Map<string, RunningChat>): Publishers;
  /** A scheduler over the store with the composition's logger and admin notices. */
  scheduler(opts: { store: Store; briefing: () => Briefing; publishers: Publishers } & Partial<SchedulerOptions>): Scheduler;
}

function logger(env: Env, mode: RunMode, consoleChat: boolean, secrets: string[], destination?: NodeJS.WritableStream): Logger {
  const level = env.LOG_LEVEL ?? (mode === 'cli' ? 'silent' : consoleChat ? 'warn' : 'info');
  const pretty = env.LOG_FORMAT ? env.LOG_FORMAT === 'pretty' : process.stderr.isTTY === true && !env.LOG_FILE;
  const to = destination ?? (env.LOG_FILE && consoleChat ? env.LOG_FILE : undefined);
  return createLogger({ level, pretty, secrets, ...(to ? { destination: to } : {}) });
}

/** Reads settings and config and wires everything; a bad setting throws EnvError or ConfigError with one line naming it. */
export async function compose(opts: ComposeOptions): Promise<Composition> {
  const settings = loadSettings(PLATFORMS, opts.source, opts.dotEnv);
  const { env } = settings;
  const config = await loadConfig(env.BRIEFING_CONFIG_DIR);
  const platforms = PLATFORMS.map((platform) => ({ platform, env: settings.platformEnv.get(platform.id) }));
  const withChat = platforms.filter((p) => p.platform.chat && !p.platform.chat.fallback && p.platform.chat.enabled(p.env));
  const chats = withChat.length ? withChat : platforms.filter((p) => p.platform.chat?.fallback && p.platform.chat.enabled(p.env));
  const consoleChat = withChat.length === 0;
  const log = logger(env, opts.mode, consoleChat, settings.secrets, opts.logDestination);
  const parseTarget = targetParser(platforms.flatMap((p) => (p.platform.target ? [p.platform.target] : [])));
  let adminTarget: Target | undefined;
  if (env.BRIEFING_ADMIN_TARGET) {
    const t = parseTarget(env.BRIEFING_ADMIN_TARGET);
    if (!t.ok) throw new EnvError(`BRIEFING_ADMIN_TARGET is malformed: ${t.error.message.replace(/^target "[^"]*" /, '')}`);
    adminTarget = t.value;
  }
  const paths = dataPaths(env, config);
  const apiRoots = opts.apiRoots ?? {};
  const serviceDeps = (knownTopics: () => string[], now: () => Date = () => new Date()) => ({
    knownTopics,
    now,
    defaultTimezone: config.briefing.defaults.timezone,
    parseTarget,
    maxPerTarget: env.BRIEFING_MAX_SUBSCRIPTIONS_PER_CHAT,
  });

  const c: Composition = {
    env,
    config,
    logger: log,
    secrets: settings.secrets,
    paths,
    platforms,
    chats,
    parseTarget,
    ...(adminTarget ? { adminTarget } : {}),
    apiRoots,
    async openBriefing(corpusDir) {
      const cache = { cacheDir: paths.cache, awaitCache: opts.mode === 'cli' };
      if (corpusDir) return openBriefingService({ config, corpusDirs: [corpusDir], ...cache, ...(opts.mode === 'bot' ? { logger: log } : {}) });
      const st = await stat(paths.corpus).catch(() => undefined);
      if (!st?.isDirectory()) {
        const what = `${paths.corpusSetting} "${paths.corpus}" is ${st ? 'not a folder' : 'missing'}: expected a folder of .txt and .md articles`;
        throw paths.corpusSetting === 'BRIEFING_CORPUS' ? new EnvError(what) : new ConfigError(what);
      }
      return openBriefingService({
        config,
        corpusDirs: [paths.corpus, paths.addedCorpus],
        optionalDirs: [paths.addedCorpus],
        ...cache,
        ...(opts.mode === 'bot' ? { logger: log } : {}),
      });
    },
    openStore() {
      try {
        const migrations = { sqlite: FEED_MIGRATIONS, postgres: PG_FEED_MIGRATIONS };
        return openStore({ databaseUrl: env.BRIEFING_DATABASE_URL, sqlitePath: paths.db, migrations });
      } catch (err) {
        if (err instanceof EnvError) throw err;
        const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
        const what = `${paths.dbSetting} "${paths.db}": cannot open the database (${why}); expected a writable SQLite file path`;
        throw paths.dbSetting.startsWith('database') ? new ConfigError(what) : new EnvError(what);
      }
    },
    feeds(store) {
      const notify = async (message: string) => {
        log.warn(`feeds: ${message}`);
        const publisher = adminTarget ? c.publishers()[adminTarget.platform] : undefined;
        if (!adminTarget || !publisher) return;
        const reply: Reply = { kind: 'info', title: 'Feed paused', sections: [{ text: message, points: [] }] };
        await publisher.post(adminTarget, reply, { idempotencyKey: `admin:feed:${message}`.slice(0, 120) });
      };
      return createFeedsModule({
        backend: store.backend,
        env: { ...opts.dotEnv, ...opts.source },
        corpusDir: paths.addedCorpus,
        logger: log.child({ part: 'feeds' }),
        notifyAdmin: notify,
      });
    },
    subscriptionService: (store, knownTopics, now) => createSubscriptionService({ store: store.subscriptions, ...serviceDeps(knownTopics, now) }),
    syncConfig: (store, knownTopics) => syncConfigSubscriptions(store.subscriptions, config.briefing.subscriptions, serviceDeps(knownTopics)),
    publishers(running = new Map()) {
      const out: Publishers = {};
      for (const p of platforms) {
        const apiRoot = apiRoots[p.platform.id];
        const runningChat = running.get(p.platform.id);
        const publisher = p.platform.publisher?.(p.env, { ...(apiRoot ? { apiRoot } : {}), ...(runningChat ? { running: runningChat } : {}) });
        if (publisher) out[p.platform.id] = publisher;
      }
      return out;
    },
    scheduler(o) {
      const notifyAdmin = async (notice: AdminNotice) => {
        log.warn({ subscription: notice.subscription.id, target: notice.subscription.target, status: notice.status }, `subscription paused: ${notice.reason}`);
        const publisher = adminTarget ? o.publishers[adminTarget.platform] : undefined;
        if (!adminTarget || !publisher) return;
        const reply: Reply = {
          kind: 'info',
          title: 'Scheduled digest paused',
          sections: [
            {
              text: `Subscription ${notice.subscription.id} to ${notice.subscription.target} was paused: ${notice.reason}. Resume it with \`briefing schedule resume ${notice.subscription.id}\`.`,
              points: [],
            },
          ],
        };
        await publisher.post(adminTarget, reply, { idempotencyKey: `admin:${notice.subscription.id}:${notice.reason}`.slice(0, 120) });
      };
      return createScheduler({ logger: log, notifyAdmin, ...o });
    },
  };
  return c;
}
