/** Builds the running bot from a validated environment and config: briefing, limiter, adapters, scheduler. */
import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import { runConsole } from '../platforms/console/console-chat.ts';
import { startDiscord, type DiscordAdapter } from '../platforms/discord/discord-bot.ts';
import { startTelegram, type TelegramAdapter } from '../platforms/telegram/telegram-bot.ts';
import type { CommandDeps } from '../commands/command.ts';
import type { Env } from '../config/env.schema.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { createRateLimiter } from '../rate-limit.ts';
import { openBriefingService } from './briefing-service.ts';
import { openScheduling } from './start-scheduler.ts';

/** An adapter could not start (a token was refused, a port was taken); the message says which setting. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** Runs a start step, turning its failure into a StartupError that names the setting. */
async function starting<T>(what: string, start: () => Promise<T>): Promise<T> {
  return start().then(undefined, (err: unknown) => {
    throw new StartupError(`${what}: ${err instanceof Error ? err.message : String(err)}`);
  });
}

/** The terminal the console adapter talks to. */
export interface ConsoleIo {
  input: Readable;
  output: Writable;
  interactive: boolean;
}

/** A running bot. */
export interface App {
  /** Which adapters run. */
  adapters: ('discord' | 'telegram' | 'console')[];
  /** Resolves when the app has nothing left to do on its own (the console reached end of input); never for chat bots. */
  done: Promise<void>;
  /** Stops every adapter and watcher. Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts the bot: every adapter that has a token, plus the console when none has. */
export async function createApp(env: Env, config: LoadedConfig, logger: Logger, io: ConsoleIo): Promise<App> {
  const service = await openBriefingService({ config, ...(env.BRIEFING_CORPUS ? { corpusDir: env.BRIEFING_CORPUS } : {}), logger });
  const stopWatch = service.watch();
  const deps: CommandDeps = { briefing: () => service.current(), clock: () => new Date() };
  const limiter = createRateLimiter({ perMinute: env.RATE_LIMIT_PER_MINUTE });
  const stops: (() => Promise<void>)[] = [];
  const adapters: App['adapters'] = [];

  // Scheduling opens first: the adapters serve /subscribe through `deps.subscriptions`.
  const scheduling = await openScheduling(env, config, deps.briefing, logger);
  deps.subscriptions = scheduling.subscriptions;

  let discord: DiscordAdapter | undefined;
  let telegram: TelegramAdapter | undefined;
  const started = async () => {
    if (env.DISCORD_TOKEN) {
      discord = await starting('Discord did not start (check DISCORD_TOKEN)', () => startDiscord({ token: env.DISCORD_TOKEN!, deps, logger, limiter }));
      stops.push(() => discord!.stop());
      adapters.push('discord');
    }
    if (env.TELEGRAM_TOKEN) {
      telegram = await starting('Telegram did not start (check TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_URL, TELEGRAM_WEBHOOK_PORT)', () =>
        startTelegram({
          token: env.TELEGRAM_TOKEN!,
          deps,
          logger,
          limiter,
          ...(env.TELEGRAM_WEBHOOK_URL ? { webhookUrl: env.TELEGRAM_WEBHOOK_URL, webhookPort: env.TELEGRAM_WEBHOOK_PORT } : {}),
        }),
      );
      stops.push(() => telegram!.stop());
      adapters.push('telegram');
    }
  };
  await started();

  // Stops run in reverse order: the scheduler (pushed last) finishes its in-flight deliveries first.
  stops.push(await scheduling.start(telegram ? { telegram: telegram.bot.telegram } : {}));

  let done: Promise<void> = new Promise<void>(() => undefined);
  if (adapters.length === 0) {
    adapters.push('console');
    done = runConsole({ deps, logger, limiter, ...io });
  }
  let stopped = false;
  return {
    adapters,
    done,
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const stop of stops.reverse()) await stop();
      stopWatch();
      service.close();
    },
  };
}
