/**
 * The subscription service as the commands see it. The scheduler's `SubscriptionService`
 * satisfies this structurally; it is restated here so the commands do not depend on the scheduler.
 */

/** A subscription as the commands show it. */
export interface SubscriptionView {
  id: string;
  target: string;
  topics: string[];
  schedule: string;
  timezone?: string;
}

/** An expected failure of the subscription service. */
export interface SubscriptionFailure {
  code: string;
  message: string;
}

/** A subscription result: the subscription or a failure. */
export type SubscriptionResult = { ok: true; value: SubscriptionView } | { ok: false; error: SubscriptionFailure };

/** Subscribe, unsubscribe and list, per target. */
export interface SubscriptionPort {
  subscribe(input: { target: string; topics: string[]; schedule: string; timezone?: string; createdBy?: string }): Promise<SubscriptionResult>;
  unsubscribe(id: string, target?: string): Promise<SubscriptionResult>;
  list(target?: string): Promise<SubscriptionView[]>;
}
