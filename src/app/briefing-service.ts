import { watch, type FSWatcher } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { buildBriefing, type Briefing } from '../core/briefing.ts';
import type { InputIssue } from '../core/model.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { loadArticleFile, loadCorpus } from '../io/load-corpus.ts';

/** The live briefing of a running bot: built once, then updated as articles are added to the folder. */
export interface BriefingService {
  /** The briefing as of now. */
  current(): Briefing;
  /** Problems found with the input so far. */
  issues(): InputIssue[];
  /** The corpus folder, absolute. */
  corpusDir: string;
  /** Loads one more article file (already in the folder or not) into the briefing. */
  addFile(file: string): Promise<InputIssue[]>;
  /** Starts watching the corpus folder: new or changed `.txt`/`.md` files are added, deleted ones removed, without a restart. Returns a stop function. */
  watch(): () => void;
  close(): void;
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** Where the corpus is: an explicit folder, else the configured one, relative to the project (the config folder's parent). */
export function resolveCorpusDir(config: LoadedConfig, corpusDir?: string): string {
  if (corpusDir) return path.resolve(corpusDir);
  return path.resolve(path.dirname(config.dir), config.briefing.corpus);
}

/** Loads the corpus and builds the briefing. */
export async function openBriefingService(opts: {
  config: LoadedConfig;
  corpusDir?: string;
  logger?: Logger;
}): Promise<BriefingService> {
  const { config, logger } = opts;
  const corpusDir = resolveCorpusDir(config, opts.corpusDir);
  const loaded = await loadCorpus(corpusDir);
  const engineConfig = {
    topics: config.briefing.topics,
    maxPoints: config.briefing.defaults.maxPoints,
    ...(config.speakers ? { speakers: config.speakers } : {}),
    parties: config.parties.parties,
  };
  let briefing = buildBriefing(loaded.articles, engineConfig, loaded.issues);
  for (const issue of loaded.issues) logger?.warn({ file: issue.file, code: issue.code }, issue.message);
  let watcher: FSWatcher | undefined;
  const timers = new Map<string, NodeJS.Timeout>();

  // Problems with files that arrived later and could not be loaded, by file (cleared when the file loads).
  const later = new Map<string, InputIssue[]>();
  const addFile = async (file: string): Promise<InputIssue[]> => {
    const full = path.resolve(corpusDir, file);
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
    watcher?.close();
    watcher = undefined;
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  };

  return {
    corpusDir,
    current: () => briefing,
    issues: () => [...briefing.issues, ...[...later.values()].flat()],
    addFile,
    watch() {
      if (watcher) return () => watcher?.close();
      watcher = watch(corpusDir, (_event, name) => {
        if (!name || !/\.(txt|md)$/i.test(name)) return;
        // Editors and copies write in several steps: wait for the file to settle.
        clearTimeout(timers.get(name));
        timers.set(
          name,
          setTimeout(() => {
            timers.delete(name);
            addFile(name).catch((err: unknown) => logger?.error({ err, file: name }, 'could not add article'));
          }, 250),
        );
      });
      watcher.on('error', (err) => logger?.error({ err, dir: corpusDir }, 'corpus watcher failed'));
      return close;
    },
    close,
  };
}
