/** An active hourly subscription in UTC, for store and scheduler tests; the fields a test cares about override it. */
import type { Subscription } from '../../src/store/subscription-store.ts';

export function hourlySubscription(over: Partial<Subscription> & Pick<Subscription, 'id' | 'target'>): Subscription {
  return {
    topics: ['alpha'],
    schedule: 'hourly',
    cron: '0 * * * *',
    timezone: 'UTC',
    onEmpty: 'notify',
    status: 'active',
    createdAt: '2026-06-01T00:00:00.000Z',
    ...over,
  };
}
