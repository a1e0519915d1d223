/**
 * Several bot instances on one PostgreSQL database share the scheduled work: every (subscription, slot) is
 * posted exactly once, to a file target and to the loopback Discord stub, although instances are SIGKILLed at
 * random points (before a send, after the platform accepted it, after recording it) and restarted.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { discordNonce } from '../../src/platforms/discord/discord-publisher.ts';
import { readFileDeliveries } from '../../src/platforms/file/file-publisher.ts';
import { pgStore } from '../../src/store/pg-store.ts';
import type { Subscription } from '../../src/store/subscription-store.ts';
import { startPlatformStub, type PlatformStub } from '../helpers/platform-stub.ts';
import { postgresForTests } from '../helpers/postgres-server.ts';
import { hourlySubscription } from '../helpers/hourly-subscription.ts';

const WORKER = path.join(import.meta.dirname, 'instance-worker.ts');
const SLOT = '2026-06-01T10:00:00.000Z';
const server = await postgresForTests('several instances on PostgreSQL');
const dirs: string[] = [];
let stub: PlatformStub | undefined;
afterAll(async () => {
  await stub?.close();
  await server?.stop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
beforeEach(async () => {
  await stub?.close();
  stub = await startPlatformStub();
});

type Exit = { code: number | null; signal: NodeJS.Signals | null; stderr: string };

/** A worker started ahead of need: loaded and connected, waiting for its kill plan. */
interface Warm {
  ready: Promise<void>;
  start(plan: { point: string; after: number }): Promise<Exit>;
  kill(): void;
}

function warmWorker(env: Record<string, string>): Warm {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exit = new Promise<Exit>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => c.toString().includes('ready') && resolve());
    void exit.then((e) => reject(new Error(`worker exited before it was ready: ${e.stderr}`)));
  });
  ready.catch(() => {});
  return {
    ready,
    async start(plan) {
      await ready;
      child.stdin!.end(`${JSON.stringify(plan)}\n`);
      return exit;
    },
    kill: () => child.kill('SIGKILL'),
  };
}

interface Scenario {
  instances: number;
  /** Slots in all, half to the file target, half to Discord (five channels). */
  slots: number;
  kills: number;
  liveness: 'pid' | 'lease';
  leaseMs: number;
  seed: number;
}

/** Runs a scenario to the end and checks that every slot was posted exactly once everywhere. */
async function run(s: Scenario) {
  const url = await server!.freshDatabase('instances');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'instances-'));
  dirs.push(dir);
  const file = path.join(dir, 'out.jsonl');
  const store = pgStore(url);
  const subs: Subscription[] = Array.from({ length: s.slots }, (_, i) =>
    hourlySubscription({
      id: `${i % 2 ? 'd' : 'f'}${String(i).padStart(3, '0')}`,
      target: i % 2 ? `discord:10000000000000000${i % 5}` : `file:${file}`,
    }),
  );
  for (const sub of subs) await store.subscriptions.insert(sub);

  let seed = s.seed;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const points = ['before-send', 'after-accept', 'after-record'];
  let planned = 0;
  let kills = 0;
  const log = path.join(dir, 'kills.log');
  const env = {
    INST_URL: url,
    INST_API: stub!.discordApi.replace(/\/api$/, ''),
    INST_TOTAL: String(s.slots),
    INST_EPOCH: String(Date.now()),
    INST_NOW: '2026-06-01T10:05:00.000Z',
    INST_LEASE_MS: String(s.leaseMs),
    INST_LIVENESS: s.liveness,
    INST_LOG: log,
  };
  // Replacements are started ahead, so an instance that dies is replaced at once (starting one costs seconds here).
  const keep = Math.ceil(s.instances / 2);
  const spares: Warm[] = Array.from({ length: s.instances + keep }, () => warmWorker(env));
  const take = () => {
    const w = spares.shift()!;
    if (spares.length < keep) spares.push(warmWorker(env));
    return w;
  };
  // The instances without a kill plan wait for the first kill (or for every planned one to end): on a busy
  // machine one instance started early could otherwise take every slot before a planned kill point is reached.
  let killedOnce: () => void = () => {};
  const firstKill = new Promise<void>((resolve) => {
    killedOnce = resolve;
  });
  let killPlansRunning = 0;
  const launch = async (): Promise<void> => {
    const kill = planned < s.kills;
    if (kill) planned++;
    if (!kill) await firstKill;
    if (kill) killPlansRunning++;
    const plan = kill ? { point: points[next(3)]!, after: 1 + next(4) } : { point: 'none', after: 0 };
    const exit = await take()
      .start(plan)
      .finally(() => {
        if (kill && --killPlansRunning === 0 && planned >= Math.min(s.kills, s.instances)) killedOnce();
      });
    if (exit.signal === 'SIGKILL') {
      kills++;
      killedOnce();
      return launch();
    }
    expect(exit, exit.stderr).toMatchObject({ code: 0 });
  };
  try {
    await Promise.all(Array.from({ length: s.instances }, launch));
  } finally {
    for (const w of spares) w.kill();
  }

  const fileKeys = subs.filter((x) => x.target.startsWith('file:')).map((x) => `${x.id}@${SLOT}`);
  const discordKeys = subs.filter((x) => x.target.startsWith('discord:')).map((x) => `${x.id}@${SLOT}`);
  // the file target: one line per slot, none doubled, none lost
  expect(
    readFileDeliveries(file)
      .map((l) => l.key)
      .sort(),
  ).toEqual(fileKeys.sort());
  // Discord: one accepted message per slot; a retry after a kill was deduplicated by its nonce
  const posted = stub!.messages.filter((m) => m.platform === 'discord' && !m.deduped);
  expect(posted.map((m) => m.nonce).sort()).toEqual(discordKeys.map((k) => discordNonce(k, 0)).sort());
  const all = await store.deliveries.list();
  expect(all.map((r) => `${r.key}:${r.state}`).sort()).toEqual([...fileKeys, ...discordKeys].map((k) => `${k}:sent`).sort());
  await store.close();
  expect(kills).toBeGreaterThanOrEqual(Math.ceil(s.kills / 2));
  const deduped = stub!.messages.filter((m) => m.deduped).length;
  console.info(
    `${s.instances} instances × ${s.slots} slots (${s.liveness} liveness): ${kills} SIGKILLs, 0 doubled, 0 lost; ${deduped} Discord retries deduplicated by nonce`,
  );
  return { kills, deduped };
}

describe.runIf(server)('several scheduler instances on one PostgreSQL database', { timeout: 600_000 }, () => {
  it('two instances, 50 slots, SIGKILLs at random points: every slot posted exactly once', async () => {
    await run({ instances: 2, slots: 50, kills: 2, liveness: 'pid', leaseMs: 600_000, seed: 7 });
  });

  it('four instances, 50 slots, SIGKILLs at random points: every slot posted exactly once', async () => {
    await run({ instances: 4, slots: 50, kills: 3, liveness: 'pid', leaseMs: 600_000, seed: 11 });
  });

  it('four instances, 200 slots, 20 SIGKILLs, holders taken over only when their lease ends (as across hosts)', async () => {
    const r = await run({ instances: 4, slots: 200, kills: 20, liveness: 'lease', leaseMs: 2_500, seed: 23 });
    expect(r.kills).toBe(20);
  });
});
