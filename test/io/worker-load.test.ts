import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyseArticle, buildBriefing } from '../../src/core/briefing.ts';
import { parseArticle } from '../../src/core/corpus/parse-article.ts';
import { loadCorpus } from '../../src/io/load-corpus.ts';
import { startWorkerPool } from '../../src/io/worker-pool.ts';

const article = (n: number) => `Ministers Meet Again ${n}\n\n“We will meet again,” Anna Berg said on Monday. Talks number ${n} ended.\n`;
const config = { topics: [{ id: 'talks', title: 'Talks', description: 'Talks', terms: [{ term: 'talks', weight: 1 }] }] };
const faulty = new URL('./fixtures/faulty-worker.ts', import.meta.url);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'worker-load-test-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('parsing and analysing a file in one worker task', () => {
  it('gives the parse and the analysis made on the main thread', async () => {
    const pool = (await startWorkerPool({ size: 1, warm: true }))!;
    try {
      const files = [1, 2, 3].map((n) => ({ file: `a${n}.txt`, raw: article(n) }));
      files.push({ file: 'blank.txt', raw: '   \n' });
      const got = await Promise.all(files.map((f) => pool.load(f.file, f.raw, config)));
      got.forEach((g, i) => {
        const inline = parseArticle(files[i]!.file, files[i]!.raw);
        expect(g.parsed).toEqual(inline);
        if (inline.article) expect(g.analysis).toEqual(analyseArticle(inline.article, config));
        else expect(g.analysis).toBeUndefined();
      });
    } finally {
      await pool.close();
    }
  });

  it('fails a stuck parse as a parse, and a stuck analysis as an analysis that keeps the parsed article, then goes on', async () => {
    const pool = (await startWorkerPool({ size: 1, timeoutMs: 4_000, warm: true, script: faulty }))!;
    try {
      const good = await pool.load('good.txt', article(1), config);
      const stuck = await pool.load('hang.txt', article(2), config);
      const late = await pool.load('hang-analysis.txt', article(3), config);
      const crash = await pool.load('crash-analysis.txt', article(4), config);
      const after = await pool.load('after.txt', article(5), config);
      expect(good.analysis).toEqual(analyseArticle(parseArticle('good.txt', article(1)).article!, config));
      expect(stuck.parsed.article).toBeUndefined();
      expect(stuck.parsed.issues[0]).toMatchObject({ file: 'hang.txt', code: 'too_large' });
      expect(stuck.analysis).toBeUndefined();
      for (const [r, file] of [
        [late, 'hang-analysis.txt'],
        [crash, 'crash-analysis.txt'],
      ] as const) {
        expect(r.parsed).toEqual(parseArticle(file, file === 'hang-analysis.txt' ? article(3) : article(4)));
        expect(r.analysis?.statements).toEqual([]);
        expect(r.analysis?.issues).toMatchObject([{ file, code: 'analysis_failed', stage: 'analysis' }]);
      }
      expect(after.analysis).toEqual(analyseArticle(parseArticle('after.txt', article(5)).article!, config));
    } finally {
      await pool.close();
    }
  });

  it('runs the files sent ahead to a worker that is stopped on another', async () => {
    const pool = (await startWorkerPool({ size: 1, timeoutMs: 4_000, warm: true, script: faulty }))!;
    try {
      // All sent at once: the ones behind the stuck file were already sent ahead to its worker.
      const names = ['a.txt', 'hang.txt', 'b.txt', 'c.txt', 'crash.txt', 'd.txt', 'e.txt'];
      const got = await Promise.all(names.map((f, i) => pool.load(f, article(i), config)));
      for (const [i, g] of got.entries()) {
        const file = names[i]!;
        if (file === 'hang.txt' || file === 'crash.txt') {
          expect(g.parsed.article).toBeUndefined();
          continue;
        }
        expect(g.parsed).toEqual(parseArticle(file, article(i)));
        expect(g.analysis).toEqual(analyseArticle(g.parsed.article!, config));
      }
    } finally {
      await pool.close();
    }
  });

  it('loads a folder with its analyses made in the workers, building the briefing a main-thread build does', async () => {
    for (let n = 0; n < 5; n++) writeFileSync(join(dir, `a${n}.txt`), article(n));
    // A near copy, found by the duplicate check from the hashes the worker made.
    writeFileSync(join(dir, 'z-copy.txt'), `${article(0)}\nEditor's note: updated.\n`);
    writeFileSync(join(dir, 'empty.txt'), '   \n');
    const inline = await loadCorpus(dir, { workers: false });
    const pooled = await loadCorpus(dir, { workers: true, analyse: { config } });
    expect(pooled.articles).toEqual(inline.articles);
    expect(pooled.issues).toEqual(inline.issues);
    expect([...pooled.analyses!.keys()]).toEqual(inline.articles.map((a) => a.id));
    for (const a of pooled.articles) expect(pooled.analyses!.get(a.id)).toEqual(analyseArticle(a, config));
    const fromWorkers = buildBriefing(pooled.articles, config, pooled.issues, pooled.analyses);
    const here = buildBriefing(inline.articles, config, inline.issues);
    expect(fromWorkers.articles).toEqual(here.articles);
    expect(fromWorkers.articles.some((a) => a.duplicateOf)).toBe(true);
    expect(fromWorkers.issues).toEqual(here.issues);
    expect(fromWorkers.digest('talks')).toEqual(here.digest('talks'));
  });
});
