/** Polls the due feeds on a node-cron schedule (default every 5 minutes); each feed's own interval decides what is due. */
import cron from 'node-cron';
import type { FeedLogger, FeedService } from './feed-service.ts';
import type { PollResult } from './feed-model.ts';

/** Options of `startFeedPolling`. */
export interface FeedPollingOptions {
  service: FeedService;
  /** A cron expression for the ticks (default every 5 minutes). */
  cron?: string;
  timezone?: string;
  logger?: FeedLogger;
  /** Called after each poll (the live briefing may reload once per poll rather than per article). */
  onPoll?: (result: PollResult) => void | Promise<void>;
}

/** A running poller: `stop` ends the ticks and waits for a poll in progress. */
export interface FeedPolling {
  stop(): Promise<void>;
  /** Runs one due poll now (also what each tick does). */
  tick(): Promise<PollResult | undefined>;
}

/** Starts polling; ticks never overlap (node-cron's `noOverlap`, and the service runs one poll at a time). */
export function startFeedPolling(options: FeedPollingOptions): FeedPolling {
  const expression = options.cron ?? '*/5 * * * *';
  if (!cron.validate(expression)) throw new Error(`feed polling schedule "${expression}" is not a cron expression; use e.g. "*/5 * * * *"`);
  let running: Promise<PollResult | undefined> = Promise.resolve(undefined);
  let stopped = false;
  const tick = () => {
    if (stopped) return Promise.resolve(undefined);
    running = (async () => {
      try {
        const r = await options.service.poll({ due: true });
        if (r.articles.length || r.issues.length)
          options.logger?.info({ added: r.articles.length, issues: r.issues.length, feeds: r.feeds.length }, 'feeds polled');
        await options.onPoll?.(r);
        return r;
      } catch (err) {
        options.logger?.error({ err: (err as Error).stack ?? String(err) }, 'feed poll failed');
        return undefined;
      }
    })();
    return running;
  };
  const task = cron.schedule(expression, () => tick(), {
    noOverlap: true,
    name: 'briefing-feeds',
    ...(options.timezone ? { timezone: options.timezone } : {}),
  });
  return {
    tick,
    async stop() {
      stopped = true;
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}
