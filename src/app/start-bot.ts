/**
 * Starts the running bot from the composition: the live briefing, the store (with config-declared
 * subscriptions synced once, here), the chat platforms, then the scheduler with the same publishers.
 */
import { mkdir } from 'node:fs/promises';
import type { CommandDeps } from '../commands/command.ts';
import { EnvError } from '../config/load-env.ts';
import type { ConsoleIo, RunningChat } from '../platforms/platform.ts';
import { createRateLimiter } from '../rate-limit.ts';
import { shutdownScheduler } from '../scheduler/index.ts';
import type { Composition } from './compose.ts';

/** A platform did not start (a token was refused, a port was taken); the message says which setting. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** A running bot. */
export interface App {
  /** Which chat platforms run. */
  adapters: string[];
  /** Resolves when the app has nothing left to do on its own (the console reached end of input); never for chat bots. */
  done: Promise<void>;
  /** Stops every platform, the scheduler and the watchers. Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts the bot: every chat platform that has its settings, else the console; then scheduled deliveries. */
export async function startBot(c: Composition, io: ConsoleIo): Promise<App> {
  const { logger } = c;
  await mkdir(c.paths.addedCorpus, { recursive: true }).catch((err: unknown) => {
    const why = (err as { code?: string }).code ?? String(err);
    throw new EnvError(`BRIEFING_DATA_DIR "${c.paths.dataDir}": cannot create ${c.paths.addedCorpus} (${why}); expected a writable folder`);
  });
  const service = await c.openBriefing();
  const stopWatch = service.watch();
  const knownTopics = () =>
    service
      .current()
      .topics()
      .map((t) => t.id);
  const store = c.openStore();
  const report = await c.syncConfig(store, knownTopics);
  for (const error of report.errors) logger.warn({ file: `${c.config.dir}/briefing.yaml` }, `subscriptions: ${error}`);
  const feeds = c.feeds(store);
  const deps: CommandDeps = {
    briefing: () => service.current(),
    clock: () => new Date(),
    subscriptions: c.subscriptionService(store, knownTopics),
    feeds: feeds.service,
  };
  const limiter = createRateLimiter({ perMinute: c.env.RATE_LIMIT_PER_MINUTE });
  const stops: (() => Promise<void>)[] = [];
  const running = new Map<string, RunningChat>();
  const done: Promise<void>[] = [];

  for (const { platform, env } of c.chats) {
    const chat = platform.chat!;
    const started = await chat
      .start(env, { deps, logger: logger.child({ adapter: platform.id }), limiter, console: io, apiRoots: c.apiRoots })
      .then(undefined, async (err: unknown) => {
        for (const stop of stops.reverse()) await stop().then(undefined, () => undefined);
        await feeds.close();
        await store.close();
        service.close();
        throw new StartupError(`${platform.id} did not start (check ${chat.settings}): ${err instanceof Error ? err.message : String(err)}`);
      });
    running.set(platform.id, started);
    stops.push(() => started.stop());
    if (started.done) done.push(started.done);
  }

  // Stops run in reverse order: the scheduler (pushed last) finishes its in-flight deliveries first.
  const scheduler = c.scheduler({ store, briefing: deps.briefing, publishers: c.publishers(running) });
  await scheduler.start();
  stops.push(() => shutdownScheduler(scheduler, store, logger));
  // New articles land in the data folder's corpus, which the live briefing watches: no reload call is needed.
  feeds.startPolling((r) => {
    if (r.articles.length) logger.info({ added: r.articles.length }, 'feeds: new articles');
  });
  stops.push(() => feeds.close());

  let stopped = false;
  return {
    adapters: [...running.keys()],
    done: done.length ? Promise.all(done).then(() => undefined) : new Promise<void>(() => undefined),
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const stop of stops.reverse()) await stop();
      stopWatch();
      service.close();
      await service.settled();
    },
  };
}
