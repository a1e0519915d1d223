/** Command deps over the bundled corpus and config, built once per test file. */
import pino from 'pino';
import { openBriefingService } from '../../src/app/briefing-service.ts';
import type { CommandDeps } from '../../src/commands/command.ts';
import type { SubscriptionPort, SubscriptionView } from '../../src/commands/subscription-port.ts';
import { loadConfig } from '../../src/config/load-config.ts';

/** Deps whose briefing is the bundled corpus with the bundled config. */
export async function corpusDeps(extra: Partial<CommandDeps> = {}): Promise<CommandDeps> {
  const config = await loadConfig('config');
  const service = await openBriefingService({ config, corpusDirs: ['briefings/corpus'], logger: pino({ level: 'silent' }) });
  const briefing = service.current();
  return { briefing: () => briefing, clock: () => new Date('2025-09-01T08:00:00Z'), ...extra };
}

/** An in-memory subscription port that records calls. */
export function memorySubscriptions(): SubscriptionPort & { items: SubscriptionView[] } {
  const items: SubscriptionView[] = [];
  let n = 0;
  return {
    items,
    async subscribe(input) {
      if (input.schedule === 'bogus') return { ok: false, error: { code: 'bad_schedule', message: 'schedule: expected a preset' } };
      const s: SubscriptionView = {
        id: `s${++n}`,
        target: input.target,
        topics: input.topics,
        schedule: input.schedule || 'daily 08:00',
        timezone: input.timezone ?? 'UTC',
      };
      items.push(s);
      return { ok: true, value: s };
    },
    async unsubscribe(id, target) {
      const i = items.findIndex((s) => s.id === id && (!target || s.target === target));
      if (i < 0) return { ok: false, error: { code: 'not_found', message: `id: no subscription "${id}"` } };
      return { ok: true, value: items.splice(i, 1)[0]! };
    },
    async list(target) {
      return items.filter((s) => !target || s.target === target);
    },
  };
}
