import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.ts';
import type { Article, InputIssue } from '../../src/core/model.ts';
import { loadCorpus } from '../../src/io/load-corpus.ts';
import { loadConfig, ROOT } from '../helpers/digest-corpus.ts';

/**
 * The whole engine over every real article of ../shared (PolNeAR train, DUC 2007), when those folders
 * are present: every file loads and no stage fails on any article. The texts are read in place, never copied.
 */
const SHARED = join(ROOT, '..', 'shared');
const POLNEAR = join(SHARED, 'polnear', 'train');
const DUC = join(SHARED, 'duc2007', 'data', 'docs');
const topics = loadConfig().topics;

/** Every folder under `root` that holds article files. */
function folders(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name.endsWith('.txt'))) out.push(dir);
    for (const e of entries) if (e.isDirectory()) walk(join(dir, e.name));
  };
  walk(root);
  return out;
}

async function loadAll(root: string): Promise<{ articles: Article[]; issues: InputIssue[]; files: number }> {
  const articles: Article[] = [];
  const issues: InputIssue[] = [];
  let files = 0;
  for (const dir of folders(root)) {
    const r = await loadCorpus(dir);
    files += readdirSync(dir).filter((n) => n.endsWith('.txt')).length;
    // Ids are unique within a folder; across folders, prefix them with the folder.
    const prefix = dir === root ? '' : `${dir.slice(root.length + 1).replaceAll('/', '-')}-`;
    articles.push(...r.articles.map((a) => ({ ...a, id: `${prefix}${a.id}` })));
    issues.push(...r.issues);
  }
  return { articles, issues, files };
}

function serveEverything(articles: Article[]): readonly InputIssue[] {
  const b = buildBriefing(articles, { topics });
  const statements = b.statements();
  expect(statements.ok).toBe(true);
  expect(b.timeline().ok).toBe(true);
  for (const t of topics) {
    expect(b.digest(t.id).ok).toBe(true);
    expect(b.positions(t.id).ok).toBe(true);
  }
  b.speakers();
  b.disputes();
  return b.issues;
}

for (const [name, root] of [
  ['PolNeAR train', POLNEAR],
  ['DUC 2007 documents', DUC],
] as const) {
  const present = existsSync(root);
  if (!present) console.warn(`skipped: ${root} is absent (the real corpora live in ../shared, beside the project)`);
  describe.skipIf(!present)(`the whole engine on ${name}`, () => {
    it('loads every article and no stage fails on any of them', { timeout: 300_000 }, async () => {
      const { articles, issues, files } = await loadAll(root);
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(articles.length).toBe(files);
      const failed = serveEverything(articles).filter((i) => i.code === 'analysis_failed');
      expect(failed).toEqual([]);
    });
  });
}
