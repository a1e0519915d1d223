import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileDeliveries } from '../../src/platforms/file/file-publisher.ts';
import { sqliteStore } from '../../src/store/sqlite-store.ts';
import { startPlatformStub, type PlatformStub } from '../helpers/platform-stub.ts';

const WORKER = path.join(import.meta.dirname, 'crash-worker.ts');
const HOURS = 12;

type Exit = { code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string };

function runWorker(env: Record<string, string>, onStart?: (child: ChildProcess) => void): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stderr, stdout }));
    onStart?.(child);
  });
}

let stub: PlatformStub;
let dir: string;
beforeEach(async () => {
  stub = await startPlatformStub();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crash-'));
});
afterEach(async () => {
  await stub.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('crash and restart (SIGKILL at chosen points)', { timeout: 600_000 }, () => {
  it('loses no slot and doubles none, except Telegram parts accepted but not recorded', async () => {
    const crashes: [string, number][] = [
      ['before-send', 2],
      ['after-accept', 3],
      ['after-record', 2],
      ['after-accept', 4],
      ['before-send', 5],
      ['after-accept', 2],
      ['after-record', 6],
      ['after-accept', 1],
    ];
    const base = {
      CRASH_DB: path.join(dir, 'data', 'briefing.db'),
      CRASH_FILE: path.join(dir, 'out.jsonl'),
      CRASH_API: stub.telegramApiRoot,
      CRASH_START: '2026-06-01T00:00:00Z',
      CRASH_HOURS: String(HOURS),
      CRASH_LOG: path.join(dir, 'crash.log'),
    };
    let killed = 0;
    for (const [point, after] of crashes) {
      const r = await runWorker({ ...base, CRASH_POINT: point, CRASH_AFTER: String(after) });
      if (r.signal === 'SIGKILL') killed += 1;
      else expect(r, r.stderr).toMatchObject({ code: 0 });
    }
    const last = await runWorker({ ...base, CRASH_POINT: 'none' });
    expect(last.code, last.stderr).toBe(0);

    const log = fs
      .readFileSync(base.CRASH_LOG, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { point: string; target: string });
    expect(log).toHaveLength(killed);
    expect(killed).toBeGreaterThanOrEqual(6);
    const slots = Array.from({ length: HOURS }, (_, h) => new Date(Date.parse('2026-06-01T00:00:00Z') + h * 3_600_000).toISOString());

    // file target: exactly one line per slot, thanks to the key check
    const lines = readFileDeliveries(base.CRASH_FILE);
    expect(lines.map((l) => l.key)).toEqual(slots.map((s) => `file-sub@${s}`));

    // discord: one message per slot; retries after a crash were deduplicated by nonce
    const discord = stub.messages.filter((m) => m.platform === 'discord');
    expect(new Set(discord.filter((m) => !m.deduped).map((m) => m.nonce)).size).toBe(HOURS);
    expect(discord.filter((m) => !m.deduped)).toHaveLength(HOURS);

    // telegram: one per slot, plus at most one duplicate per crash that fell between "Telegram accepted"
    // and "recorded" (the residual window): at least those aimed there, at most one per kill, since
    // another target's kill can catch a Telegram post in flight too
    const telegram = stub.messages.filter((m) => m.platform === 'telegram');
    const tgWindow = log.filter((c) => c.point === 'after-accept' && c.target.startsWith('telegram:')).length;
    expect(new Set(telegram.map((m) => m.text)).size).toBe(HOURS);
    expect(telegram.length).toBeGreaterThanOrEqual(HOURS + tgWindow);
    expect(telegram.length).toBeLessThanOrEqual(HOURS + killed);

    const store = sqliteStore(base.CRASH_DB);
    const all = await store.deliveries.list();
    expect(all).toHaveLength(3 * HOURS);
    expect(all.every((r) => r.state === 'sent')).toBe(true);
    await store.close();
    console.info(
      `crash test: ${killed} SIGKILLs (${log.map((c) => `${c.point}@${c.target.split(':')[0]}`).join(', ')}), ${killed + 1} restarts; ` +
        `file ${lines.length} lines, discord ${discord.length} posts (${discord.filter((m) => m.deduped).length} deduped by nonce), ` +
        `telegram ${telegram.length} posts (${telegram.length - HOURS} duplicates from the residual window; ${tgWindow} kills aimed there)`,
    );
  });

  it('SIGTERM mid-delivery: stops the trigger, finishes the post in flight, records it, closes the DB, exits 0', async () => {
    const base = {
      CRASH_DB: path.join(dir, 'briefing.db'),
      CRASH_FILE: path.join(dir, 'out.jsonl'),
      CRASH_API: stub.telegramApiRoot,
      CRASH_START: '2026-06-01T00:00:00Z',
      CRASH_LOG: path.join(dir, 'crash.log'),
      CRASH_MODE: 'serve',
    };
    stub.script('-777', [{ delayMs: 400 }]);
    const exit = await runWorker(base, (child) => {
      const poll = async () => {
        for (let i = 0; i < 1000 && !stub.requests.some((r) => r.platform === 'telegram'); i++) await new Promise((r) => setTimeout(r, 10));
        child.kill('SIGTERM');
      };
      void poll();
    });
    expect(exit, exit.stderr).toMatchObject({ code: 0, signal: null });
    expect(exit.stdout).toContain('SIGTERM\nstopped');
    expect(stub.messages.filter((m) => m.platform === 'telegram')).toHaveLength(1);
    const store = sqliteStore(base.CRASH_DB);
    const recs = await store.deliveries.list();
    expect(recs.map((r) => `${r.subscriptionId}:${r.state}`).sort()).toEqual(['dc-sub:sent', 'file-sub:sent', 'tg-sub:sent']);
    await store.close();
  });
});
