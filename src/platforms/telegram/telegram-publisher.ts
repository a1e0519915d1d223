/**
 * Posts scheduled digests to Telegram chats with telegraf's `Telegram` client (`sendMessage`).
 * telegraf does not retry 429s: the error's `retry_after` is handed back for the scheduler to wait.
 * Residual window: Telegram has no idempotency key, so a crash after Telegram accepted a part and
 * before it was recorded re-sends that one part on restart.
 */
import { Telegram } from 'telegraf';
import type { Reply } from '../../reply/reply.ts';
import { renderTelegramMessages, type TelegramMessageBody } from './render-telegram.ts';
import { splitFormatted, TELEGRAM_MESSAGE_LIMIT } from '../shared/split-message.ts';
import { describeError, type PostResult, type Publisher } from '../../scheduler/publisher.ts';

export { renderTelegramMessages, type TelegramMessageBody } from './render-telegram.ts';

/** Options of the Telegram publisher. */
export interface TelegramPublisherOptions {
  token: string;
  /** Use an existing client (the running bot's `bot.telegram`) instead of making one from `token`. */
  telegram?: Telegram;
  /** Bot API root, `https://api.telegram.org` by default; tests point it at a loopback stub. */
  apiRoot?: string;
  /** Per-request timeout in ms (default 15 s). */
  timeoutMs?: number;
  /** Renders a Reply as messages; entity-formatted and mention-safe (as the bot answers) by default. Any text over 4,096 UTF-16 units is split. */
  render?: (reply: Reply) => TelegramMessageBody[];
}

/** Telegram's message length limit in UTF-16 code units. */
export const TELEGRAM_TEXT_LIMIT = TELEGRAM_MESSAGE_LIMIT;

/** Splits rendered messages so none exceeds the limit, on paragraph boundaries, with entities re-based. */
export function fitTelegram(messages: TelegramMessageBody[]): TelegramMessageBody[] {
  return messages.flatMap((m) =>
    m.text.length <= TELEGRAM_TEXT_LIMIT ? [m] : splitFormatted({ text: m.text, entities: m.entities ?? [] }, TELEGRAM_TEXT_LIMIT),
  );
}

const GONE =
  /chat not found|bot was kicked|bot was blocked|not a member|chat was deactivated|group chat was upgraded|channel_private|have no rights|not enough rights|user is deactivated/i;

/** Sorts a thrown telegraf error into retryable (429, 5xx, network) or permanent (403, chat gone: pause). */
export function classifyTelegramError(e: unknown, messageIds: string[]): PostResult {
  const response = (e as { response?: { error_code?: number; description?: string; parameters?: { retry_after?: number } } }).response;
  const status = typeof response?.error_code === 'number' ? response.error_code : undefined;
  const reason = response?.description ? `${status}: ${response.description}` : describeError(e);
  if (status === undefined) return { ok: false, kind: 'retryable', reason, messageIds };
  if (status === 429) {
    const after = response?.parameters?.retry_after;
    const r: PostResult = { ok: false, kind: 'retryable', reason, status, messageIds };
    if (typeof after === 'number' && after >= 0) r.retryAfterMs = after * 1000;
    return r;
  }
  if (status >= 500) return { ok: false, kind: 'retryable', reason, status, messageIds };
  const pause = status === 403 || status === 404 || GONE.test(response?.description ?? '');
  return { ok: false, kind: 'permanent', reason, status, pause, messageIds };
}

/** Makes the Telegram publisher. */
export function createTelegramPublisher(opts: TelegramPublisherOptions): Publisher {
  const telegram = opts.telegram ?? new Telegram(opts.token, opts.apiRoot ? { apiRoot: opts.apiRoot } : {});
  const render = opts.render ?? renderTelegramMessages;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return {
    async post(target, reply, { alreadySent = 0, onPart }) {
      if (target.platform !== 'telegram') throw new TypeError(`target: the Telegram publisher can't post to ${target.raw}`);
      const parts = fitTelegram(render(reply));
      const messageIds: string[] = [];
      for (let i = alreadySent; i < parts.length; i++) {
        const part = parts[i]!;
        try {
          const payload = {
            chat_id: target.address,
            text: part.text,
            link_preview_options: { is_disabled: true },
            ...(part.entities ? { entities: part.entities } : {}),
          };
          const msg = (await telegram.callApi('sendMessage', payload as never, { signal: AbortSignal.timeout(timeoutMs) as never })) as {
            message_id?: number;
          };
          const id = String(msg?.message_id ?? `${target.address}:${i}`);
          messageIds.push(id);
          await onPart?.(i, id);
        } catch (e) {
          return classifyTelegramError(e, messageIds);
        }
      }
      return { ok: true, messageIds };
    },
  };
}
