/** Sends a rendered Reply to a Telegram chat: one message per chunk, the keyboard on the last. */
import type { Telegram } from 'telegraf';
import type { Reply } from '../../reply/reply.ts';
import { normaliseReply } from '../shared/normalise-reply.ts';
import { choiceKeyboard, renderTelegram } from './render-telegram.ts';

/** Remembers long command lines for buttons whose callback data would exceed 64 bytes. */
export interface ChoiceMemory {
  remember(command: string): string;
  recall(key: string): string | undefined;
}

/** A bounded in-memory ChoiceMemory (oldest forgotten first). */
export function createChoiceMemory(max = 1_000): ChoiceMemory {
  const map = new Map<string, string>();
  let next = 0;
  return {
    remember(command) {
      const key = (next++).toString(36);
      map.set(key, command);
      if (map.size > max) map.delete(map.keys().next().value as string);
      return key;
    },
    recall: (key) => map.get(key),
  };
}

const MAX_RETRIES = 3;
const MAX_WAIT_S = 30;

function retryAfter(err: unknown): number | undefined {
  const p = (err as { parameters?: { retry_after?: unknown }; code?: unknown }).parameters;
  return typeof p?.retry_after === 'number' ? Math.min(p.retry_after, MAX_WAIT_S) : undefined;
}

/** Calls `send`, waiting and retrying (at most 3 times) when Telegram answers 429 with `retry_after`. */
export async function withRetryAfter<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      const wait = retryAfter(err);
      if (wait === undefined || attempt >= MAX_RETRIES) throw err;
      await new Promise((r) => setTimeout(r, wait * 1000));
    }
  }
}

/** Sends the reply; returns how many messages were sent. */
export async function sendReply(telegram: Telegram, chatId: number | string, input: Reply, memory: ChoiceMemory, replyTo?: number): Promise<number> {
  const reply = normaliseReply(input);
  const chunks = renderTelegram(reply);
  const keyboard = reply.choices?.length ? choiceKeyboard(reply.choices, memory.remember) : undefined;
  for (const [i, chunk] of chunks.entries()) {
    const last = i === chunks.length - 1;
    await withRetryAfter(() =>
      telegram.sendMessage(chatId, chunk.text, {
        entities: chunk.entities,
        link_preview_options: { is_disabled: true },
        ...(i === 0 && replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
        ...(last && keyboard ? { reply_markup: { inline_keyboard: keyboard } } : {}),
      }),
    );
  }
  return chunks.length;
}
