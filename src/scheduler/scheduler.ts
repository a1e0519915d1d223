/**
 * The scheduler: on each trigger, reads subscriptions and the delivery log, asks `dueDeliveries`
 * what is due and delivers it. Deliveries to one target run in order; different targets run
 * independently, so one slow or failing target never holds up another.
 */
import type { Briefing } from '../core/briefing.ts';
import type { Store } from '../store/store.ts';
import { cronTrigger, type Trigger } from './cron-trigger.ts';
import { deliverSlot, type AdminNotice, type DeliveryOutcome, type RetryPolicy } from './deliver-slot.ts';
import { dueDeliveries, type DueDelivery } from './due-deliveries.ts';
import { realSleep, silentLogger, systemClock, type Clock, type SchedulerLogger, type Sleep } from './ports.ts';
import { makeOwnerId, type LeaseOwners } from './lease-owner.ts';
import { describeError, type Publishers } from './publisher.ts';

/** What the scheduler needs; everything but store, publishers and briefing has a default. */
export interface SchedulerOptions {
  store: Store;
  publishers: Publishers;
  /** The current briefing (it changes when articles are added). */
  briefing: () => Briefing;
  clock?: Clock;
  logger?: SchedulerLogger;
  sleep?: Sleep;
  retry?: RetryPolicy;
  notifyAdmin?: (notice: AdminNotice) => void | Promise<void>;
  /** What calls `runDue`; node-cron every minute by default. */
  trigger?: Trigger;
  /** Lease-owner id of this instance (default `host:pid:random`). */
  owner?: string;
  /** Lease length in ms (default 10 minutes): how long a slot whose sender died waits before another instance takes it over. */
  leaseMs?: number;
  /** Whether another lease owner is alive (default: same-host pid check). */
  ownerAlive?: (owner: string) => boolean | Promise<boolean>;
  /** This instance's lease identity and liveness check in one (instead of `owner` and `ownerAlive`). */
  owners?: LeaseOwners;
}

/** A running (or runnable) scheduler. */
export interface Scheduler {
  /** Starts the trigger and runs once at once (catching up a missed slot, resuming a cut-short send). */
  start(): Promise<void>;
  /** Delivers whatever is due at `now` (default: the clock); resolves when those deliveries end. */
  runDue(now?: Date): Promise<DeliveryOutcome[]>;
  /** Stops the trigger and waits for deliveries in flight; backoff waits are cut short. */
  stop(): Promise<void>;
  /** Resolves when no run or delivery is in flight (for tests and orderly exits). */
  idle(): Promise<void>;
}

/**
 * The same due list, started at a random subscription (keeping each subscription's own deliveries in order):
 * instances sharing a database then each begin on different slots instead of all racing for the first ones.
 */
export function spread(items: DueDelivery[], random: () => number = Math.random): DueDelivery[] {
  const starts = items.flatMap((d, i) => (i === 0 || items[i - 1]!.subscription.id !== d.subscription.id ? [i] : []));
  if (starts.length < 2) return items;
  const at = starts[Math.floor(random() * starts.length)]!;
  return [...items.slice(at), ...items.slice(0, at)];
}

/** Makes a scheduler. */
export function createScheduler(opts: SchedulerOptions): Scheduler {
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? silentLogger;
  const abort = new AbortController();
  const deps = {
    store: opts.store,
    publishers: opts.publishers,
    briefing: opts.briefing,
    clock,
    logger,
    sleep: opts.sleep ?? realSleep,
    signal: abort.signal,
    owner: opts.owner ?? opts.owners?.id ?? makeOwnerId(),
    ...(opts.leaseMs !== undefined ? { leaseMs: opts.leaseMs } : {}),
    ...(opts.ownerAlive || opts.owners ? { ownerAlive: opts.ownerAlive ?? opts.owners!.alive } : {}),
    ...(opts.retry ? { retry: opts.retry } : {}),
    ...(opts.notifyAdmin ? { notifyAdmin: opts.notifyAdmin } : {}),
  };
  /** Subscriptions with a delivery queued or in flight. */
  const busy = new Set<string>();
  /** The tail of each target's queue. */
  const chains = new Map<string, Promise<unknown>>();
  const inFlight = new Set<Promise<unknown>>();
  let stopTrigger: (() => Promise<void> | void) | undefined;
  let stopped = false;

  const enqueue = (items: DueDelivery[]): Promise<DeliveryOutcome[]> => {
    const target = items[0]!.subscription.target;
    for (const d of items) busy.add(d.subscription.id);
    const previous = chains.get(target) ?? Promise.resolve();
    const run = previous.then(async () => {
      const out: DeliveryOutcome[] = [];
      for (const d of items) {
        try {
          if (!stopped) out.push(await deliverSlot(deps, d));
        } catch (e) {
          logger.error({ subscription: d.subscription.id, slot: d.slot, err: describeError(e) }, 'delivery crashed');
        }
      }
      return out;
    });
    const settled = run.finally(() => {
      for (const d of items) busy.delete(d.subscription.id);
      if (chains.get(target) === settled) chains.delete(target);
      inFlight.delete(settled);
    });
    chains.set(target, settled);
    inFlight.add(settled);
    return run;
  };

  const runDue = async (now: Date = clock.now()): Promise<DeliveryOutcome[]> => {
    if (stopped) return [];
    const subs = await opts.store.subscriptions.list();
    const log = await opts.store.deliveries.latest(subs.map((s) => s.id));
    const due = dueDeliveries(now, subs, log).filter((d) => !busy.has(d.subscription.id));
    const byTarget = new Map<string, DueDelivery[]>();
    for (const d of due) {
      const list = byTarget.get(d.subscription.target);
      if (list) list.push(d);
      else byTarget.set(d.subscription.target, [d]);
    }
    if (opts.store.shared) for (const [t, list] of byTarget) byTarget.set(t, spread(list));
    if (due.length > 0) logger.debug({ at: now.toISOString(), due: due.length }, 'deliveries due');
    const results = await Promise.all([...byTarget.values()].map(enqueue));
    return results.flat();
  };

  const tick = () => {
    const p: Promise<unknown> = runDue()
      .catch((e) => logger.error({ err: describeError(e) }, 'scheduled run failed'))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  const idle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };

  return {
    async start() {
      if (stopped) throw new Error('scheduler: start() after stop(); make a new scheduler');
      stopTrigger = (opts.trigger ?? cronTrigger())(tick);
      tick();
    },
    runDue,
    async stop() {
      stopped = true;
      await stopTrigger?.();
      stopTrigger = undefined;
      abort.abort();
      await idle();
    },
    idle,
  };
}
