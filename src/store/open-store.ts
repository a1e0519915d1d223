/** Where the database lives: `BRIEFING_DB`, else the configured path, else `./data/briefing.db`. */
import type { Store } from './store.ts';
import { sqliteStore } from './sqlite-store.ts';

/** The default database path. */
export const DEFAULT_DB_PATH = './data/briefing.db';

/** Picks the database path from the environment and config (passed in: no module reads `process.env`). */
export function resolveDbPath(env: Record<string, string | undefined>, configured?: string): string {
  const fromEnv = env.BRIEFING_DB?.trim();
  return fromEnv || configured?.trim() || DEFAULT_DB_PATH;
}

/** Opens the SQLite store at the resolved path, creating its folder. */
export function openStore(env: Record<string, string | undefined>, configured?: string): Store {
  return sqliteStore(resolveDbPath(env, configured));
}
