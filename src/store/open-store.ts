/**
 * Which store the bot uses: PostgreSQL when `BRIEFING_DATABASE_URL` is set (several instances can share it),
 * else SQLite at the resolved file path (the default: one instance, or several on one host).
 */
import type Database from 'better-sqlite3';
import type { Migration } from './migrations.ts';
import type { PgDatabase } from './pg-database.ts';
import { pgStore } from './pg-store.ts';
import { sqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

/** The database under an open store, for modules that keep their own tables there (feed state). */
export type StoreBackend = { kind: 'sqlite'; db: Database.Database } | { kind: 'postgres'; pg: PgDatabase };

/** A store together with its database. */
export type OpenedStore = Store & { backend: StoreBackend };

/** What `openStore` needs: the URL (wins when set), the SQLite path otherwise, and extra migrations per kind. */
export interface OpenStoreOptions {
  /** `BRIEFING_DATABASE_URL`: `postgres://…`. */
  databaseUrl?: string | undefined;
  /** The SQLite file used when there is no URL. */
  sqlitePath: string;
  /** Tables of other modules, appended to the store's own migrations. */
  migrations?: { sqlite?: readonly Migration[]; postgres?: readonly Migration[] };
}

/** Opens PostgreSQL when a URL is given, else SQLite. A malformed URL throws a DatabaseUrlError naming the setting. */
export function openStore(opts: OpenStoreOptions): OpenedStore {
  const url = opts.databaseUrl?.trim();
  if (url) {
    const s = pgStore(url, opts.migrations?.postgres ?? []);
    return { ...s, backend: { kind: 'postgres', pg: s.pg } };
  }
  const s = sqliteStore(opts.sqlitePath, opts.migrations?.sqlite ?? []);
  return { ...s, backend: { kind: 'sqlite', db: s.db } };
}
