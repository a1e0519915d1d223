/**
 * Operator commands for scheduled digests: `subscribe`, `unsubscribe`, `schedule list|run|resume|sync`.
 * Store, subscriptions, publishers and scheduler come from the composition, exactly as the bot has them.
 * Only `schedule sync` (and the bot at start) brings config-declared subscriptions into the store.
 * Bad input throws UsageError (exit 2).
 */
import type { Command } from 'commander';
import type { LoadedConfig } from '../config/load-config.ts';
import { nextSlot } from '../scheduler/cron-slots.ts';
import type { DeliveryOutcome } from '../scheduler/deliver-slot.ts';
import { parseSchedule } from '../scheduler/schedule-spec.ts';
import type { Subscription } from '../scheduler/subscription-service.ts';
import type { Store } from '../store/store.ts';
import { UsageError, type CliContext } from './cli-context.ts';

function nextRun(sub: Subscription, now: Date): string | undefined {
  const f = parseSchedule(sub.cron);
  const n = f.ok ? nextSlot(f.value.fields, sub.timezone, now.getTime()) : undefined;
  return n === undefined ? undefined : new Date(n).toISOString();
}

/** Registers `subscribe`, `unsubscribe` and `schedule …` on the program. */
export function registerScheduleCommands(program: Command, ctx: CliContext): void {
  const now = () => ctx.now();
  const withStore = async <T>(fn: (store: Store, config: LoadedConfig) => Promise<T>): Promise<T> => {
    const c = await ctx.composition();
    const store = c.openStore();
    try {
      return await fn(store, c.config);
    } finally {
      await store.close();
    }
  };
  const knownTopics = (config: LoadedConfig) => () => config.briefing.topics.map((t) => t.id);
  const service = async (store: Store, config: LoadedConfig) => (await ctx.composition()).subscriptionService(store, knownTopics(config), now);
  const print = (json: boolean, data: unknown, text: string) => ctx.out(json ? JSON.stringify(data, null, 2) : text);

  program
    .command('subscribe')
    .description('Subscribe a target to scheduled digests of one or more topics.')
    .requiredOption('--target <target>', 'discord:CHANNEL_ID, telegram:CHAT_ID or telegram:@channel, file:PATH')
    .requiredOption('--topic <topic>', 'a topic id (repeat for more)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--schedule <schedule>', 'a preset ("daily 08:00", "weekdays 18:30", "hourly", "weekly mon 09:00") or cron', 'daily 08:00')
    .option('--timezone <tz>', 'IANA time zone, e.g. Europe/Berlin (default: the configured one)')
    .option('--on-empty <mode>', 'notify (one line) or skip when nothing is new', 'notify')
    .option('--json', 'print JSON')
    .action(async (o: { target: string; topic: string[]; schedule: string; timezone?: string; onEmpty: string; json?: boolean }) =>
      withStore(async (store, config) => {
        if (o.onEmpty !== 'notify' && o.onEmpty !== 'skip') throw new UsageError(`--on-empty must be "notify" or "skip", not "${o.onEmpty}"`);
        const r = await (await service(store, config)).subscribe({
          target: o.target,
          topics: o.topic,
          schedule: o.schedule,
          ...(o.timezone ? { timezone: o.timezone } : {}),
          onEmpty: o.onEmpty,
          origin: 'cli',
          createdBy: 'cli',
        });
        if (!r.ok) throw new UsageError(r.error.message);
        const next = nextRun(r.value, now());
        print(
          !!o.json,
          { ...r.value, nextRun: next },
          `subscribed ${r.value.id}: ${r.value.topics.join(', ')} → ${r.value.target}, ${r.value.schedule} (${r.value.timezone}); next run ${next ?? 'never'}`,
        );
      }),
    );

  program
    .command('unsubscribe <id>')
    .description('Remove a subscription.')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { json?: boolean }) =>
      withStore(async (store, config) => {
        const r = await (await service(store, config)).unsubscribe(id);
        if (!r.ok) throw new UsageError(r.error.message);
        print(!!o.json, r.value, `unsubscribed ${r.value.id} (${r.value.target})`);
      }),
    );

  const schedule = program.command('schedule').description('Scheduled digests: list, run, resume.');

  schedule
    .command('list')
    .description('Subscriptions with their next run and last delivery.')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) =>
      withStore(async (store) => {
        const subs = await store.subscriptions.list();
        const rows = [];
        for (const s of subs) {
          const [last] = await store.deliveries.list({ subscriptionId: s.id, limit: 1 });
          rows.push({
            ...s,
            nextRun: s.status === 'active' ? nextRun(s, now()) : undefined,
            lastDelivery: last ? { slot: last.slot, state: last.state, error: last.error } : undefined,
          });
        }
        const text = rows.length
          ? rows
              .map(
                (r) =>
                  `${r.id}  ${r.status}${r.pausedReason ? ` (${r.pausedReason})` : ''}  ${r.target}  [${r.topics.join(', ')}]  ${r.schedule} ${r.timezone}  next ${r.nextRun ?? '-'}  last ${r.lastDelivery ? `${r.lastDelivery.slot} ${r.lastDelivery.state}` : '-'}`,
              )
              .join('\n')
          : 'no subscriptions';
        print(!!o.json, { subscriptions: rows }, text);
      }),
    );

  schedule
    .command('run')
    .description('Deliver whatever is due at an instant, then exit.')
    .requiredOption('--at <iso>', 'ISO 8601 instant, e.g. 2026-01-05T08:00:00Z')
    .option('--json', 'print JSON')
    .action(async (o: { at: string; json?: boolean }) => {
      const at = new Date(o.at);
      if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(o.at.trim()) || Number.isNaN(at.getTime())) {
        throw new UsageError(`--at must be an ISO 8601 instant such as 2026-01-05T08:00:00Z, not "${o.at}"`);
      }
      await withStore(async (store) => {
        const c = await ctx.composition();
        const briefing = await ctx.briefing();
        const scheduler = c.scheduler({ store, publishers: c.publishers(), briefing: () => briefing, clock: { now: () => at }, trigger: () => () => {} });
        const outcomes: DeliveryOutcome[] = await scheduler.runDue(at);
        await scheduler.stop();
        const text = outcomes.length
          ? outcomes.map((d) => `${d.key}  ${d.target}  ${d.state}${d.error ? `: ${d.error}` : ''}`).join('\n')
          : `nothing due at ${at.toISOString()}`;
        print(!!o.json, { at: at.toISOString(), deliveries: outcomes }, text);
      });
    });

  schedule
    .command('resume <id>')
    .description('Re-activate a paused subscription.')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { json?: boolean }) =>
      withStore(async (store, config) => {
        const r = await (await service(store, config)).resume(id);
        if (!r.ok) throw new UsageError(r.error.message);
        print(!!o.json, r.value, `resumed ${r.value.id}`);
      }),
    );

  schedule
    .command('sync')
    .description('Bring the subscriptions declared in config/briefing.yaml into the store (adds, updates, removes config ones only).')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) =>
      withStore(async (store, config) => {
        const report = await (await ctx.composition()).syncConfig(store, knownTopics(config));
        for (const e of report.errors) ctx.err(`config: ${e}`);
        const text = `added ${report.added.length}, updated ${report.updated.length}, unchanged ${report.unchanged.length}, removed ${report.removed.length}`;
        print(!!o.json, report, text);
      }),
    );
}
