/** The command line on PostgreSQL: BRIEFING_DATABASE_URL selects it, `schedule run` processes share its slots, bad URLs are settings errors. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { readFileDeliveries } from '../../src/platforms/file/file-publisher.ts';
import { cli, tempDataDir } from '../helpers/cli-in-process.ts';
import { postgresForTests } from '../helpers/postgres-server.ts';

const server = await postgresForTests('the command line on PostgreSQL');
const dirs: string[] = [];
afterAll(async () => {
  await server?.stop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('BRIEFING_DATABASE_URL on the command line', () => {
  it('a malformed or unreachable URL stops with exit code 2 and one line naming the variable', async () => {
    const bad = await cli(['schedule', 'list'], { env: { BRIEFING_DATABASE_URL: 'mysql://u@h/db' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/BRIEFING_DATABASE_URL is malformed: expected a PostgreSQL URL: postgres:\/\/USER/);
    const down = await cli(['schedule', 'list'], { env: { BRIEFING_DATABASE_URL: 'postgres://bot:s3cret@127.0.0.1:1/briefing' } });
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/BRIEFING_DATABASE_URL \(postgres:\/\/bot:\*\*\*@127\.0\.0\.1:1\/briefing\): cannot connect/);
    expect(down.stderr).not.toContain('s3cret');
  });
});

describe.runIf(server)('the command line on PostgreSQL', { timeout: 60_000 }, () => {
  it('keeps subscriptions in PostgreSQL (no SQLite file), and two `schedule run` at once post the slot once', async () => {
    const url = await server!.freshDatabase('cli');
    const dir = tempDataDir();
    dirs.push(dir);
    const topic = (await loadConfig('config')).briefing.topics[0]!.id;
    const file = path.join(dir, 'out.jsonl');
    const env = { BRIEFING_DATA_DIR: dir, BRIEFING_DATABASE_URL: url };
    const now = () => new Date('2026-01-05T00:00:00Z');
    const sub = await cli(['subscribe', '--target', `file:${file}`, '--topic', topic, '--schedule', 'daily 08:00', '--timezone', 'UTC', '--json'], {
      env,
      now,
    });
    expect(sub.code, sub.stderr).toBe(0);
    const id = (JSON.parse(sub.stdout) as { id: string }).id;
    expect(fs.existsSync(path.join(dir, 'briefing.db'))).toBe(false);

    const runs = await Promise.all([1, 2].map(() => cli(['schedule', 'run', '--at', '2026-01-05T08:00:00Z', '--json'], { env, now })));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const states = runs.flatMap((r) => (JSON.parse(r.stdout) as { deliveries: { state: string }[] }).deliveries.map((d) => d.state));
    expect(states.filter((s) => s === 'sent')).toHaveLength(1);
    expect(readFileDeliveries(file).map((l) => l.key)).toEqual([`${id}@2026-01-05T08:00:00.000Z`]);

    const list = await cli(['schedule', 'list', '--json'], { env, now: () => new Date('2026-01-05T09:00:00Z') });
    expect(JSON.parse(list.stdout).subscriptions).toEqual([expect.objectContaining({ id, lastDelivery: expect.objectContaining({ state: 'sent' }) })]);
  });
});
