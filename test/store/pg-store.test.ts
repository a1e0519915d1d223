/** What is particular to the PostgreSQL store: choosing it, its settings' errors, and migrations when instances start at once. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../../src/config/load-env.ts';
import { PG_FEED_MIGRATIONS } from '../../src/feeds/pg-feed-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { PG_MIGRATIONS } from '../../src/store/pg-migrations.ts';
import { pgStore } from '../../src/store/pg-store.ts';
import { postgresForTests } from '../helpers/postgres-server.ts';
import { hourlySubscription } from '../helpers/hourly-subscription.ts';

const WORKER = path.join(import.meta.dirname, 'pg-open.worker.ts');
const server = await postgresForTests('PostgreSQL store');
afterAll(() => server?.stop());

describe('choosing the store and checking BRIEFING_DATABASE_URL', () => {
  it('uses SQLite when no URL is set, PostgreSQL when one is', async () => {
    const lite = openStore({ sqlitePath: ':memory:' });
    expect(lite.backend.kind).toBe('sqlite');
    await lite.close();
    const pg = openStore({ databaseUrl: 'postgres://u@127.0.0.1:1/db', sqlitePath: ':memory:' });
    expect(pg.backend.kind).toBe('postgres');
    await pg.close();
  });

  it('a malformed URL is one line naming the variable and what is valid', () => {
    for (const bad of ['localhost:5432/db', 'mysql://u@h/db', 'postgres://u@h/', 'postgres://u@h:99999/db']) {
      expect(() => loadEnv({ BRIEFING_DATABASE_URL: bad })).toThrow(EnvError);
      expect(() => loadEnv({ BRIEFING_DATABASE_URL: bad })).toThrow(/^BRIEFING_DATABASE_URL is malformed: expected a PostgreSQL URL: postgres:\/\/USER/);
      expect(() => openStore({ databaseUrl: bad, sqlitePath: ':memory:' })).toThrow(/^BRIEFING_DATABASE_URL is malformed: /);
    }
    expect(loadEnv({ BRIEFING_DATABASE_URL: 'postgresql://bot:secret@db.internal:5433/briefing' }).BRIEFING_DATABASE_URL).toContain('db.internal');
    expect(loadEnv({ BRIEFING_DATABASE_URL: ' ' }).BRIEFING_DATABASE_URL).toBeUndefined();
  });

  it('an unreachable server fails every query with the variable named and the password hidden', async () => {
    const s = pgStore('postgres://bot:hunter2@127.0.0.1:1/briefing');
    const err = await s.subscriptions.list().catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(EnvError);
    expect((err as Error).message).toMatch(/^BRIEFING_DATABASE_URL \(postgres:\/\/bot:\*\*\*@127\.0\.0\.1:1\/briefing\): cannot connect/);
    expect((err as Error).message).not.toContain('hunter2');
    await s.close();
  });
});

describe.runIf(server)('PostgreSQL migrations', { timeout: 120_000 }, () => {
  it('eight processes opening one empty database at once: all succeed, each version applied exactly once', async () => {
    const url = await server!.freshDatabase('race');
    const children = Array.from({ length: 8 }, () => spawn(process.execPath, ['--import', 'tsx', WORKER], { env: { ...process.env, OPEN_URL: url } }));
    const outs = children.map(
      (c) =>
        new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
          let out = '';
          let err = '';
          c.stdout.on('data', (b: Buffer) => (out += b.toString()));
          c.stderr.on('data', (b: Buffer) => (err += b.toString()));
          c.on('exit', (code) => resolve({ code, out, err }));
        }),
    );
    // Release them together once every one is loaded and waiting.
    await Promise.all(children.map((c) => new Promise((r) => c.stdout.once('data', r))));
    for (const c of children) c.stdin.end('go\n');
    const results = await Promise.all(outs);
    for (const r of results) expect(r.code, r.err).toBe(0);
    const applied = results.flatMap((r) => (JSON.parse(r.out.trim().split('\n').pop()!) as { applied: number[] }).applied);
    const versions = [...PG_MIGRATIONS, ...PG_FEED_MIGRATIONS].map((m) => m.version);
    expect(applied.sort((a, b) => a - b)).toEqual(versions);

    const s = pgStore(url, PG_FEED_MIGRATIONS);
    expect(await s.pg.ready).toEqual([]);
    const rows = (await s.pg.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
    expect(rows).toEqual(versions);
    await s.close();
  });

  it('a later migration is applied on the next open, keeping the rows', async () => {
    const url = await server!.freshDatabase('upgrade');
    const a = pgStore(url);
    await a.subscriptions.insert(hourlySubscription({ id: 'keep', target: 'file:/tmp/x' }));
    await a.close();
    const b = pgStore(url, PG_FEED_MIGRATIONS);
    expect(await b.pg.ready).toEqual(PG_FEED_MIGRATIONS.map((m) => m.version));
    expect((await b.subscriptions.get('keep'))?.topics).toEqual(['alpha']);
    await b.close();
  });
});
