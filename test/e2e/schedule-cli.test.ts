import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { readFileDeliveries } from '../../src/platforms/file/file-publisher.ts';
import { cli, type CliResult } from '../helpers/cli-in-process.ts';

let dir: string;
let now: Date;
let topic: string;
let last: CliResult;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schedcli-'));
  now = new Date('2026-01-05T00:00:00Z');
  topic = (await loadConfig('config')).briefing.topics[0]!.id;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs one command line like `briefing …` in-process against this test's data folder; returns the exit code. */
async function run(...argv: string[]): Promise<number> {
  last = await cli(argv, { env: { BRIEFING_DATA_DIR: dir }, now: () => now });
  return last.code;
}
// biome-ignore lint/suspicious/noExplicitAny: the JSON output is checked field by field
const lastJson = () => JSON.parse(last.stdout) as Record<string, any>;

describe('briefing subscribe / schedule list / schedule run / unsubscribe', () => {
  it('subscribes, runs what is due once, lists the last delivery, and unsubscribes', async () => {
    const file = path.join(dir, 'out', 'digests.jsonl');
    expect(await run('subscribe', '--target', `file:${file}`, '--topic', topic, '--schedule', 'daily 08:00', '--timezone', 'Europe/Berlin', '--json')).toBe(0);
    const sub = lastJson();
    expect(sub).toMatchObject({ target: `file:${file}`, cron: '0 8 * * *', timezone: 'Europe/Berlin', nextRun: '2026-01-05T07:00:00.000Z' });
    expect(fs.existsSync(path.join(dir, 'briefing.db'))).toBe(true);

    expect(await run('schedule', 'run', '--at', '2026-01-05T07:00:00Z', '--json')).toBe(0);
    expect(lastJson().deliveries).toEqual([expect.objectContaining({ state: 'sent', key: `${sub.id}@2026-01-05T07:00:00.000Z` })]);
    expect(await run('schedule', 'run', '--at', '2026-01-05T07:30:00Z', '--json')).toBe(0);
    expect(lastJson().deliveries).toEqual([]);
    expect(readFileDeliveries(file)).toHaveLength(1);
    expect(readFileDeliveries(file)[0]!.reply.sections.flatMap((s) => s.points).length).toBeGreaterThan(0);

    now = new Date('2026-01-05T09:00:00Z');
    expect(await run('schedule', 'list', '--json')).toBe(0);
    expect(lastJson().subscriptions).toEqual([
      expect.objectContaining({
        id: sub.id,
        nextRun: '2026-01-06T07:00:00.000Z',
        lastDelivery: expect.objectContaining({ state: 'sent', slot: '2026-01-05T07:00:00.000Z' }),
      }),
    ]);
    expect(await run('schedule', 'list')).toBe(0);
    expect(last.stdout).toContain(sub.id);

    expect(await run('unsubscribe', sub.id)).toBe(0);
    expect(await run('schedule', 'list', '--json')).toBe(0);
    expect(lastJson().subscriptions).toEqual([]);
  });

  it('exits 2 with a message naming the field on bad input', async () => {
    expect(await run('schedule', 'run', '--at', 'yesterday')).toBe(2);
    expect(last.stderr).toMatch(/--at must be an ISO 8601 instant/);
    expect(await run('subscribe', '--target', 'file:x', '--topic', topic, '--timezone', 'Atlantis/Capital')).toBe(2);
    expect(last.stderr).toMatch(/timezone "Atlantis\/Capital"/);
    expect(await run('subscribe', '--target', 'discord:nope', '--topic', topic)).toBe(2);
    expect(last.stderr).toMatch(/target "discord:nope"/);
    expect(await run('subscribe', '--target', 'file:x', '--topic', 'no-such-topic')).toBe(2);
    expect(last.stderr).toMatch(/known topics: /);
    expect(await run('subscribe', '--target', 'file:x', '--topic', topic, '--schedule', 'daily 24:61')).toBe(2);
    expect(last.stderr).toMatch(/schedule "daily 24:61"/);
    expect(await run('unsubscribe', 'missing')).toBe(2);
    expect(last.stderr).toMatch(/no subscription "missing"/);
  });

  it('caps subscriptions per target (BRIEFING_MAX_SUBSCRIPTIONS_PER_CHAT), naming the limit', async () => {
    const capped = (argv: string[]) => cli(argv, { env: { BRIEFING_DATA_DIR: dir, BRIEFING_MAX_SUBSCRIPTIONS_PER_CHAT: '2' }, now: () => now });
    const sub = (schedule: string) => capped(['subscribe', '--target', 'file:capped.jsonl', '--topic', topic, '--schedule', schedule]);
    expect((await sub('daily 08:00')).code).toBe(0);
    expect((await sub('daily 09:00')).code).toBe(0);
    // Asking again for one that exists is not a new subscription.
    expect((await sub('daily 09:00')).code).toBe(0);
    const third = await sub('daily 10:00');
    expect(third.code).toBe(2);
    expect(third.stderr).toMatch(/already has 2 subscriptions.*BRIEFING_MAX_SUBSCRIPTIONS_PER_CHAT/);
    // Other targets are not affected.
    expect((await capped(['subscribe', '--target', 'file:other.jsonl', '--topic', topic])).code).toBe(0);
  });
});
