/**
 * A publisher whose platform library is loaded on its first delivery, so a bot that never delivers to a
 * platform (or has not yet) does not pay for importing its client library at start.
 */
import type { Publisher } from '../../scheduler/publisher.ts';

/** A publisher made by `load` on first use (once; a failed load is retried on the next delivery). */
export function lazyPublisher(load: () => Promise<Publisher>): Publisher {
  let made: Promise<Publisher> | undefined;
  return {
    async post(target, reply, opts) {
      made ??= load().catch((err: unknown) => {
        made = undefined;
        throw err;
      });
      return (await made).post(target, reply, opts);
    },
  };
}
