/** The publisher port: posts a Reply to one target, reporting success, a retryable failure or a permanent one. */
import type { Reply } from '../reply/reply.ts';
import type { Target } from './target.ts';

/** What a post came to. `messageIds` lists the parts accepted by this call. */
export type PostResult =
  | { ok: true; messageIds: string[] }
  | { ok: false; kind: 'retryable'; reason: string; status?: number; retryAfterMs?: number; messageIds: string[] }
  | {
      ok: false;
      kind: 'permanent';
      reason: string;
      status?: number;
      /** True when the target is gone or closed to the bot (403/404, chat not found): pause the subscription. */
      pause: boolean;
      messageIds: string[];
    };

/** Options of one post. */
export interface PostOptions {
  /** Subscription id + slot; the same on every retry, so platforms (or the file target) can dedupe. */
  idempotencyKey: string;
  /** Parts accepted on an earlier attempt, which are not sent again. */
  alreadySent?: number;
  /**
   * True on the first attempt of a record this sender has just created: nothing of it can have been posted
   * yet, so a publisher may skip looking for an earlier copy (the file target's tail scan).
   */
  fresh?: boolean;
  /** Called after each part is accepted, before the next is sent (the caller records it). */
  onPart?: (index: number, messageId: string) => Promise<void>;
}

/** Posts Replies to targets of one platform. */
export interface Publisher {
  post(target: Target, reply: Reply, opts: PostOptions): Promise<PostResult>;
}

/** Publishers by platform; a platform without one can't be delivered to. */
export type Publishers = Partial<Record<string, Publisher>>;

/** A short, loggable description of a thrown error. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`.slice(0, 500);
  return String(e).slice(0, 500);
}
