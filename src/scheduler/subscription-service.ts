/**
 * Subscriptions as the chat commands (`/subscribe`, `/unsubscribe`, `/subscriptions`) and the CLI see them:
 * validation with clear messages, then the store.
 */
import { randomUUID } from 'node:crypto';
import { fail, ok, type Result } from '../core/model.ts';
import type { OnEmpty, Subscription, SubscriptionOrigin, SubscriptionStore } from '../store/subscription-store.ts';
import { parseSchedule, parseTimezone } from './schedule-spec.ts';
import type { TargetParser } from './target.ts';

export type { Subscription, OnEmpty } from '../store/subscription-store.ts';

/** An expected failure of a subscription request; `message` names the field and what is valid. */
export interface SubscriptionError {
  code: string;
  message: string;
}

/** What `/subscribe` and `briefing subscribe` ask for. */
export interface SubscribeInput {
  target: string;
  topics: string[];
  /** A preset or cron expression; defaults to `daily 08:00`. */
  schedule: string;
  /** IANA time zone; defaults to the configured default time zone. */
  timezone?: string | undefined;
  createdBy?: string;
  onEmpty?: OnEmpty | undefined;
  origin?: SubscriptionOrigin;
  /** A fixed id (config-declared subscriptions); generated otherwise. */
  id?: string;
}

/** Subscribing, unsubscribing and listing. */
export interface SubscriptionService {
  /** Validates and stores a subscription; an identical active one is returned as is. */
  subscribe(input: SubscribeInput): Promise<Result<Subscription, SubscriptionError>>;
  /** Removes a subscription; with `target`, only if it belongs to that target (chats can't remove others'). */
  unsubscribe(id: string, target?: string): Promise<Result<Subscription, SubscriptionError>>;
  /** Subscriptions, all or of one target. */
  list(target?: string): Promise<Subscription[]>;
  /** Re-activates a paused subscription (after the bot was re-added, say). */
  resume(id: string): Promise<Result<Subscription, SubscriptionError>>;
}

/** What the service needs. */
export interface SubscriptionServiceDeps {
  store: SubscriptionStore;
  /** Known topic ids, from the current briefing. */
  knownTopics: () => string[];
  /** Current instant. */
  now: () => Date;
  /** Time zone used when none is given. */
  defaultTimezone?: string;
  /** Checks targets against the platforms (from the composition's platform registry). */
  parseTarget: TargetParser;
  /** At most this many subscriptions per target (chat, channel, file); unlimited when absent. */
  maxPerTarget?: number;
  /** Id generator (tests make it deterministic). */
  newId?: () => string;
}

/** The default schedule when none is given. */
export const DEFAULT_SCHEDULE = 'daily 08:00';

/** Validates a subscription request into a subscription, without storing it. */
export function validateSubscription(
  input: SubscribeInput,
  deps: Pick<SubscriptionServiceDeps, 'knownTopics' | 'now' | 'defaultTimezone' | 'newId' | 'parseTarget'>,
): Result<Subscription, SubscriptionError> {
  const target = deps.parseTarget(String(input.target ?? ''));
  if (!target.ok) return target;
  const topics = [...new Set((input.topics ?? []).map((t) => String(t).trim().toLowerCase()).filter(Boolean))];
  const known = deps.knownTopics();
  if (topics.length === 0) {
    return fail({ code: 'missing_topic', message: `topics: give at least one topic; known topics: ${known.join(', ')}` });
  }
  const unknown = topics.filter((t) => !known.includes(t));
  if (unknown.length > 0) {
    return fail({
      code: 'unknown_topic',
      message: `topics: ${unknown.map((t) => `"${t}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not known; known topics: ${known.join(', ')}`,
    });
  }
  const scheduleText = (input.schedule ?? '').trim() || DEFAULT_SCHEDULE;
  const schedule = parseSchedule(scheduleText);
  if (!schedule.ok) return schedule;
  const tz = parseTimezone(input.timezone ?? deps.defaultTimezone ?? 'UTC');
  if (!tz.ok) return tz;
  const onEmpty = input.onEmpty ?? 'notify';
  if (onEmpty !== 'notify' && onEmpty !== 'skip') {
    return fail({ code: 'bad_on_empty', message: `onEmpty "${String(onEmpty)}" is not valid; expected "notify" or "skip"` });
  }
  const sub: Subscription = {
    id: input.id ?? (deps.newId ?? (() => randomUUID().slice(0, 8)))(),
    target: target.value.raw,
    topics,
    schedule: scheduleText,
    cron: schedule.value.cron,
    timezone: tz.value,
    onEmpty,
    status: 'active',
    createdAt: deps.now().toISOString(),
    origin: input.origin ?? 'chat',
  };
  if (input.createdBy) sub.createdBy = input.createdBy;
  return ok(sub);
}

/** Whether two subscriptions ask for the same thing (target, topics, cron, zone, empty policy). */
export function sameRequest(a: Subscription, b: Subscription): boolean {
  return (
    a.target === b.target &&
    a.cron === b.cron &&
    a.timezone === b.timezone &&
    a.onEmpty === b.onEmpty &&
    [...a.topics].sort().join(',') === [...b.topics].sort().join(',')
  );
}

/** Makes the subscription service over a store. */
export function createSubscriptionService(deps: SubscriptionServiceDeps): SubscriptionService {
  const { store } = deps;
  const notFound = (id: string): Result<never, SubscriptionError> =>
    fail({ code: 'not_found', message: `id: no subscription "${id}"; list them with /subscriptions or "briefing schedule list"` });
  return {
    async subscribe(input) {
      const v = validateSubscription(input, deps);
      if (!v.ok) return v;
      if (input.id) {
        const existing = await store.get(input.id);
        if (existing) return ok(existing);
      }
      const mine = await store.list(v.value.target);
      const same = mine.find((s) => sameRequest(s, v.value));
      if (same) return ok(same);
      if (deps.maxPerTarget !== undefined && mine.length >= deps.maxPerTarget) {
        return fail({
          code: 'too_many',
          message: `target: ${v.value.target} already has ${mine.length} subscriptions, the most allowed (BRIEFING_MAX_SUBSCRIPTIONS_PER_CHAT); remove one with /unsubscribe first`,
        });
      }
      await store.insert(v.value);
      return ok(v.value);
    },
    async unsubscribe(id, target) {
      const sub = await store.get(String(id ?? '').trim());
      if (!sub) return notFound(id);
      if (target !== undefined) {
        const t = deps.parseTarget(target);
        if (!t.ok || t.value.raw !== sub.target) return notFound(id);
      }
      await store.remove(sub.id);
      return ok(sub);
    },
    list: (target) => {
      if (target === undefined) return store.list();
      const t = deps.parseTarget(target);
      return store.list(t.ok ? t.value.raw : target);
    },
    async resume(id) {
      const sub = await store.get(id);
      if (!sub) return notFound(id);
      const next: Subscription = { ...sub, status: 'active' };
      delete next.pausedReason;
      await store.update(next);
      return ok(next);
    },
  };
}
