/** Creates and runs the Telegram bot: polling by default, a webhook when a public URL is configured. */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { Telegraf } from 'telegraf';
import type { Logger } from 'pino';
import type { CommandDeps } from '../../commands/command.ts';
import { COMMANDS } from '../../commands/registry.ts';
import type { RateLimiter } from '../../rate-limit.ts';
import { registerTelegramHandlers } from './telegram-handlers.ts';

/** Options of the Telegram adapter. */
export interface TelegramOptions {
  token: string;
  deps: CommandDeps;
  logger: Logger;
  limiter?: RateLimiter;
  /** Bot API root, for tests (`telegram-test-api`); default Telegram's. */
  apiRoot?: string;
  /** Public HTTPS URL Telegram should post updates to; polling when absent. */
  webhookUrl?: string;
  /** Local port of the webhook server. */
  webhookPort?: number;
  /** Local address of the webhook server; default all interfaces. */
  webhookHost?: string;
  /** Secret Telegram echoes in a header; random by default, `false` for emulators that do not send it. */
  webhookSecret?: string | false;
  /** Called after each webhook request has been handled (tests wait on it). */
  onWebhookHandled?: () => void;
}

/** A running Telegram adapter. */
export interface TelegramAdapter {
  bot: Telegraf;
  /** Where the webhook server listens, in webhook mode. */
  webhookPort?: number;
  stop(): Promise<void>;
}

/** Creates a bot with the command handlers registered (not started). */
export function createTelegramBot(opts: Pick<TelegramOptions, 'token' | 'deps' | 'logger' | 'limiter' | 'apiRoot'>): Telegraf {
  const bot = new Telegraf(opts.token, { telegram: { webhookReply: false, ...(opts.apiRoot ? { apiRoot: opts.apiRoot } : {}) } });
  registerTelegramHandlers(bot, { deps: opts.deps, logger: opts.logger, ...(opts.limiter ? { limiter: opts.limiter } : {}) });
  return bot;
}

/** The command list Telegram shows in its menu. */
export function telegramCommandList(): { command: string; description: string }[] {
  return COMMANDS.map((c) => ({ command: c.name, description: c.description.slice(0, 256) }));
}

/** Starts the bot: checks the token (getMe), sets the command menu (tolerating failure), then polls or serves the webhook. */
export async function startTelegram(opts: TelegramOptions): Promise<TelegramAdapter> {
  const log = opts.logger.child({ adapter: 'telegram' });
  const bot = createTelegramBot({ ...opts, logger: log });
  bot.botInfo = await bot.telegram.getMe();
  log.info({ username: bot.botInfo.username }, 'telegram connected');
  await bot.telegram.setMyCommands(telegramCommandList()).then(
    () => log.debug('telegram command menu set'),
    (err: unknown) => log.warn({ err }, 'could not set the telegram command menu; commands still work'),
  );
  if (!opts.webhookUrl) {
    const launched = bot.launch({ dropPendingUpdates: false });
    launched.then(undefined, (err: unknown) => log.error({ err }, 'telegram polling stopped'));
    return {
      bot,
      async stop() {
        // bot.stop throws when polling has not started yet; either way, stopping is done.
        await Promise.resolve()
          .then(() => bot.stop('shutdown'))
          .then(undefined, () => undefined);
        await launched.then(undefined, () => undefined);
      },
    };
  }
  const url = new URL(opts.webhookUrl);
  const secret = opts.webhookSecret === false ? undefined : (opts.webhookSecret ?? randomBytes(24).toString('hex'));
  const callback = bot.webhookCallback(url.pathname, secret ? { secretToken: secret } : {});
  const server = http.createServer((req, res) => void callback(req, res).finally(() => opts.onWebhookHandled?.()));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.webhookPort ?? 8443, opts.webhookHost, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  await bot.telegram.setWebhook(url.toString(), secret ? { secret_token: secret } : {});
  log.info({ port, path: url.pathname }, 'telegram webhook listening');
  return {
    bot,
    webhookPort: port,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
    },
  };
}
