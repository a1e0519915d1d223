/** A clock tests move by hand, and a sleep that records instead of waiting. */

/** A settable clock: `now()` returns the set instant. */
export interface FakeClock {
  now(): Date;
  set(iso: string | Date): void;
  advance(ms: number): void;
  /** A sleep that advances the clock and records each wait, resolving at once. */
  sleep(ms: number): Promise<void>;
  /** Every wait asked of `sleep`, in order. */
  readonly sleeps: number[];
}

/** Makes a fake clock starting at `start`. */
export function fakeClock(start: string | Date = '2026-01-01T00:00:00Z'): FakeClock {
  let t = new Date(start).getTime();
  const sleeps: number[] = [];
  return {
    now: () => new Date(t),
    set: (iso) => {
      t = new Date(iso).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}
