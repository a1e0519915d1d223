/**
 * A delivery process for the crash test: runs the scheduler over a list of instants against a file DB,
 * a file target and the loopback platform stub, and kills itself with SIGKILL at a chosen point.
 * Env: CRASH_DB, CRASH_FILE, CRASH_API (stub base), CRASH_START (ISO), CRASH_HOURS,
 * CRASH_POINT (before-send | after-accept | after-record | none), CRASH_AFTER (n), CRASH_LOG (file).
 * CRASH_MODE=serve: start the scheduler (as main.ts does) and shut down gracefully on SIGTERM.
 */
import fs from 'node:fs';
import { createDiscordPublisher } from '../../src/platforms/discord/discord-publisher.ts';
import { createFilePublisher } from '../../src/platforms/file/file-publisher.ts';
import { createTelegramPublisher } from '../../src/platforms/telegram/telegram-publisher.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import { shutdownScheduler } from '../../src/scheduler/shutdown.ts';
import { createSubscriptionService } from '../../src/scheduler/subscription-service.ts';
import { sqliteStore } from '../../src/store/sqlite-store.ts';
import { fakeBriefing } from '../scheduler/fake-briefing.ts';
import { killAt } from '../helpers/kill-points.ts';
import { parseTarget } from '../helpers/targets.ts';

const env = process.env;
const start = new Date(env.CRASH_START ?? '2026-06-01T00:00:00Z').getTime();
const hours = Number(env.CRASH_HOURS ?? 12);
const point = env.CRASH_POINT ?? 'none';
const after = Number(env.CRASH_AFTER ?? 1);
let now = new Date(start - 60_000);

const wrap = killAt(
  () => ({ point, after }),
  (_key, target) => fs.appendFileSync(env.CRASH_LOG!, `${JSON.stringify({ point, target: target.raw, at: now.toISOString() })}\n`),
);

const store = sqliteStore(env.CRASH_DB!);
const clock = { now: () => now };
const service = createSubscriptionService({ store: store.subscriptions, knownTopics: () => ['alpha'], now: clock.now, parseTarget });
for (const [id, target] of [
  ['file-sub', `file:${env.CRASH_FILE}`],
  ['tg-sub', 'telegram:-777'],
  ['dc-sub', 'discord:123456789012345678'],
] as const) {
  const r = await service.subscribe({ id, target, topics: ['alpha'], schedule: 'hourly', timezone: 'UTC' });
  if (!r.ok) throw new Error(r.error.message);
}
const scheduler = createScheduler({
  store,
  briefing: () => fakeBriefing([{ id: 'a', topic: 'alpha', at: '2026-01-01T00:00:00.000Z', text: 'Standing point.' }], ['alpha']),
  publishers: {
    file: wrap(createFilePublisher({ now: clock.now })),
    telegram: wrap(createTelegramPublisher({ token: '1:a', apiRoot: env.CRASH_API!, timeoutMs: 2000 })),
    discord: wrap(createDiscordPublisher({ token: 't', api: `${env.CRASH_API}/api`, timeoutMs: 2000 })),
  },
  clock,
  sleep: async () => {},
  trigger: () => () => {},
});
if (env.CRASH_MODE === 'serve') {
  now = new Date(start + 5 * 60_000);
  process.once('SIGTERM', () => {
    process.stdout.write('SIGTERM\n');
    void shutdownScheduler(scheduler, store).then(() => {
      process.stdout.write('stopped\n');
      process.exit(0);
    });
  });
  await scheduler.start();
  process.stdout.write('started\n');
  await new Promise(() => {});
}
for (let h = 0; h < hours; h++) {
  now = new Date(start + h * 3_600_000 + 5 * 60_000);
  await scheduler.runDue(now);
}
await scheduler.stop();
await store.close();
process.stdout.write('done\n');
