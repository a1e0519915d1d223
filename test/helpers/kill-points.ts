/**
 * For crash tests: publishers that SIGKILL their own process at a chosen point of a delivery — before the send,
 * after the platform accepted a part, or after that part was recorded — on the n-th time that point is reached
 * (counted across every publisher the same `killAt` wraps).
 */
import type { Publisher } from '../../src/scheduler/publisher.ts';
import type { Target } from '../../src/scheduler/target.ts';

export interface KillPlan {
  point: 'before-send' | 'after-accept' | 'after-record' | 'none' | string;
  after: number;
}

/** Returns a wrapper for publishers; `plan` is read at each point, `record` is called just before the kill. */
export function killAt(plan: () => KillPlan, record: (key: string, target: Target) => void): (p: Publisher) => Publisher {
  let hits = 0;
  const hit = (where: string, key: string, target: Target) => {
    const { point, after } = plan();
    if (where !== point || ++hits !== after) return;
    record(key, target);
    process.kill(process.pid, 'SIGKILL');
  };
  return (p) => ({
    post(target, reply, opts) {
      hit('before-send', opts.idempotencyKey, target);
      return p.post(target, reply, {
        ...opts,
        onPart: async (i, id) => {
          hit('after-accept', opts.idempotencyKey, target);
          await opts.onPart?.(i, id);
          hit('after-record', opts.idempotencyKey, target);
        },
      });
    },
  });
}
