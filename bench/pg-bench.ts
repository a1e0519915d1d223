/**
 * Several instances on PostgreSQL: 10,000 due deliveries (one slot each of 10,000 subscriptions) to one file
 * target, shared by 4 scheduler processes on one database. Measures the wall time from the go signal to the
 * last delivery, and the claim overhead of each delivery: the time in the store calls that decide which
 * instance sends it (the lookup, the insert of its record, a lease claim). Checks that none was doubled or lost.
 * Uses BENCH_DATABASE_URL when set, else starts a throwaway server on loopback. Last line: one JSON object.
 * Env: BENCH_PG_INSTANCES (default 4), BENCH_PG_DELIVERIES (default 10000).
 * Run: npm run bench:pg
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFileDeliveries, createFilePublisher } from '../src/platforms/file/file-publisher.ts';
import { createScheduler } from '../src/scheduler/scheduler.ts';
import type { DeliveryLog } from '../src/store/delivery-log.ts';
import { pgStore } from '../src/store/pg-store.ts';
import { fakeBriefing } from '../test/scheduler/fake-briefing.ts';
import { startPostgres, postgresUnavailable } from '../test/helpers/postgres-server.ts';

const SLOT_NOW = '2026-06-01T10:05:00.000Z';

/** One instance: warm (loaded, connected), then on "go" delivers until all are sent; prints its claim times. */
async function worker(): Promise<void> {
  const total = Number(process.env.BENCH_TOTAL);
  const store = pgStore(process.env.BENCH_URL!, [], { max: 4 });
  const claimMs = new Map<string, number>();
  const timed = <K extends keyof DeliveryLog>(name: K) => {
    const f = store.deliveries[name] as (key: string, ...rest: unknown[]) => Promise<unknown>;
    (store.deliveries as unknown as Record<string, unknown>)[name] = async (key: string, ...rest: unknown[]) => {
      const t = performance.now();
      try {
        return await f(key, ...rest);
      } finally {
        claimMs.set(key, (claimMs.get(key) ?? 0) + performance.now() - t);
      }
    };
  };
  const beginOf = store.deliveries.begin;
  store.deliveries.begin = async (r) => {
    const t = performance.now();
    try {
      return await beginOf(r);
    } finally {
      claimMs.set(r.key, (claimMs.get(r.key) ?? 0) + performance.now() - t);
    }
  };
  timed('get');
  timed('claim');
  const scheduler = createScheduler({
    store,
    briefing: () => fakeBriefing([{ id: 'a', topic: 'alpha', at: '2026-01-01T00:00:00.000Z', text: 'Standing point.' }], ['alpha']),
    publishers: { file: createFilePublisher({ now: () => new Date(SLOT_NOW) }) },
    clock: { now: () => new Date(SLOT_NOW) },
    trigger: () => () => {},
  });
  await store.pg.ready;
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const mine: number[] = [];
  for (;;) {
    for (const o of await scheduler.runDue()) if (o.state === 'sent') mine.push(claimMs.get(o.key) ?? 0);
    const sent = Number((await store.pg.query<{ n: string }>(`SELECT count(*) AS n FROM deliveries WHERE state = 'sent'`)).rows[0]?.n);
    if (sent >= total) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await scheduler.stop();
  await store.close();
  process.stdout.write(`${JSON.stringify({ sent: mine.length, claims: mine })}\n`);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const log = (what: string, value: number | string, unit: string) => console.error(`${what.padEnd(44)} ${String(value).padStart(10)} ${unit}`);

async function main(): Promise<void> {
  const instances = Number(process.env.BENCH_PG_INSTANCES ?? 4);
  const total = Number(process.env.BENCH_PG_DELIVERIES ?? 10_000);
  const server = process.env.BENCH_DATABASE_URL ? undefined : await startPostgres();
  if (!process.env.BENCH_DATABASE_URL && !server) {
    console.error(`pg bench skipped: no PostgreSQL server could be started (${postgresUnavailable()})`);
    console.log(JSON.stringify({ pg_skipped: 1 }));
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-bench-'));
  try {
    const url = server ? await server.freshDatabase('bench') : process.env.BENCH_DATABASE_URL!;
    const file = path.join(dir, 'out.jsonl');
    const setup = pgStore(url);
    await setup.pg.ready;
    await setup.pg.query('DELETE FROM deliveries');
    await setup.pg.query('DELETE FROM subscriptions');
    await setup.pg.query(
      `INSERT INTO subscriptions (id, target, topics, schedule, cron, timezone, on_empty, status, created_at)
       SELECT 's' || lpad(i::text, 6, '0'), $1, '["alpha"]', 'hourly', '0 * * * *', 'UTC', 'notify', 'active', '2026-06-01T00:00:00.000Z'
       FROM generate_series(1, $2::int) AS i`,
      [`file:${file}`, total],
    );
    const children = Array.from({ length: instances }, () =>
      spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--worker'], {
        env: { ...process.env, BENCH_URL: url, BENCH_TOTAL: String(total) },
        stdio: ['pipe', 'pipe', 'inherit'],
      }),
    );
    const outputs = children.map(
      (c) =>
        new Promise<string>((resolve, reject) => {
          let out = '';
          c.stdout.on('data', (b: Buffer) => (out += b.toString()));
          c.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`an instance exited with ${code}`))));
        }),
    );
    await Promise.all(children.map((c) => new Promise((r) => c.stdout.once('data', r))));
    const t0 = performance.now();
    for (const c of children) c.stdin.end('go\n');
    const results = (await Promise.all(outputs)).map((o) => JSON.parse(o.trim().split('\n').pop()!) as { sent: number; claims: number[] });
    const wallMs = performance.now() - t0;

    const keys = readFileDeliveries(file).map((l) => l.key);
    const unique = new Set(keys);
    const sentRows = Number((await setup.pg.query<{ n: string }>(`SELECT count(*) AS n FROM deliveries WHERE state = 'sent'`)).rows[0]?.n);
    await setup.close();
    const claims = results.flatMap((r) => r.claims).sort((a, b) => a - b);
    const figures = {
      pg_instances: instances,
      pg_deliveries: total,
      pg_wall_ms: wallMs,
      pg_deliveries_per_s: (total / wallMs) * 1000,
      pg_claim_p50_ms: pct(claims, 50),
      pg_claim_p99_ms: pct(claims, 99),
      pg_claim_max_ms: claims[claims.length - 1] ?? 0,
      pg_doubled: keys.length - unique.size,
      pg_lost: total - unique.size,
      pg_sent_records: sentRows,
      pg_share_min: Math.min(...results.map((r) => r.sent)),
      pg_share_max: Math.max(...results.map((r) => r.sent)),
    };
    log(`${total} due deliveries, ${instances} instances`, Math.round(wallMs), 'ms');
    log('  deliveries per second', Math.round(figures.pg_deliveries_per_s), '/s');
    log('  claim overhead per delivery p50 / p99', `${figures.pg_claim_p50_ms.toFixed(2)} / ${figures.pg_claim_p99_ms.toFixed(2)}`, 'ms');
    log('  doubled / lost', `${figures.pg_doubled} / ${figures.pg_lost}`, '');
    log('  deliveries per instance (min–max)', `${figures.pg_share_min}–${figures.pg_share_max}`, '');
    console.log(JSON.stringify(Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Math.round(v * 100) / 100]))));
  } finally {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--worker')) await worker();
else await main();
