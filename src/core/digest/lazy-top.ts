/**
 * Top-k selection when the exact value of an item is costly but an upper bound is cheap: items are
 * evaluated in order of their bound, and an evaluated item is emitted as soon as no unevaluated item
 * can beat it. Exact for the first list, and it evaluates only as many items as that list needs.
 */

/** An evaluated item: its final value and which of the two lists it belongs to. */
export interface Evaluated<T> {
  item: T;
  value: number;
  /** 0: the first list (possible points), 1: the second (weak mentions). */
  list: 0 | 1;
}

/** A binary max-heap on `value`. */
class MaxHeap<T> {
  private readonly a: Evaluated<T>[] = [];
  get size(): number {
    return this.a.length;
  }
  peek(): Evaluated<T> | undefined {
    return this.a[0];
  }
  push(e: Evaluated<T>): void {
    const a = this.a;
    a.push(e);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p]!.value >= a[i]!.value) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): Evaluated<T> | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.value > a[m]!.value) m = l;
        if (r < a.length && a[r]!.value > a[m]!.value) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * The top `limit` items of the first list by final value, best first, and every item evaluated on the
 * way that fell into the second list (best first too). `bound(item)` must never be below the item's
 * final value; `evaluate(item)` gives the final value and list, or undefined to drop the item.
 */
export function lazyTop<T, R>(items: readonly T[], bound: (item: T) => number, evaluate: (item: T) => Evaluated<R> | undefined, limit: number): [R[], R[]] {
  const order = items.map((item) => ({ item, b: bound(item) })).sort((x, y) => y.b - x.b);
  const heap = new MaxHeap<R>();
  const out: [R[], R[]] = [[], []];
  let i = 0;
  while (out[0].length < limit) {
    const next = i < order.length ? order[i]!.b : -Infinity;
    const top = heap.peek();
    if (top && top.value >= next) {
      heap.pop();
      out[top.list].push(top.item);
      continue;
    }
    if (i >= order.length) break;
    const e = evaluate(order[i++]!.item);
    if (e) heap.push(e);
  }
  for (let e = heap.pop(); e; e = heap.pop()) if (e.list === 1) out[1].push(e.item);
  return out;
}
