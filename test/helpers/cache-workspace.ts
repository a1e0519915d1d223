/**
 * A corpus folder (a copy of the seed corpus) with a cache folder beside it, for the tests of what a
 * restart keeps (the analysis cache, the corpus-wide state): opens the briefing service over it and
 * closes what was opened; `answers` gives everything the commands answer from as one comparable value.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBriefingService, type BriefingService } from '../../src/app/briefing-service.ts';
import type { LoadedConfig } from '../../src/config/load-config.ts';
import type { Briefing } from '../../src/core/briefing.ts';

const SEED = 'briefings/corpus';

/** One test's folders and the services it opened. */
export interface CacheWorkspace {
  work: string;
  corpus: string;
  cacheDir: string;
  /** Opens the service over the corpus, with the cache (waiting for it to be written) unless `cache: false`. */
  open(opts?: { config?: LoadedConfig; cache?: boolean; fingerprint?: { parser: string; engine: string }; stampMarginMs?: number }): Promise<BriefingService>;
  /** The article files of the corpus folder. */
  files(): string[];
  /** Closes every service opened and removes the folders. */
  dispose(): void;
}

/** Makes a workspace under the system's temporary folder. */
export function cacheWorkspace(prefix: string, config: LoadedConfig): CacheWorkspace {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const corpus = path.join(work, 'corpus');
  const cacheDir = path.join(work, 'cache');
  fs.cpSync(SEED, corpus, { recursive: true });
  const opened: BriefingService[] = [];
  return {
    work,
    corpus,
    cacheDir,
    async open(opts = {}) {
      const s = await openBriefingService({
        config: opts.config ?? config,
        corpusDirs: [corpus],
        ...(opts.cache === false ? {} : { cacheDir, awaitCache: true }),
        ...(opts.fingerprint ? { fingerprint: opts.fingerprint } : {}),
        ...(opts.stampMarginMs !== undefined ? { stampMarginMs: opts.stampMarginMs } : {}),
      });
      opened.push(s);
      return s;
    },
    files: () => fs.readdirSync(corpus).filter((f) => f.endsWith('.txt') || f.endsWith('.md')),
    dispose() {
      for (const s of opened.splice(0)) s.close();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Everything the commands answer from, as one comparable value. */
export function answers(b: Briefing): string {
  return JSON.stringify({
    digests: b.topics().map((t) => b.digest(t.id)),
    disputes: b.disputes(),
    statements: b.statements(),
    speakers: b.speakers(),
    timeline: b.timeline(),
    sources: b.sources(),
    issues: b.issues,
    duplicates: b.articles.map((a) => a.duplicateOf ?? null),
  });
}
