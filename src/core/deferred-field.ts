/**
 * A property made on first read from what was kept for it, then kept as plain data: the raw form is dropped
 * once read. The state lives in a WeakMap, and every object gets the same getter and setter (one accessor per
 * property name, not per object), so objects keep one shape and hold no closures. A value set before the first
 * read replaces the raw form; on an object without kept state the property becomes a plain one.
 */
export interface Deferred<R> {
  raw: R | undefined;
  /** The value once made (never undefined then: a made value is a list or an object). */
  value: unknown;
}

export function deferredAccessor<O extends object, R>(
  key: string,
  state: WeakMap<object, Deferred<R>>,
  make: (self: O, raw: R) => unknown,
): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: O) {
      const d = state.get(this);
      if (!d) return undefined;
      if (d.value === undefined) {
        d.value = make(this, d.raw as R);
        d.raw = undefined;
      }
      return d.value;
    },
    set(this: O, value: unknown) {
      const d = state.get(this);
      if (d) {
        d.value = value;
        d.raw = undefined;
      } else Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
    },
  };
}

/** Keeps `raw` for `key` of `target` and makes the property read it through `accessor`. */
export function defer<R>(target: object, key: string, state: WeakMap<object, Deferred<R>>, accessor: PropertyDescriptor, raw: R): void {
  state.set(target, { raw, value: undefined });
  Object.defineProperty(target, key, accessor);
}
