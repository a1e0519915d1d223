/**
 * Delivers one due (subscription, slot): records `sending` before posting and `sent` after,
 * retries 429/5xx/network failures with a bounded backoff, pauses the subscription on 403/404.
 */
import type { Reply } from '../reply/reply.ts';
import type { Briefing } from '../core/briefing.ts';
import { deliveryKey, type DeliveryRecord } from '../store/delivery-log.ts';
import type { Store } from '../store/store.ts';
import type { Subscription } from '../store/subscription-store.ts';
import { scheduledReply } from './scheduled-reply.ts';
import { ownerAlive } from './lease-owner.ts';
import type { DueDelivery } from './due-deliveries.ts';
import type { Clock, SchedulerLogger, Sleep } from './ports.ts';
import { describeError, type PostResult, type Publishers } from './publisher.ts';
import { splitTarget } from './target.ts';

/** Retry policy: attempts in all, and the exponential backoff's base and cap in ms. */
export interface RetryPolicy {
  maxAttempts: number;
  baseMs: number;
  capMs: number;
}

/** The default policy: 5 attempts, 1 s doubling up to 60 s. */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseMs: 1_000, capMs: 60_000 };

/** What an administrator is told when a subscription is paused. */
export interface AdminNotice {
  subscription: Subscription;
  reason: string;
  status?: number;
}

/** What delivering needs. */
export interface DeliveryDeps {
  store: Store;
  publishers: Publishers;
  briefing: () => Briefing;
  clock: Clock;
  sleep: Sleep;
  logger: SchedulerLogger;
  retry?: RetryPolicy;
  /** Told when a subscription is paused because its target is gone; failures here are logged, not thrown. */
  notifyAdmin?: (notice: AdminNotice) => void | Promise<void>;
  /** Aborted on shutdown: backoff waits end and the record stays `sending`, to resume at next start. */
  signal?: AbortSignal;
  /** This process's lease-owner id (see `lease-owner.ts`). */
  owner: string;
  /** How long a lease lasts before another process may take over a `sending` record (default 10 min). */
  leaseMs?: number;
  /** Whether another lease owner is still alive (default: same-host pid check; see `LeaseOwners`). */
  ownerAlive?: (owner: string) => boolean | Promise<boolean>;
}

/**
 * How one delivery ended. `interrupted`: shutdown came during a retry wait (resumed at next start);
 * `busy`: another live process holds the record's lease; `already`: it was completed elsewhere.
 */
export type DeliveryOutcome = {
  key: string;
  subscriptionId: string;
  target: string;
  slot: string;
  state: 'sent' | 'skipped' | 'failed' | 'paused' | 'already' | 'interrupted' | 'busy';
  attempts: number;
  messageIds: string[];
  error?: string;
};

/** The backoff before attempt `n + 1` after `n` failures (1-based), capped. */
export function backoffMs(failures: number, policy: RetryPolicy): number {
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
}

