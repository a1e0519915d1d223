/**
 * A PostgreSQL connection pool (node-postgres) that migrates on first use. Opening is synchronous, like the
 * SQLite store's, so the composition stays as it is: the first query waits for connect and migrate, and if they
 * fail every query fails with one line naming the setting (`BRIEFING_DATABASE_URL`), never its password.
 */
import { createRequire } from 'node:module';
import type pg from 'pg';

/** The PostgreSQL client, required when a database is first opened: a bot on SQLite never loads it. */
const pgLib = (): typeof pg => createRequire(import.meta.url)('pg') as typeof pg;
import { databaseUrlProblem } from '../config/env-fields.ts';
import { EnvError } from '../config/load-env.ts';
import type { Migration } from './migrations.ts';
import { migratePostgres } from './pg-migrations.ts';

/** A malformed or unreachable database URL: a bad setting (one line naming it, exit code 2), never showing its password. */
export class DatabaseUrlError extends EnvError {
  override name = 'DatabaseUrlError';
}

/** The URL without its password, for messages and logs. */
export function redactUrl(raw: string): string {
  try {
    const u = new URL(raw.trim());
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/** An open pool whose schema is migrated before the first query runs. */
export interface PgDatabase {
  pool: pg.Pool;
  /** Resolves once connected and migrated, with the versions this process applied; rejects with a DatabaseUrlError. */
  ready: Promise<number[]>;
  /** Runs one statement (after `ready`) and returns its rows. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
  close(): Promise<void>;
}

/** Options of `openPostgres`. */
export interface PgOptions {
  /** The setting the URL came from, named in errors (default `BRIEFING_DATABASE_URL`). */
  setting?: string;
  /** Connections in the pool (default 5). */
  max?: number;
}

/** Opens a pool on `url` and starts migrating; a malformed URL throws at once. */
export function openPostgres(url: string, migrations: readonly Migration[], options: PgOptions = {}): PgDatabase {
  const setting = options.setting ?? 'BRIEFING_DATABASE_URL';
  const problem = databaseUrlProblem(url);
  if (problem) throw new DatabaseUrlError(`${setting} is malformed: ${problem}`);
  const pool = new (pgLib().Pool)({ connectionString: url.trim(), max: options.max ?? 5, connectionTimeoutMillis: 10_000, application_name: 'briefing-bot' });
  // An idle client dropped by the server (restart, failover) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const ready = (async () => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      throw new DatabaseUrlError(
        `${setting} (${redactUrl(url)}): cannot connect (${(e as Error).message || String(e)}); expected a reachable PostgreSQL server`,
      );
    }
    try {
      return await migratePostgres(client, migrations);
    } catch (e) {
      throw new DatabaseUrlError(`${setting} (${redactUrl(url)}): cannot migrate the database (${(e as Error).message})`);
    } finally {
      client.release();
    }
  })();
  ready.catch(() => {});
  let closed: Promise<void> | undefined;
  return {
    pool,
    ready,
    async query(sql, params) {
      await ready;
      return pool.query(sql, params as unknown[]);
    },
    close: () => {
      closed ??= ready.catch(() => {}).then(() => pool.end());
      return closed;
    },
  };
}
