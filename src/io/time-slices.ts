/**
 * For a long loop on the main thread: called between items, it returns a promise that lets the event loop
 * run (so the bot answers commands meanwhile) once `ms` of work has passed since the last pause, else nothing.
 */
export function timeSlices(ms: number): () => Promise<void> | undefined {
  let slice = performance.now();
  return () => {
    if (performance.now() - slice < ms) return undefined;
    return new Promise((resolve) =>
      setImmediate(() => {
        slice = performance.now();
        resolve();
      }),
    );
  };
}
