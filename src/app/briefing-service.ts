/**
 * The live briefing: the corpus folders (the configured sample plus the data folder's `corpus/`) loaded
 * with `loadCorpus` each and combined, then kept up to date as articles are added, changed or deleted.
 */
import { watch, type FSWatcher } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { buildBriefing, type Briefing } from '../core/briefing.ts';
import type { InputIssue } from '../core/model.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { loadArticleFile, loadCorpus } from '../io/load-corpus.ts';

/** The live briefing of a running bot: built once, then updated as articles are added to the folders. */
export interface BriefingService {
  /** The briefing as of now. */
  current(): Briefing;
  /** Problems found with the input so far. */
  issues(): InputIssue[];
  /** The corpus folders, absolute, in load order. */
  corpusDirs: string[];
  /** Loads one more article file (a path, or a name in the first folder) into the briefing; a file gone is removed. */
  addFile(file: string): Promise<InputIssue[]>;
  /** Starts watching every corpus folder that exists: new or changed `.txt`/`.md` files are added, deleted ones removed. Returns a stop function. */
  watch(): () => void;
  close(): void;
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** Where the configured corpus is: an explicit folder, else the config's, relative to the project (the config folder's parent). */
export function resolveCorpusDir(config: LoadedConfig, corpusDir?: string): string {
  if (corpusDir) return path.resolve(corpusDir);
  return path.resolve(path.dirname(config.dir), config.briefing.corpus);
}

/** The engine's settings from the config. */
function engineConfig(config: LoadedConfig) {
  return {
    topics: config.briefing.topics,
    maxPoints: config.briefing.defaults.maxPoints,
    ...(config.speakers ? { speakers: config.speakers } : {}),
    parties: config.parties.parties,
  };
}

/** Loads every folder (a missing optional folder is skipped) and builds one briefing over them all. */
export async function openBriefingService(opts: {
  config: LoadedConfig;
  corpusDirs: string[];
  optionalDirs?: string[];
  logger?: Logger;
}): Promise<BriefingService> {
  const { config, logger } = opts;
  const optional = new Set((opts.optionalDirs ?? []).map((d) => path.resolve(d)));
  const dirs: string[] = [];
  for (const d of opts.corpusDirs.map((x) => path.resolve(x))) if (!optional.has(d) || (await exists(d))) dirs.push(d);
  const articles = [];
  const issues: InputIssue[] = [];
  for (const dir of dirs) {
    const loaded = await loadCorpus(dir);
    articles.push(...loaded.articles);
    issues.push(...loaded.issues);
  }
  let briefing = buildBriefing(articles, engineConfig(config), issues);
  for (const issue of issues) logger?.warn({ file: issue.file, code: issue.code }, issue.message);
  const watchers: FSWatcher[] = [];
  const timers = new Map<string, NodeJS.Timeout>();

  // Problems with files that arrived later and could not be loaded, by file (cleared when the file loads).
  const later = new Map<string, InputIssue[]>();
  const addFile = async (file: string): Promise<InputIssue[]> => {
    const full = path.resolve(dirs[0] ?? '.', file);
    if (!(await exists(full))) {
      // The file was deleted (or renamed away): its article leaves the briefing.
      const gone = briefing.articles.filter((a) => a.file === path.basename(full)).map((a) => a.id);
      if (gone.length) {
        briefing = briefing.withoutArticles(gone);
        logger?.info({ articles: gone }, 'article removed from the briefing');
      }
      later.delete(full);
      return [];
    }
    const parsed = await loadArticleFile(full);
    if (parsed.article) {
      briefing = briefing.withArticles([parsed.article], parsed.issues);
      later.delete(full);
    } else later.set(full, parsed.issues);
    for (const issue of parsed.issues) logger?.warn({ file: issue.file, code: issue.code }, issue.message);
    if (parsed.article) logger?.info({ article: parsed.article.id }, 'article added to the briefing');
    return parsed.issues;
  };

  const close = () => {
    for (const w of watchers.splice(0)) w.close();
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  };

  const watchDir = (dir: string) => {
    const watcher = watch(dir, (_event, name) => {
      if (!name || !/\.(txt|md)$/i.test(name)) return;
      const full = path.join(dir, name);
      // Editors and copies write in several steps: wait for the file to settle.
      clearTimeout(timers.get(full));
      timers.set(
        full,
        setTimeout(() => {
          timers.delete(full);
          addFile(full).catch((err: unknown) => logger?.error({ err, file: full }, 'could not add article'));
        }, 250),
      );
    });
    watcher.on('error', (err) => logger?.error({ err, dir }, 'corpus watcher failed'));
    watchers.push(watcher);
  };

  return {
    corpusDirs: dirs,
    current: () => briefing,
    issues: () => [...briefing.issues, ...[...later.values()].flat()],
    addFile,
    watch() {
      if (watchers.length === 0) for (const dir of dirs) watchDir(dir);
      return close;
    },
    close,
  };
}
