/**
 * Starts a throwaway PostgreSQL server for the Postgres tests: `initdb` in a temporary folder, `postgres` on a
 * free loopback port (fsync off: the data dies with the test), stopped by `stop()`. initdb and postgres refuse
 * to run as root, so as root they run as the `postgres` user (`runuser`). Resolves `undefined`, with the reason,
 * when no server can be started here (no binaries, no unprivileged user), so the tests can say why they skip.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A running server. */
export interface PostgresServer {
  /** `postgres://briefing@127.0.0.1:PORT/postgres`. */
  url: string;
  port: number;
  /** Creates an empty database and returns its URL. */
  freshDatabase(prefix?: string): Promise<string>;
  stop(): Promise<void>;
}

const BIN_DIRS = () => [
  ...(process.env.PATH ?? '').split(':'),
  ...(fs.existsSync('/usr/lib/postgresql')
    ? fs
        .readdirSync('/usr/lib/postgresql')
        .sort()
        .reverse()
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : []),
];

function findBin(name: string): string | undefined {
  for (const dir of BIN_DIRS()) {
    const p = path.join(dir, name);
    if (dir && fs.existsSync(p)) return p;
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Why no server can be started here, if so. */
let unavailable: string | undefined;
let counter = 0;

/** Starts a server, or resolves undefined (see `postgresUnavailable()` for why). */
export async function startPostgres(): Promise<PostgresServer | undefined> {
  const initdb = findBin('initdb');
  const pgCtl = findBin('pg_ctl');
  if (!initdb || !pgCtl) {
    unavailable = 'initdb/pg_ctl not found (install PostgreSQL: apt-get install -y postgresql)';
    return undefined;
  }
  const root = process.getuid?.() === 0;
  let uid: number | undefined;
  let gid: number | undefined;
  if (root) {
    try {
      uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    } catch {
      unavailable = 'running as root and there is no "postgres" user to run initdb and postgres as';
      return undefined;
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-pg-'));
  fs.chmodSync(dir, 0o700);
  if (uid !== undefined && gid !== undefined) fs.chownSync(dir, uid, gid);
  // Run in the server's own folder: the unprivileged user may not be allowed into the working directory.
  const run = (bin: string, args: string[]) =>
    root ? spawnSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8', cwd: dir }) : spawnSync(bin, args, { encoding: 'utf8', cwd: dir });
  const data = path.join(dir, 'data');
  const init = run(initdb, ['-D', data, '-U', 'briefing', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  if (init.status !== 0) {
    unavailable = `initdb failed: ${(init.stderr || init.stdout || String(init.error)).trim().split('\n').slice(-2).join(' ')}`;
    fs.rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
    const started = run(pgCtl, ['start', '-w', '-t', '30', '-D', data, '-l', path.join(dir, 'log'), '-o', opts]);
    if (started.status !== 0) continue;
    const url = `postgres://briefing@127.0.0.1:${port}/postgres`;
    return {
      url,
      port,
      async freshDatabase(prefix = 'test') {
        const name = `${prefix}_${process.pid}_${++counter}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          await c.query(`CREATE DATABASE ${name}`);
        } finally {
          await c.end();
        }
        return `postgres://briefing@127.0.0.1:${port}/${name}`;
      },
      async stop() {
        run(pgCtl, ['stop', '-m', 'immediate', '-w', '-D', data]);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const log = fs.existsSync(path.join(dir, 'log')) ? fs.readFileSync(path.join(dir, 'log'), 'utf8').trim().split('\n').slice(-2).join(' ') : '';
  unavailable = `postgres did not start on a loopback port: ${log}`;
  fs.rmSync(dir, { recursive: true, force: true });
  return undefined;
}

/** Why `startPostgres` resolved undefined (for the skip message). */
export function postgresUnavailable(): string {
  return unavailable ?? 'not tried';
}

/**
 * The server for one test file, started at import (top-level await) and stopped after the file; undefined
 * (with a warning naming why) when none can be started. With `BRIEFING_REQUIRE_POSTGRES=1` (CI) a missing
 * server is an error instead, so the Postgres tests can never be skipped silently there.
 */
export async function postgresForTests(what: string): Promise<PostgresServer | undefined> {
  const server = await startPostgres();
  if (!server) {
    const why = `${what}: no PostgreSQL server could be started (${postgresUnavailable()})`;
    if (process.env.BRIEFING_REQUIRE_POSTGRES === '1') throw new Error(`${why}; BRIEFING_REQUIRE_POSTGRES=1 requires one`);
    console.warn(`${why}; skipping these tests`);
  }
  return server;
}
