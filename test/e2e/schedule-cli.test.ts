import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileDeliveries } from '../../src/platforms/file/file-publisher.ts';
import { createFilePublisher } from '../../src/platforms/file/file-publisher.ts';
import { UsageError } from '../../src/cli/cli-context.ts';
import { registerScheduleCommands, type ScheduleCliContext } from '../../src/cli/schedule-cli.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { fakeBriefing } from '../scheduler/fake-briefing.ts';

let dir: string;
let out: string[];
let err: string[];
let now: Date;
let topic: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schedcli-'));
  out = [];
  err = [];
  now = new Date('2026-01-05T00:00:00Z');
  topic = (await loadConfig('config')).briefing.topics[0]!.id;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs one command line like `briefing …`; returns the exit code (2 for bad input, as the CLI does). */
async function run(...argv: string[]): Promise<number> {
  const ctx: ScheduleCliContext = {
    config: () => loadConfig('config'),
    briefing: async () => fakeBriefing([{ id: 'x1', topic, at: '2026-01-04T10:00:00.000Z', text: 'A point.' }], [topic]),
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    env: { BRIEFING_DB: path.join(dir, 'db', 'briefing.db') },
    publishers: () => ({ file: createFilePublisher({ now: () => now }) }),
    now: () => now,
  };
  const program = new Command('briefing').exitOverride().configureOutput({ writeErr: (t) => void err.push(t), writeOut: (t) => void out.push(t) });
  registerScheduleCommands(program, ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err.push(e.message);
      return 2;
    }
    if ((e as { exitCode?: number }).exitCode !== undefined) return 2;
    throw e;
  }
}
const lastJson = () => JSON.parse(out[out.length - 1]!) as Record<string, any>;

describe('briefing subscribe / schedule list / schedule run / unsubscribe', () => {
  it('subscribes, runs what is due once, lists the last delivery, and unsubscribes', async () => {
    const file = path.join(dir, 'out', 'digests.jsonl');
    expect(await run('subscribe', '--target', `file:${file}`, '--topic', topic, '--schedule', 'daily 08:00', '--timezone', 'Europe/Berlin', '--json')).toBe(0);
    const sub = lastJson();
    expect(sub).toMatchObject({ target: `file:${file}`, cron: '0 8 * * *', timezone: 'Europe/Berlin', nextRun: '2026-01-05T07:00:00.000Z' });

    expect(await run('schedule', 'run', '--at', '2026-01-05T07:00:00Z', '--json')).toBe(0);
    expect(lastJson().deliveries).toEqual([expect.objectContaining({ state: 'sent', key: `${sub.id}@2026-01-05T07:00:00.000Z` })]);
    expect(await run('schedule', 'run', '--at', '2026-01-05T07:30:00Z', '--json')).toBe(0);
    expect(lastJson().deliveries).toEqual([]);
    expect(readFileDeliveries(file)).toHaveLength(1);
    expect(readFileDeliveries(file)[0]!.text).toContain('A point.');

    now = new Date('2026-01-05T09:00:00Z');
    expect(await run('schedule', 'list', '--json')).toBe(0);
    expect(lastJson().subscriptions).toEqual([
      expect.objectContaining({ id: sub.id, nextRun: '2026-01-06T07:00:00.000Z', lastDelivery: expect.objectContaining({ state: 'sent', slot: '2026-01-05T07:00:00.000Z' }) }),
    ]);
    expect(await run('schedule', 'list')).toBe(0);
    expect(out[out.length - 1]).toContain(sub.id);

    expect(await run('unsubscribe', sub.id)).toBe(0);
    expect(await run('schedule', 'list', '--json')).toBe(0);
    expect(lastJson().subscriptions).toEqual([]);
  });

  it('exits 2 with a message naming the field on bad input', async () => {
    expect(await run('schedule', 'run', '--at', 'yesterday')).toBe(2);
    expect(err.pop()).toMatch(/--at must be an ISO 8601 instant/);
    expect(await run('subscribe', '--target', 'file:x', '--topic', topic, '--timezone', 'Atlantis/Capital')).toBe(2);
    expect(err.pop()).toMatch(/timezone "Atlantis\/Capital"/);
    expect(await run('subscribe', '--target', 'discord:nope', '--topic', topic)).toBe(2);
    expect(err.pop()).toMatch(/target "discord:nope"/);
    expect(await run('subscribe', '--target', 'file:x', '--topic', 'no-such-topic')).toBe(2);
    expect(err.pop()).toMatch(/known topics: /);
    expect(await run('subscribe', '--target', 'file:x', '--topic', topic, '--schedule', 'daily 24:61')).toBe(2);
    expect(err.pop()).toMatch(/schedule "daily 24:61"/);
    expect(await run('unsubscribe', 'missing')).toBe(2);
    expect(err.pop()).toMatch(/no subscription "missing"/);
  });
});
