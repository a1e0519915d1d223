import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../src/commands/command.ts';
import { runCommand } from '../../src/commands/run-command.ts';
import type { SubscriptionPort } from '../../src/commands/subscription-port.ts';
import { createSubscriptionService } from '../../src/scheduler/subscription-service.ts';
import { memorySubscriptionStore } from '../../src/store/memory-store.ts';
import { corpusDeps } from './corpus-deps.ts';
import { parseTarget } from '../helpers/targets.ts';

let deps: CommandDeps;
beforeAll(async () => {
  deps = await corpusDeps();
});

describe('the commands with the real subscription service', () => {
  it('subscribes a chat with the default schedule and refuses a bad schedule with the service message', async () => {
    const topics = deps
      .briefing()
      .topics()
      .map((t) => t.id);
    const service: SubscriptionPort = createSubscriptionService({
      store: memorySubscriptionStore(),
      knownTopics: () => topics,
      now: deps.clock,
      newId: () => 'abc123',
      parseTarget,
    });
    const d = { ...deps, subscriptions: service };
    const ctx = { target: 'telegram:-100123', user: 'telegram:9' };
    const ok = await runCommand(d, 'subscribe', topics[0]!, ctx);
    expect(ok.title).toBe('Subscribed');
    expect(ok.sections[0]?.text).toContain('abc123');
    const list = await runCommand(d, 'subscriptions', '', ctx);
    expect(list.sections[0]?.points[0]?.text).toContain(topics[0]);
    const bad = await runCommand(d, 'subscribe', `${topics[0]} 99 99 * * *`, ctx);
    expect(bad.kind).toBe('error');
    expect(bad.sections[0]?.text).toMatch(/schedule/i);
    expect((await runCommand(d, 'unsubscribe', 'abc123', ctx)).title).toBe('Unsubscribed');
  });
});
