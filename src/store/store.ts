/** A store is both ports plus a way to close it. */
import type { DeliveryLog } from './delivery-log.ts';
import type { SubscriptionStore } from './subscription-store.ts';

/** Subscriptions and deliveries kept together; `close()` releases the database. */
export interface Store {
  subscriptions: SubscriptionStore;
  deliveries: DeliveryLog;
  close(): Promise<void>;
  /** True when several instances may share it (PostgreSQL): each then starts on its due work at a different place. */
  shared?: boolean;
}
