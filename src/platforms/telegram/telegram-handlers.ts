/** The Telegram adapter's handlers: text commands (private, groups, channels) and keyboard presses. */
import type { Context, Telegraf } from 'telegraf';
import type { Logger } from 'pino';
import type { CommandDeps } from '../../commands/command.ts';
import { invoke } from '../../commands/invoke.ts';
import { parseCommandLine } from '../../commands/parse-text.ts';
import { findCommand } from '../../commands/registry.ts';
import { errorReply } from '../../commands/reply-helpers.ts';
import type { RateLimiter } from '../../rate-limit.ts';
import { mayManageChat } from './telegram-permissions.ts';
import { createChoiceMemory, sendReply, type ChoiceMemory } from './send-reply.ts';

/** What the handlers need. */
export interface TelegramHandlerOptions {
  deps: CommandDeps;
  logger: Logger;
  limiter?: RateLimiter;
  memory?: ChoiceMemory;
}

const APOLOGY = errorReply('Sorry, something went wrong', 'That did not work on our side. Please try again in a moment.');

function who(ctx: Context): { target: string; user: string } {
  const chatId = ctx.chat?.id ?? 0;
  return { target: `telegram:${chatId}`, user: `telegram:${ctx.from?.id ?? chatId}` };
}

async function runLine(ctx: Context, text: string, opts: TelegramHandlerOptions, memory: ChoiceMemory, replyTo?: number): Promise<void> {
  const line = parseCommandLine(text);
  const chat = ctx.chat;
  if (!chat) return;
  if (!line) {
    if (chat.type === 'private') await sendReply(ctx.telegram, chat.id, errorReply('Not a command', 'Send /help to see what I can do.'), memory);
    return;
  }
  const me = ctx.botInfo?.username?.toLowerCase();
  if (line.bot && me && line.bot.toLowerCase() !== me) return;
  if (!findCommand(line.name) && chat.type !== 'private' && !line.bot) return;
  opts.logger.debug({ command: line.name, chat: chat.id }, 'telegram command');
  const reply = await invoke(opts.deps, opts.limiter, { name: line.name, args: line.rest, ctx: who(ctx), mayManage: () => mayManageChat(ctx) });
  if (!reply) return;
  await sendReply(ctx.telegram, chat.id, reply, memory, replyTo);
}

/** Registers the handlers and the adapter's single error boundary (`bot.catch`). */
export function registerTelegramHandlers(bot: Telegraf, opts: TelegramHandlerOptions): void {
  const memory = opts.memory ?? createChoiceMemory();
  bot.on('message', async (ctx) => {
    const msg = ctx.message as { text?: string; message_id: number };
    if (typeof msg.text === 'string') await runLine(ctx, msg.text, opts, memory, ctx.chat.type === 'private' ? undefined : msg.message_id);
  });
  bot.on('channel_post', async (ctx) => {
    const post = ctx.channelPost as { text?: string };
    if (typeof post.text === 'string') await runLine(ctx, post.text, opts, memory);
  });
  bot.on('callback_query', async (ctx) => {
    const data = (ctx.callbackQuery as { data?: string }).data ?? '';
    const command = data.startsWith('c:') ? data.slice(2) : data.startsWith('k:') ? memory.recall(data.slice(2)) : undefined;
    await ctx.answerCbQuery(command ? undefined : 'This menu has expired; send the command again.');
    if (command && ctx.chat) await runLine(ctx, command, opts, memory);
  });
  bot.catch(async (err, ctx) => {
    opts.logger.error({ err, updateId: ctx.update.update_id, chat: ctx.chat?.id, type: ctx.updateType }, 'telegram update failed');
    if (ctx.chat) await sendReply(ctx.telegram, ctx.chat.id, APOLOGY, memory).then(undefined, (e: unknown) => opts.logger.warn({ err: e }, 'apology not sent'));
  });
}
