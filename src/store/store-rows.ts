/**
 * The rows both SQL stores (SQLite and PostgreSQL) keep, and their mapping to the store's records: one
 * table layout, so a subscription or a delivery reads back the same whichever database holds it.
 */
import type { DeliveryRecord, DeliveryState } from './delivery-log.ts';
import type { Subscription } from './subscription-store.ts';

/** A `subscriptions` row. */
export interface SubRow {
  id: string;
  target: string;
  topics: string;
  schedule: string;
  cron: string;
  timezone: string;
  on_empty: 'notify' | 'skip';
  status: 'active' | 'paused';
  paused_reason: string | null;
  created_at: string;
  created_by: string | null;
  origin: string | null;
}

/** A `deliveries` row; `message_ids` is JSON text in SQLite and already decoded (jsonb) in PostgreSQL. */
export interface DeliveryRow<Ids = string> {
  key: string;
  subscription_id: string;
  target: string;
  slot: string;
  state: DeliveryState;
  since: string | null;
  reply: string | null;
  message_ids: Ids;
  attempts: number;
  error: string | null;
  created_at: string;
  updated_at: string;
  lease_owner: string | null;
  lease_until: string | null;
}

/** A subscription from its row. */
export function toSub(r: SubRow): Subscription {
  const s: Subscription = {
    id: r.id,
    target: r.target,
    topics: JSON.parse(r.topics) as string[],
    schedule: r.schedule,
    cron: r.cron,
    timezone: r.timezone,
    onEmpty: r.on_empty,
    status: r.status,
    createdAt: r.created_at,
  };
  if (r.paused_reason !== null) s.pausedReason = r.paused_reason;
  if (r.created_by !== null) s.createdBy = r.created_by;
  if (r.origin !== null) s.origin = r.origin as NonNullable<Subscription['origin']>;
  return s;
}

/** A delivery record from its row (`message_ids` decoded by the caller's database). */
export function toRecord(r: DeliveryRow<string | string[]>): DeliveryRecord {
  const d: DeliveryRecord = {
    key: r.key,
    subscriptionId: r.subscription_id,
    target: r.target,
    slot: r.slot,
    state: r.state,
    messageIds: typeof r.message_ids === 'string' ? (JSON.parse(r.message_ids) as string[]) : r.message_ids,
    attempts: r.attempts,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
  if (r.since !== null) d.since = r.since;
  if (r.reply !== null) d.reply = r.reply;
  if (r.error !== null) d.error = r.error;
  if (r.lease_owner !== null) d.leaseOwner = r.lease_owner;
  if (r.lease_until !== null) d.leaseUntil = r.lease_until;
  return d;
}

/** A subscription as its row; its keys are in table order, so `Object.values` gives positional parameters. */
export function subRow(s: Subscription): SubRow {
  return {
    id: s.id,
    target: s.target,
    topics: JSON.stringify(s.topics),
    schedule: s.schedule,
    cron: s.cron,
    timezone: s.timezone,
    on_empty: s.onEmpty,
    status: s.status,
    paused_reason: s.pausedReason ?? null,
    created_at: s.createdAt,
    created_by: s.createdBy ?? null,
    origin: s.origin ?? null,
  };
}

/** A delivery record as its row, keys in table order (`message_ids` as JSON text, which both databases take). */
export function deliveryRow(r: DeliveryRecord): DeliveryRow {
  return {
    key: r.key,
    subscription_id: r.subscriptionId,
    target: r.target,
    slot: r.slot,
    state: r.state,
    since: r.since ?? null,
    reply: r.reply ?? null,
    message_ids: JSON.stringify(r.messageIds),
    attempts: r.attempts,
    error: r.error ?? null,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    lease_owner: r.leaseOwner ?? null,
    lease_until: r.leaseUntil ?? null,
  };
}
