/**
 * The subscription port: what the scheduler needs from wherever subscriptions are kept.
 * SQLite implements it in `sqlite-store.ts`, tests also use `memory-store.ts`.
 */

/** What to do when a scheduled digest finds nothing new: post a one-line notice, or post nothing. */
export type OnEmpty = 'notify' | 'skip';

/** Where a subscription came from: a chat command, the operator's CLI, or `config/briefing.yaml`. */
export type SubscriptionOrigin = 'chat' | 'cli' | 'config';

/** A standing order to post digests of some topics to one target on a schedule. */
export interface Subscription {
  id: string;
  /** `discord:CHANNEL_ID`, `telegram:CHAT_ID` (or `telegram:@channel`), `file:PATH`. */
  target: string;
  /** Topic ids, in the order given. */
  topics: string[];
  /** The schedule as the user wrote it (`daily 08:00`, or a cron expression). */
  schedule: string;
  /** The normalised five-field cron expression (minute hour day-of-month month day-of-week). */
  cron: string;
  /** IANA time zone the cron expression is read in. */
  timezone: string;
  onEmpty: OnEmpty;
  status: 'active' | 'paused';
  /** Why delivery stopped (bot removed, chat deleted), when paused. */
  pausedReason?: string;
  /** ISO instant of creation; slots before it are never delivered. */
  createdAt: string;
  createdBy?: string;
  origin?: SubscriptionOrigin;
}

/** Storage of subscriptions. Every method is async so a networked database can implement it. */
export interface SubscriptionStore {
  /** Inserts a subscription; fails if the id exists. */
  insert(sub: Subscription): Promise<void>;
  /** Replaces a subscription with the same id (status, pause reason, schedule…). */
  update(sub: Subscription): Promise<void>;
  /** Removes a subscription; returns whether it existed. */
  remove(id: string): Promise<boolean>;
  /** One subscription by id. */
  get(id: string): Promise<Subscription | undefined>;
  /** All subscriptions, or those of one target, oldest first. */
  list(target?: string): Promise<Subscription[]>;
}
