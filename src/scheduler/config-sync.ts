/**
 * Brings the subscriptions declared in `config/briefing.yaml` into the store, idempotently:
 * new ones are added, changed ones updated (keeping their pause state), removed ones deleted.
 * Subscriptions made in chat or by the CLI are never touched.
 */
import { createHash } from 'node:crypto';
import type { OnEmpty, Subscription, SubscriptionStore } from '../store/subscription-store.ts';
import { sameRequest, validateSubscription } from './subscription-service.ts';
import type { TargetParser } from './target.ts';

/** A subscription as declared in the config file. */
export interface DeclaredSubscription {
  id?: string | undefined;
  target: string;
  topics: string[];
  schedule: string;
  timezone?: string | undefined;
  onEmpty?: OnEmpty | undefined;
}

/** What a sync did; `errors` name the entry (`subscriptions[2]`) and the field. */
export interface SyncReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
  errors: string[];
}

/** The id of a declared subscription without one: stable across restarts, from its content. */
export function declaredId(d: DeclaredSubscription): string {
  const key = JSON.stringify([
    d.target.trim(),
    [...d.topics].map((t) => t.trim().toLowerCase()).sort(),
    d.schedule.trim().toLowerCase(),
    d.timezone ?? '',
    d.onEmpty ?? 'notify',
  ]);
  return `cfg-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/** Syncs declared subscriptions into the store. Invalid entries are reported and skipped, not fatal. */
export async function syncConfigSubscriptions(
  store: SubscriptionStore,
  declared: readonly DeclaredSubscription[],
  deps: { knownTopics: () => string[]; now: () => Date; defaultTimezone?: string; parseTarget: TargetParser },
): Promise<SyncReport> {
  const report: SyncReport = { added: [], updated: [], unchanged: [], removed: [], errors: [] };
  const keep = new Set<string>();
  for (const [i, d] of declared.entries()) {
    const id = d.id ?? declaredId(d);
    keep.add(id);
    const input = { ...d, id, origin: 'config' as const };
    const v = validateSubscription(input, deps);
    if (!v.ok) {
      report.errors.push(`subscriptions[${i}]: ${v.error.message}`);
      continue;
    }
    const existing = await store.get(id);
    if (!existing) {
      await store.insert(v.value);
      report.added.push(id);
    } else if (sameRequest(existing, v.value) && existing.schedule === v.value.schedule) {
      report.unchanged.push(id);
    } else {
      const next: Subscription = { ...v.value, status: existing.status, createdAt: existing.createdAt };
      if (existing.pausedReason) next.pausedReason = existing.pausedReason;
      await store.update(next);
      report.updated.push(id);
    }
  }
  for (const s of await store.list()) {
    if (s.origin === 'config' && !keep.has(s.id)) {
      await store.remove(s.id);
      report.removed.push(s.id);
    }
  }
  return report;
}
