/** Graceful shutdown: stop the triggers, let deliveries in flight finish, close the database. */
import type { Store } from '../store/store.ts';
import type { SchedulerLogger } from './ports.ts';
import type { Scheduler } from './scheduler.ts';

/** Stops the scheduler (waiting for deliveries in flight) and closes the store. Safe to call twice. */
export async function shutdownScheduler(scheduler: Scheduler, store: Store, logger?: SchedulerLogger): Promise<void> {
  logger?.info({}, 'scheduler: stopping; finishing deliveries in flight');
  await scheduler.stop();
  await store.close();
  logger?.info({}, 'scheduler: stopped; database closed');
}
