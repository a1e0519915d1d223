/** In-memory implementations of the store ports, for tests and dry runs. */
import type { DeliveryLog, DeliveryRecord } from './delivery-log.ts';
import type { Store } from './store.ts';
import type { Subscription, SubscriptionStore } from './subscription-store.ts';

const clone = <T>(x: T): T => structuredClone(x);

/** A subscription store in a Map. */
export function memorySubscriptionStore(): SubscriptionStore {
  const subs = new Map<string, Subscription>();
  return {
    async insert(sub) {
      if (subs.has(sub.id)) throw new Error(`subscription "${sub.id}" already exists`);
      subs.set(sub.id, clone(sub));
    },
    async update(sub) {
      if (!subs.has(sub.id)) throw new Error(`subscription "${sub.id}" does not exist`);
      subs.set(sub.id, clone(sub));
    },
    remove: async (id) => subs.delete(id),
    get: async (id) => {
      const s = subs.get(id);
      return s ? clone(s) : undefined;
    },
    list: async (target) =>
      [...subs.values()]
        .filter((s) => target === undefined || s.target === target)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
        .map(clone),
  };
}

/** A delivery log in a Map. */
export function memoryDeliveryLog(): DeliveryLog {
  const recs = new Map<string, DeliveryRecord>();
  const must = (key: string) => {
    const r = recs.get(key);
    if (!r) throw new Error(`delivery "${key}" does not exist`);
    return r;
  };
  const newestFirst = (a: DeliveryRecord, b: DeliveryRecord) => b.slot.localeCompare(a.slot) || b.key.localeCompare(a.key);
  return {
    async begin(record) {
      if (recs.has(record.key)) return false;
      recs.set(record.key, clone(record));
      return true;
    },
    get: async (key) => {
      const r = recs.get(key);
      return r ? clone(r) : undefined;
    },
    async addPart(key, messageId, at) {
      const r = must(key);
      r.messageIds.push(messageId);
      r.updatedAt = at;
    },
    async recordAttempt(key, error, at) {
      const r = must(key);
      r.attempts += 1;
      r.error = error;
      r.updatedAt = at;
    },
    async claim(key, lease) {
      const r = must(key);
      if (r.state !== 'sending' || (r.leaseOwner ?? null) !== lease.ifOwner) return false;
      r.leaseOwner = lease.owner;
      r.leaseUntil = lease.until;
      r.updatedAt = lease.at;
      return true;
    },
    async reopen(key, lease) {
      const r = must(key);
      if (r.state !== 'failed') return false;
      r.state = 'sending';
      r.leaseOwner = lease.owner;
      r.leaseUntil = lease.until;
      r.updatedAt = lease.at;
      return true;
    },
    async release(key, owner, at) {
      const r = must(key);
      if (r.leaseOwner !== owner) return;
      delete r.leaseOwner;
      delete r.leaseUntil;
      r.updatedAt = at;
    },
    async finish(key, state, at, error) {
      const r = must(key);
      r.state = state;
      r.updatedAt = at;
      if (error !== undefined) r.error = error;
    },
    async latest(ids) {
      const out: DeliveryRecord[] = [];
      for (const id of ids) {
        const mine = [...recs.values()].filter((r) => r.subscriptionId === id).sort(newestFirst);
        const pick = new Set(mine.filter((r) => r.state === 'sending'));
        if (mine[0]) pick.add(mine[0]);
        const done = mine.find((r) => r.state === 'sent' || r.state === 'skipped');
        if (done) pick.add(done);
        out.push(...[...pick].map(clone));
      }
      return out;
    },
    async list(filter = {}) {
      return [...recs.values()]
        .filter((r) => !filter.subscriptionId || r.subscriptionId === filter.subscriptionId)
        .filter((r) => !filter.state || r.state === filter.state)
        .sort(newestFirst)
        .slice(0, filter.limit ?? Infinity)
        .map(clone);
    },
  };
}

/** A whole in-memory store. */
export function memoryStore(): Store {
  return { subscriptions: memorySubscriptionStore(), deliveries: memoryDeliveryLog(), close: async () => {} };
}
