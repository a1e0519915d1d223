/** The feed settings read from the environment by the composition root (this module reads no env by itself). */
import path from 'node:path';
import type { FetchOptions } from './http-fetcher.ts';

/** Where fetched articles go: `$BRIEFING_DATA_DIR/corpus` (default `./data/corpus`). */
export function feedCorpusDir(env: Record<string, string | undefined>): string {
  return path.join(env.BRIEFING_DATA_DIR?.trim() || 'data', 'corpus');
}

/** Fetch options from the environment: `BRIEFING_FETCH_ALLOW_PRIVATE=1` allows private and loopback addresses (tests only). */
export function feedFetchOptions(env: Record<string, string | undefined>): FetchOptions {
  return { allowPrivate: env.BRIEFING_FETCH_ALLOW_PRIVATE === '1' };
}
