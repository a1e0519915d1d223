/**
 * A per-user token bucket: each user may run `perMinute` commands a minute, with bursts up to that many.
 * A user over the limit is told once (`notify`); further refusals until a command is allowed again are
 * silent, so a flood in a group chat gets one "slow down", not one per command.
 */

/** Whether a user may run a command now; if not, when again, and whether to say so (only the first refusal in a row). */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; notify: boolean };

/** The limiter the adapters share. */
export interface RateLimiter {
  /** Takes one token for `key` (e.g. `telegram:42`) if there is one. */
  take(key: string): RateDecision;
}

/** Options of the limiter. */
export interface RateLimitOptions {
  perMinute: number;
  /** Milliseconds since some epoch; injected for tests. */
  now?: () => number;
  /** At most this many users are remembered (oldest forgotten first). */
  maxKeys?: number;
}

/** Creates a token-bucket limiter keyed by user. `perMinute` 0 disables limiting. */
export function createRateLimiter(opts: RateLimitOptions): RateLimiter {
  if (!Number.isFinite(opts.perMinute) || opts.perMinute < 0) {
    throw new RangeError(`perMinute must be a number ≥ 0 (0 disables the limit), got ${opts.perMinute}`);
  }
  const now = opts.now ?? Date.now;
  const capacity = opts.perMinute;
  const refillPerMs = capacity / 60_000;
  const maxKeys = opts.maxKeys ?? 10_000;
  const buckets = new Map<string, { tokens: number; at: number; told?: boolean }>();
  return {
    take(key) {
      if (capacity === 0) return { allowed: true };
      const t = now();
      const b = buckets.get(key) ?? { tokens: capacity, at: t };
      b.tokens = Math.min(capacity, b.tokens + (t - b.at) * refillPerMs);
      b.at = t;
      buckets.delete(key);
      buckets.set(key, b);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        b.told = false;
        return { allowed: true };
      }
      const notify = !b.told;
      b.told = true;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / refillPerMs / 1000)), notify };
    },
  };
}
