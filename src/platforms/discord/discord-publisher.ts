/**
 * Posts scheduled digests to Discord channels over REST (`POST /channels/:id/messages`).
 * discord.js's REST queues 429s itself; each part carries a nonce derived from the idempotency key
 * with `enforce_nonce`, so a retry after a crash is deduplicated by Discord.
 */
import { createHash } from 'node:crypto';
import { DiscordAPIError, HTTPError, REST, Routes } from 'discord.js';
import type { Reply } from '../../reply/reply.ts';
import { renderDiscordMessages, type DiscordMessageBody } from './render-embeds.ts';
import { describeError, type PostResult, type Publisher } from '../../scheduler/publisher.ts';

export { renderDiscordMessages, type DiscordMessageBody } from './render-embeds.ts';

/** Options of the Discord publisher. */
export interface DiscordPublisherOptions {
  token: string;
  /** REST base, `https://discord.com/api` by default; tests point it at a loopback stub. */
  api?: string;
  /** Per-request timeout in ms (default 15 s). */
  timeoutMs?: number;
  /** Renders a Reply as one or more messages; escaped embeds (as the bot answers) by default. */
  render?: (reply: Reply) => DiscordMessageBody[];
  /** Use an existing REST client instead (its token must be set). */
  rest?: REST;
}

/** Discord's message content limit. */
export const DISCORD_CONTENT_LIMIT = 2000;

/** A Discord nonce (at most 25 characters) derived from an idempotency key and a part number. */
export function discordNonce(idempotencyKey: string, part: number): string {
  return createHash('sha256').update(`${idempotencyKey}#${part}`).digest('base64url').slice(0, 25);
}

/** Sorts a thrown REST error into retryable or permanent (403/404 pause the subscription). */
export function classifyDiscordError(e: unknown, messageIds: string[]): PostResult {
  const status = e instanceof DiscordAPIError || e instanceof HTTPError ? e.status : undefined;
  const reason = describeError(e);
  if (status === undefined || status === 429 || status >= 500 || status === 408) {
    return status === undefined ? { ok: false, kind: 'retryable', reason, messageIds } : { ok: false, kind: 'retryable', reason, status, messageIds };
  }
  return { ok: false, kind: 'permanent', reason, status, pause: status === 403 || status === 404, messageIds };
}

/** Makes the Discord publisher. */
export function createDiscordPublisher(opts: DiscordPublisherOptions): Publisher {
  const rest = opts.rest ?? new REST({ api: opts.api ?? 'https://discord.com/api', timeout: opts.timeoutMs ?? 15_000, retries: 0 }).setToken(opts.token);
  const render = opts.render ?? renderDiscordMessages;
  return {
    async post(target, reply, { idempotencyKey, alreadySent = 0, onPart }) {
      if (target.platform !== 'discord') throw new TypeError(`target: the Discord publisher can't post to ${target.raw}`);
      const parts = render(reply);
      const messageIds: string[] = [];
      for (let i = alreadySent; i < parts.length; i++) {
        try {
          const body = { ...parts[i], allowed_mentions: { parse: [] }, nonce: discordNonce(idempotencyKey, i), enforce_nonce: true };
          const msg = (await rest.post(Routes.channelMessages(target.address), { body })) as { id?: string };
          const id = String(msg?.id ?? `${target.address}:${i}`);
          messageIds.push(id);
          await onPart?.(i, id);
        } catch (e) {
          return classifyDiscordError(e, messageIds);
        }
      }
      return { ok: true, messageIds };
    },
  };
}
