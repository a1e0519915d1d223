import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/rate-limit.ts';

describe('createRateLimiter', () => {
  it('allows a burst of perMinute, then refuses with a wait, then refills', () => {
    let t = 0;
    const limiter = createRateLimiter({ perMinute: 3, now: () => t });
    expect([1, 2, 3].map(() => limiter.take('u').allowed)).toEqual([true, true, true]);
    const refused = limiter.take('u');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 20, notify: true });
    expect(limiter.take('u')).toEqual({ allowed: false, retryAfterSeconds: 20, notify: false });
    expect(limiter.take('other').allowed).toBe(true);
    t = 20_000;
    expect(limiter.take('u').allowed).toBe(true);
    expect(limiter.take('u')).toMatchObject({ allowed: false, notify: true });
  });
  it('does not limit with perMinute 0 and rejects a negative rate by name', () => {
    const limiter = createRateLimiter({ perMinute: 0 });
    for (let i = 0; i < 100; i++) expect(limiter.take('u').allowed).toBe(true);
    expect(() => createRateLimiter({ perMinute: -1 })).toThrow(/perMinute/);
  });
  it('forgets the oldest users beyond maxKeys', () => {
    const limiter = createRateLimiter({ perMinute: 1, now: () => 0, maxKeys: 2 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    expect(limiter.take('a').allowed).toBe(true);
  });
});
