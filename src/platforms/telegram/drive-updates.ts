/**
 * Drives updates through the real Telegram handlers (`bot.handleUpdate`) with a capturing fake `callApi`:
 * no network. For benchmarks and tests: push many concurrent commands and count the replies.
 */
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import pino, { type Logger } from 'pino';
import type { CommandDeps } from '../../commands/command.ts';
import type { RateLimiter } from '../../rate-limit.ts';
import { registerTelegramHandlers } from './telegram-handlers.ts';

/** One Bot API call the handlers made. */
export interface CapturedCall {
  method: string;
  payload: Record<string, unknown>;
}

/** What a drive produced. */
export interface DriveResult {
  calls: CapturedCall[];
  /** `sendMessage` calls per chat id. */
  messagesByChat: Map<number, number>;
  /** Updates whose handling rejected (should be 0: the bot's catch answers with an apology). */
  failed: number;
  ms: number;
}

const BOT_INFO = {
  id: 1,
  is_bot: true as const,
  first_name: 'Bench',
  username: 'bench_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

/** A private-chat text message update from user `n` (chat id = user id = 1000 + n). */
export function textUpdate(n: number, text: string): Update {
  const id = 1000 + n;
  return {
    update_id: n + 1,
    message: { message_id: n + 1, date: 0, chat: { id, type: 'private', first_name: `u${n}` }, from: { id, is_bot: false, first_name: `u${n}` }, text },
  } as Update;
}

function fakeResult(method: string, payload: Record<string, unknown>, n: number, memberStatus: string): unknown {
  if (method === 'sendMessage') return { message_id: n, date: 0, chat: { id: payload.chat_id, type: 'private' }, text: payload.text };
  if (method === 'getChatMember') return { status: memberStatus, user: { id: 0, is_bot: false, first_name: 'x' } };
  if (method === 'getMe') return BOT_INFO;
  return true;
}

/** Runs every update concurrently through a bot wired like production, capturing the Bot API calls. */
export async function driveTelegramUpdates(opts: {
  deps: CommandDeps;
  updates: Update[];
  limiter?: RateLimiter;
  logger?: Logger;
  /** What getChatMember reports for every user (default `administrator`). */
  chatMemberStatus?: string;
}): Promise<DriveResult> {
  const calls: CapturedCall[] = [];
  const bot = new Telegraf('1:bench', { telegram: { webhookReply: false } });
  bot.botInfo = BOT_INFO;
  bot.use((ctx, next) => {
    (ctx.telegram as unknown as { callApi: (m: string, p: Record<string, unknown>) => Promise<unknown> }).callApi = async (method, payload) => {
      calls.push({ method, payload });
      return fakeResult(method, payload, calls.length, opts.chatMemberStatus ?? 'administrator');
    };
    return next();
  });
  registerTelegramHandlers(bot, { deps: opts.deps, logger: opts.logger ?? pino({ level: 'silent' }), ...(opts.limiter ? { limiter: opts.limiter } : {}) });
  const started = performance.now();
  const results = await Promise.allSettled(opts.updates.map((u) => bot.handleUpdate(u)));
  const ms = performance.now() - started;
  const messagesByChat = new Map<number, number>();
  for (const c of calls)
    if (c.method === 'sendMessage') messagesByChat.set(Number(c.payload.chat_id), (messagesByChat.get(Number(c.payload.chat_id)) ?? 0) + 1);
  return { calls, messagesByChat, failed: results.filter((r) => r.status === 'rejected').length, ms };
}
