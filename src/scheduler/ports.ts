/** Small ports the scheduler takes: a clock, a sleep and a logger (pino's interface fits). */

/** Tells the current instant. */
export interface Clock {
  now(): Date;
}

/** Waits; resolves early (without throwing) when the signal aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

type LogFn = (obj: object, msg?: string) => void;

/** The subset of a pino logger the scheduler uses. */
export interface SchedulerLogger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A real sleep that ends early on abort. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** A logger that drops everything. */
export const silentLogger: SchedulerLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
