/**
 * What is due: a pure function of the instant, the subscriptions and the delivery log.
 * Each active subscription owes its latest slot at or before `now` (one catch-up, never a flood),
 * unless that slot or a later one is already recorded; a record left `sending` is resumed, and a
 * `failed` latest slot is retried on later ticks until the next slot supersedes it.
 */
import type { DeliveryRecord } from '../store/delivery-log.ts';
import type { Subscription } from '../store/subscription-store.ts';
import { latestSlot } from './cron-slots.ts';
import { parseSchedule, type CronFields } from './schedule-spec.ts';

const parsed = new Map<string, CronFields | null>();
/** Expands a stored cron expression once (a memo of a pure function). */
function fieldsOf(expr: string): CronFields | null {
  let f = parsed.get(expr);
  if (f === undefined) {
    const r = parseSchedule(expr);
    f = r.ok ? r.value.fields : null;
    if (parsed.size > 1000) parsed.clear();
    parsed.set(expr, f);
  }
  return f;
}

/** One (subscription, slot) pair to deliver. */
export interface DueDelivery {
  subscription: Subscription;
  /** ISO instant of the slot. */
  slot: string;
  /** The slot of the previous completed delivery: the digest carries what is new since then. */
  since?: string;
  /** A record left `sending` (a crash mid-send): deliver it again under the same key. */
  resume?: DeliveryRecord;
  /** The slot's record ended `failed` (an outage, a full disk): try it again under the same key. */
  retry?: DeliveryRecord;
}

/** Decides which (subscription, slot) pairs are due at `now`; pending resumes come first. */
export function dueDeliveries(now: Date, subscriptions: readonly Subscription[], log: readonly DeliveryRecord[]): DueDelivery[] {
  const out: DueDelivery[] = [];
  const at = now.getTime();
  // One pass over the log, not one per subscription: thousands of subscriptions share a database.
  const bySub = new Map<string, DeliveryRecord[]>();
  for (const r of log) {
    const list = bySub.get(r.subscriptionId);
    if (list) list.push(r);
    else bySub.set(r.subscriptionId, [r]);
  }
  for (const sub of subscriptions) {
    if (sub.status !== 'active') continue;
    const mine = (bySub.get(sub.id) ?? []).sort((a, b) => a.slot.localeCompare(b.slot));
    const pending = mine.filter((r) => r.state === 'sending');
    for (const r of pending) {
      const resume: DueDelivery = { subscription: sub, slot: r.slot, resume: r };
      if (r.since) resume.since = r.since;
      out.push(resume);
    }
    const fields = fieldsOf(sub.cron);
    if (!fields) continue;
    const slotMs = latestSlot(fields, sub.timezone, at);
    if (slotMs === undefined || slotMs <= new Date(sub.createdAt).getTime()) continue;
    const slot = new Date(slotMs).toISOString();
    if (mine.some((r) => r.slot > slot)) continue;
    const same = mine.find((r) => r.slot === slot);
    if (same && same.state !== 'failed') continue;
    const done = mine.filter((r) => r.slot < slot && (r.state === 'sent' || r.state === 'skipped' || r.state === 'sending'));
    const last = done[done.length - 1];
    const due: DueDelivery = { subscription: sub, slot };
    if (last) due.since = last.slot;
    if (same) due.retry = same;
    out.push(due);
  }
  return out;
}
