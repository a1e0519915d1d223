/** Where the bot keeps what it writes (the data folder) and where it reads articles from. */
import path from 'node:path';
import type { Env } from '../config/env.schema.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { resolveCorpusDir } from './briefing-service.ts';

/** The folders and files of one installation, absolute. */
export interface DataPaths {
  /** `BRIEFING_DATA_DIR` (default `./data`): everything the bot writes. */
  dataDir: string;
  /** The SQLite file: `BRIEFING_DB`, else the config's `database`, else `<dataDir>/briefing.db`. */
  db: string;
  /** Which setting chose the database, for error messages. */
  dbSetting: string;
  /** The configured corpus (`BRIEFING_CORPUS`, else the config's `corpus`): read only, never written. */
  corpus: string;
  /** Which setting chose the corpus, for error messages. */
  corpusSetting: string;
  /** Articles added with `briefing add` (or fetched): `<dataDir>/corpus`. */
  addedCorpus: string;
  /** What the bot keeps to start faster (the analysis cache): `<dataDir>/cache`. */
  cache: string;
}

/** Resolves every path from the settings and the config (relative paths against the working directory). */
export function dataPaths(env: Env, config: LoadedConfig): DataPaths {
  const dataDir = path.resolve(env.BRIEFING_DATA_DIR);
  const db = env.BRIEFING_DB?.trim() || config.briefing.database?.trim();
  return {
    dataDir,
    db: db === ':memory:' ? db : path.resolve(db || path.join(dataDir, 'briefing.db')),
    dbSetting: env.BRIEFING_DB?.trim()
      ? 'BRIEFING_DB'
      : config.briefing.database?.trim()
        ? `database in ${path.join(config.dir, 'briefing.yaml')}`
        : 'BRIEFING_DATA_DIR',
    corpus: resolveCorpusDir(config, env.BRIEFING_CORPUS),
    corpusSetting: env.BRIEFING_CORPUS ? 'BRIEFING_CORPUS' : `corpus in ${path.join(config.dir, 'briefing.yaml')}`,
    addedCorpus: path.join(dataDir, 'corpus'),
    cache: path.join(dataDir, 'cache'),
  };
}
