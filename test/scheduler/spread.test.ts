import { describe, expect, it } from 'vitest';
import type { DueDelivery } from '../../src/scheduler/due-deliveries.ts';
import { spread } from '../../src/scheduler/scheduler.ts';
import type { Subscription } from '../../src/store/subscription-store.ts';

const due = (id: string, slot: string): DueDelivery => ({ subscription: { id } as Subscription, slot });

describe('spread (instances sharing a database start at different places)', () => {
  const items = [due('a', '1'), due('a', '2'), due('b', '1'), due('c', '1'), due('c', '2')];

  it('rotates the list to start at a subscription, keeping every delivery and each subscription in order', () => {
    expect(spread(items, () => 0).map((d) => d.subscription.id + d.slot)).toEqual(['a1', 'a2', 'b1', 'c1', 'c2']);
    expect(spread(items, () => 0.4).map((d) => d.subscription.id + d.slot)).toEqual(['b1', 'c1', 'c2', 'a1', 'a2']);
    expect(spread(items, () => 0.99).map((d) => d.subscription.id + d.slot)).toEqual(['c1', 'c2', 'a1', 'a2', 'b1']);
  });

  it("leaves a single subscription's deliveries as they are", () => {
    const one = [due('a', '1'), due('a', '2')];
    expect(spread(one, () => 0.7)).toEqual(one);
  });
});
