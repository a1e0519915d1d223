/** The trigger: node-cron calls back once a minute; what is due is decided elsewhere, purely. */
import cron from 'node-cron';

/** Starts calling `onTick` on a schedule; returns a function that stops it. */
export type Trigger = (onTick: () => void) => () => Promise<void> | void;

/**
 * A node-cron trigger every minute (`noOverlap`), in UTC. One minute tick serves every subscription:
 * slots are computed in each subscription's own time zone by `dueDeliveries`, which also covers
 * daylight-saving gaps and subscriptions added while running, without re-registering tasks.
 */
export function cronTrigger(expression = '* * * * *', timezone = 'UTC'): Trigger {
  return (onTick) => {
    const task = cron.schedule(expression, () => onTick(), { timezone, noOverlap: true, name: 'briefing-scheduler' });
    return async () => {
      await task.stop();
      await task.destroy();
    };
  };
}
