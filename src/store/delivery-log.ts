/**
 * The delivery-log port: one record per (subscription, slot), written before a post is sent
 * (`sending`) and after (`sent`), so a restart never sends a slot twice and finishes one cut short.
 */

/** The life of one delivery. `skipped`: nothing new and the subscription says skip. */
export type DeliveryState = 'sending' | 'sent' | 'skipped' | 'failed';

/** One delivery of one slot of one subscription. */
export interface DeliveryRecord {
  /** Idempotency key: `<subscription id>@<slot ISO instant>`; unique. */
  key: string;
  subscriptionId: string;
  target: string;
  /** ISO instant of the cron slot this delivery is for. */
  slot: string;
  state: DeliveryState;
  /** The `since` the digest was built with (the previous delivery's slot), if any. */
  since?: string;
  /** The Reply as JSON, frozen when the record was created, so a retry posts the same thing. */
  reply?: string;
  /** Platform message ids, one per part already accepted (a long digest is several messages). */
  messageIds: string[];
  attempts: number;
  error?: string;
  createdAt: string;
  updatedAt: string;
  /** Which process is sending it (`host:pid:nonce`), so two processes never send the same record at once. */
  leaseOwner?: string;
  /** ISO instant the lease ends; after it (or once its owner is dead) another process may take over. */
  leaseUntil?: string;
}

/** A compare-and-set lease request: take or renew the lease only if it is still held by `ifOwner`. */
export interface LeaseClaim {
  owner: string;
  /** The owner seen when deciding to claim (null: none); the claim fails if it changed since. */
  ifOwner: string | null;
  until: string;
  at: string;
}

/** Storage of delivery records. */
export interface DeliveryLog {
  /** Creates the record unless the key exists; returns false when it already existed. */
  begin(record: DeliveryRecord): Promise<boolean>;
  /** One record by key. */
  get(key: string): Promise<DeliveryRecord | undefined>;
  /** Appends the platform message id of one more accepted part. */
  addPart(key: string, messageId: string, at: string): Promise<void>;
  /** Counts a failed attempt and remembers its error. */
  recordAttempt(key: string, error: string, at: string): Promise<void>;
  /** Takes or renews the lease of a `sending` record (compare-and-set); false when someone else got it. */
  claim(key: string, lease: LeaseClaim): Promise<boolean>;
  /** Turns a `failed` record back into `sending` under this lease (compare-and-set); false when it was not failed any more. */
  reopen(key: string, lease: Omit<LeaseClaim, 'ifOwner'>): Promise<boolean>;
  /** Gives up a lease (graceful shutdown), so the next process can resume at once. */
  release(key: string, owner: string, at: string): Promise<void>;
  /** Ends a delivery in a final state. */
  finish(key: string, state: Exclude<DeliveryState, 'sending'>, at: string, error?: string): Promise<void>;
  /**
   * For each given subscription: its records still `sending`, its latest record (by slot) and its
   * latest `sent` or `skipped` record, which is all the due computation needs.
   */
  latest(subscriptionIds: string[]): Promise<DeliveryRecord[]>;
  /** Records, newest slot first, optionally of one subscription or state. */
  list(filter?: { subscriptionId?: string; state?: DeliveryState; limit?: number }): Promise<DeliveryRecord[]>;
}

/** The idempotency key of one slot of one subscription. */
export function deliveryKey(subscriptionId: string, slot: string): string {
  return `${subscriptionId}@${slot}`;
}