/** Delivers one due pair; never throws for platform failures. */
export async function deliverSlot(deps: DeliveryDeps, due: DueDelivery): Promise<DeliveryOutcome> {
  const { store, clock, logger } = deps;
  const sub = due.subscription;
  const key = deliveryKey(sub.id, due.slot);
  const at = () => clock.now().toISOString();
  const outcome = (state: DeliveryOutcome['state'], attempts: number, messageIds: string[], error?: string): DeliveryOutcome => {
    const o: DeliveryOutcome = { key, subscriptionId: sub.id, target: sub.target, slot: due.slot, state, attempts, messageIds };
    if (error !== undefined) o.error = error;
    return o;
  };

  const leaseMs = deps.leaseMs ?? 10 * 60_000;
  const until = () => new Date(clock.now().getTime() + leaseMs).toISOString();
  const { owner } = deps;
  let record: DeliveryRecord | undefined;
  if (due.retry) {
    // A failed slot, tried again on a later tick with its frozen reply, one attempt per tick.
    if (!(await store.deliveries.reopen(key, { owner, until: until(), at: at() }))) return outcome('already', 0, due.retry.messageIds);
    logger.info({ key, attempts: due.retry.attempts }, 'retrying a failed delivery');
    record = { ...due.retry, state: 'sending' };
  }
  // Not begun yet? (Another instance may be a step ahead: then this one resumes the record or finds it done.)
  let createdHere = false;
  let seen = due.retry || due.resume ? undefined : await store.deliveries.get(key);
  if (!record && !due.resume && !seen) {
    const reply = scheduledReply(deps.briefing(), sub, due.since);
    const fresh: DeliveryRecord = {
      key,
      subscriptionId: sub.id,
      target: sub.target,
      slot: due.slot,
      state: reply ? 'sending' : 'skipped',
      messageIds: [],
      attempts: 0,
      createdAt: at(),
      updatedAt: at(),
    };
    if (due.since) fresh.since = due.since;
    if (reply) {
      fresh.reply = JSON.stringify(reply);
      fresh.leaseOwner = owner;
      fresh.leaseUntil = until();
    }
    if (!(await store.deliveries.begin(fresh))) seen = undefined;
    else {
      if (!reply) {
        logger.info({ key }, 'nothing new; skipped as configured');
        return outcome('skipped', 0, []);
      }
      record = fresh;
      createdHere = true;
    }
  }
  if (!record) {
    // Resuming (a crash mid-send, or another process began it): take the lease unless a live owner holds it.
    const current = seen ?? (await store.deliveries.get(key));
    if (current?.state !== 'sending') return outcome('already', 0, current?.messageIds ?? []);
    const held = current.leaseOwner && current.leaseOwner !== owner && (current.leaseUntil ?? '') > at();
    if (held && (await (deps.ownerAlive ?? ownerAlive)(current.leaseOwner!))) return outcome('busy', 0, current.messageIds);
    if (!(await store.deliveries.claim(key, { owner, ifOwner: current.leaseOwner ?? null, until: until(), at: at() }))) {
      return outcome('busy', 0, current.messageIds);
    }
    logger.info({ key, parts: current.messageIds.length, from: current.leaseOwner }, 'resuming a delivery left in sending state');
    record = current;
  }

  const reply = JSON.parse(record.reply ?? 'null') as Reply | null;
  // The target was validated when the subscription was stored; the publisher checks its own address.
  const target = splitTarget(sub.target);
  const publisher = deps.publishers[target.platform];
  if (!reply || !publisher) {
    const why = !reply ? 'the record has no reply' : `no publisher for ${sub.target} (is the platform's token set?)`;
    await store.deliveries.finish(key, 'failed', at(), why);
    logger.error({ key, target: sub.target }, why);
    return outcome('failed', 0, record.messageIds, why);
  }

  const base = deps.retry ?? DEFAULT_RETRY;
  const policy = due.retry ? { ...base, maxAttempts: 1 } : base;
  const messageIds = [...record.messageIds];
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1 && !(await store.deliveries.claim(key, { owner, ifOwner: owner, until: until(), at: at() }))) {
      logger.warn({ key }, 'lost the delivery lease to another process; leaving it to that one');
      return outcome('busy', attempt - 1, messageIds);
    }
    let res: PostResult;
    try {
      res = await publisher.post(target, reply, {
        idempotencyKey: key,
        alreadySent: messageIds.length,
        fresh: attempt === 1 && createdHere,
        onPart: async (_i, id) => {
          messageIds.push(id);
          await store.deliveries.addPart(key, id, at());
        },
      });
    } catch (e) {
      res = { ok: false, kind: 'retryable', reason: describeError(e), messageIds: [] };
    }
    if (res.ok) {
      await store.deliveries.finish(key, 'sent', at());
      logger.info({ key, target: sub.target, messageIds, attempts: attempt }, 'delivered');
      return outcome('sent', attempt, messageIds);
    }
    if (res.kind === 'permanent') {
      await store.deliveries.finish(key, 'failed', at(), res.reason);
      if (!res.pause) {
        logger.error({ key, target: sub.target, status: res.status, reason: res.reason }, 'delivery rejected');
        return outcome('failed', attempt, messageIds, res.reason);
      }
      await pause(deps, sub, res.reason, res.status);
      return outcome('paused', attempt, messageIds, res.reason);
    }
    await store.deliveries.recordAttempt(key, res.reason, at());
    if (attempt >= policy.maxAttempts) {
      await store.deliveries.finish(key, 'failed', at(), `gave up after ${attempt} attempts: ${res.reason}`);
      logger.error({ key, target: sub.target, attempts: attempt, reason: res.reason }, 'delivery failed');
      return outcome('failed', attempt, messageIds, res.reason);
    }
    const wait = res.retryAfterMs ?? backoffMs(attempt, policy);
    logger.warn({ key, target: sub.target, attempt, wait, reason: res.reason }, 'delivery failed; retrying');
    if (!deps.signal?.aborted) await deps.sleep(wait, deps.signal);
    if (deps.signal?.aborted) {
      await store.deliveries.release(key, owner, at());
      return outcome('interrupted', attempt, messageIds, res.reason);
    }
  }
}

async function pause(deps: DeliveryDeps, sub: Subscription, reason: string, status?: number): Promise<void> {
  const current = await deps.store.subscriptions.get(sub.id);
  if (!current) return;
  await deps.store.subscriptions.update({ ...current, status: 'paused', pausedReason: reason });
  deps.logger.warn({ subscription: sub.id, target: sub.target, status, reason }, 'subscription paused: target refused the bot');
  if (!deps.notifyAdmin) return;
  try {
    const notice: AdminNotice = { subscription: { ...current, status: 'paused', pausedReason: reason }, reason };
    if (status !== undefined) notice.status = status;
    await deps.notifyAdmin(notice);
  } catch (e) {
    deps.logger.error({ subscription: sub.id, err: describeError(e) }, 'could not notify the administrator');
  }
}
