/**
 * One bot instance for the multi-instance tests: a scheduler on the shared PostgreSQL store, posting to a file
 * target and to the loopback Discord stub, looping `runDue` until every expected delivery is `sent`. It kills
 * itself with SIGKILL at a chosen point (before a send, after the platform accepted a part, after recording it).
 * It starts warm: loaded and connected, it prints `ready` and waits for its kill plan on stdin
 * (`{"point": "before-send" | "after-accept" | "after-record" | "none", "after": n}`), so a replacement is at hand
 * the moment an instance dies.
 * Env: INST_URL, INST_API (stub base), INST_TOTAL (deliveries expected), INST_EPOCH (shared real-time origin, ms),
 * INST_NOW (the instance clock at INST_EPOCH, ISO), INST_LEASE_MS, INST_LIVENESS (pid: same-host pid check |
 * lease: lease expiry only, as across hosts), INST_LOG (file of kills).
 */
import fs from 'node:fs';
import { createDiscordPublisher } from '../../src/platforms/discord/discord-publisher.ts';
import { createFilePublisher } from '../../src/platforms/file/file-publisher.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import { pgStore } from '../../src/store/pg-store.ts';
import { killAt } from '../helpers/kill-points.ts';
import { fakeBriefing } from './fake-briefing.ts';

const env = process.env;
let point = 'none';
let after = 1;
const total = Number(env.INST_TOTAL);
// Every instance reads the same clock: the scenario's instant plus the real time elapsed since the shared epoch.
const epoch = Number(env.INST_EPOCH);
const base = Date.parse(env.INST_NOW!);
const clock = { now: () => new Date(base + (Date.now() - epoch)) };

const wrap = killAt(
  () => ({ point, after }),
  (key) => fs.appendFileSync(env.INST_LOG!, `${JSON.stringify({ point, key, pid: process.pid })}\n`),
);

const store = pgStore(env.INST_URL!, [], { max: 3 });
const scheduler = createScheduler({
  store,
  briefing: () => fakeBriefing([{ id: 'a', topic: 'alpha', at: '2026-01-01T00:00:00.000Z', text: 'Standing point.' }], ['alpha']),
  publishers: {
    file: wrap(createFilePublisher({ now: clock.now })),
    discord: wrap(createDiscordPublisher({ token: 't', api: `${env.INST_API}/api`, timeoutMs: 5000 })),
  },
  clock,
  retry: { maxAttempts: 5, baseMs: 20, capMs: 200 },
  trigger: () => () => {},
  leaseMs: Number(env.INST_LEASE_MS ?? 600_000),
  ...(env.INST_LIVENESS === 'lease' ? { ownerAlive: () => true } : {}),
});
await store.pg.ready;
process.stdout.write('ready\n');
const plan = await new Promise<string>((resolve) => {
  let buf = '';
  process.stdin.on('data', (c: Buffer) => {
    buf += c.toString();
    if (buf.includes('\n')) resolve(buf.split('\n')[0]!);
  });
});
({ point, after } = JSON.parse(plan) as { point: string; after: number });
process.stdin.destroy();
const deadline = Date.now() + 90_000;
for (;;) {
  await scheduler.runDue();
  const sent = Number((await store.pg.query<{ n: string }>(`SELECT count(*) AS n FROM deliveries WHERE state = 'sent'`)).rows[0]?.n);
  if (sent >= total) break;
  if (Date.now() > deadline) {
    process.stderr.write(`gave up: ${sent} of ${total} sent\n`);
    process.exit(3);
  }
  await new Promise((r) => setTimeout(r, 25));
}
await scheduler.stop();
await store.close();
process.stdout.write('done\n');
