/** Whether the sender of an update may manage its chat, asked of Telegram (never trusted from the message). */
import type { Context } from 'telegraf';

const MANAGERS = new Set(['creator', 'administrator']);

/**
 * True in private chats, for channel posts (only administrators can post), for anonymous group admins
 * (a message sent as the group itself), and for users Telegram reports as administrators. Button presses
 * are always checked against Telegram: in channels, subscribers can press buttons too.
 */
export async function mayManageChat(ctx: Context): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat) return false;
  if (chat.type === 'private') return true;
  if (ctx.channelPost) return true;
  const message = ctx.message as { sender_chat?: { id: number } } | undefined;
  if (message?.sender_chat?.id === chat.id) return true;
  const from = ctx.from;
  if (!from) return false;
  const member = await ctx.telegram.getChatMember(chat.id, from.id);
  return MANAGERS.has(member.status);
}
