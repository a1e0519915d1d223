/** Telegram as a platform: its settings, `telegram:CHAT_ID` targets, the bot (polling or webhook), the publisher, entity messages. */
import { z } from 'zod';
import { intVar, optionalVar } from '../../config/env-fields.ts';
import { definePlatform } from '../platform.ts';
import { lazyPublisher } from '../shared/lazy-publisher.ts';
import { renderTelegramMessages } from './render-telegram.ts';

/** Telegram's settings. */
export const TelegramEnvSchema = z.object({
  TELEGRAM_TOKEN: optionalVar(
    z
      .string()
      .trim()
      .regex(/^\d{3,}:[\w-]{20,}$/, 'a Telegram bot token like 123456:ABC-DEF… (from @BotFather)'),
  ),
  TELEGRAM_WEBHOOK_URL: optionalVar(z.url({ protocol: /^https$/, error: 'an https:// URL Telegram can reach, e.g. https://bot.example.com/telegram' })),
  TELEGRAM_WEBHOOK_PORT: intVar(1, 65_535, 'a port number from 1 to 65535').default(8443),
});

/** The Telegram platform entry. */
export const telegramPlatform = definePlatform({
  id: 'telegram',
  env: TelegramEnvSchema,
  secrets: (env) => [env.TELEGRAM_TOKEN],
  target: {
    platform: 'telegram',
    help: 'telegram:CHAT_ID (an integer, may be negative) or telegram:@channelname',
    parse: (address) =>
      /^-?\d{1,20}$/.test(address) || /^@[A-Za-z][A-Za-z0-9_]{3,31}$/.test(address)
        ? { address }
        : { error: 'has no valid Telegram chat id (an integer such as -1001234567890, or @channelname of 5–32 letters, digits or _)' },
  },
  chat: {
    enabled: (env) => Boolean(env.TELEGRAM_TOKEN),
    settings: 'TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_URL, TELEGRAM_WEBHOOK_PORT',
    async start(env, s) {
      const apiRoot = s.apiRoots.telegram;
      // telegraf is imported only when Telegram is configured.
      const [{ startTelegram }, { createTelegramPublisher }] = await Promise.all([import('./telegram-bot.ts'), import('./telegram-publisher.ts')]);
      const bot = await startTelegram({
        token: env.TELEGRAM_TOKEN!,
        deps: s.deps,
        logger: s.logger,
        limiter: s.limiter,
        ...(apiRoot ? { apiRoot } : {}),
        ...(env.TELEGRAM_WEBHOOK_URL ? { webhookUrl: env.TELEGRAM_WEBHOOK_URL, webhookPort: env.TELEGRAM_WEBHOOK_PORT } : {}),
      });
      return { publisher: createTelegramPublisher({ token: env.TELEGRAM_TOKEN!, telegram: bot.bot.telegram }), stop: () => bot.stop() };
    },
  },
  publisher: (env, { apiRoot, running }) => {
    const token = env.TELEGRAM_TOKEN;
    if (running?.publisher || !token) return running?.publisher;
    return lazyPublisher(async () => (await import('./telegram-publisher.ts')).createTelegramPublisher({ token, ...(apiRoot ? { apiRoot } : {}) }));
  },
  render: renderTelegramMessages,
});
