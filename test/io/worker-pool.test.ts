import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyseArticle, buildBriefing } from '../../src/core/briefing.ts';
import { parseArticle } from '../../src/core/corpus/parse-article.ts';
import type { Article } from '../../src/core/model.ts';
import { analyseInWorkers } from '../../src/io/analyse-corpus.ts';
import { loadCorpus } from '../../src/io/load-corpus.ts';
import { startWorkerPool } from '../../src/io/worker-pool.ts';

const article = (n: number) => `Ministers Meet Again ${n}\n\n“We will meet again,” Anna Berg said on Monday. Talks number ${n} ended.\n`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parse-pool-test-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('parsing in worker threads', () => {
  it('gives the same articles and issues as parsing on the main thread', async () => {
    for (let n = 0; n < 6; n++) writeFileSync(join(dir, `a${n}.txt`), article(n));
    writeFileSync(join(dir, 'empty.txt'), '   \n');
    writeFileSync(join(dir, 'huge.txt'), 'The talks resumed. '.repeat(8_000));
    const inline = await loadCorpus(dir, { workers: false });
    const pooled = await loadCorpus(dir, { workers: true });
    expect(pooled).toEqual(inline);
    expect(inline.articles).toHaveLength(7);
    expect(inline.issues.map((i) => [i.file, i.code])).toEqual([
      ['empty.txt', 'empty'],
      ['huge.txt', 'too_large'],
      ['huge.txt', 'too_large'],
    ]);
  });

  it('reports a file that holds a worker past the time limit, and one that crashes it, and parses the rest', async () => {
    const pool = await startWorkerPool({ size: 1, timeoutMs: 1_000, script: new URL('./fixtures/faulty-worker.ts', import.meta.url) });
    expect(pool).toBeDefined();
    try {
      const [a, hang, b, crash, c] = await Promise.all([
        pool!.parse('a.txt', article(1)),
        pool!.parse('hang.txt', article(2)),
        pool!.parse('b.txt', article(3)),
        pool!.parse('crash.txt', article(4)),
        pool!.parse('c.txt', article(5)),
      ]);
      for (const ok of [a, b, c]) expect(ok.issues).toEqual([]);
      expect([a, b, c].map((r) => r.article?.title)).toEqual(['Ministers Meet Again 1', 'Ministers Meet Again 3', 'Ministers Meet Again 5']);
      expect(hang.article).toBeUndefined();
      expect(hang.issues[0]).toMatchObject({ file: 'hang.txt', code: 'too_large', severity: 'error' });
      expect(hang.issues[0]!.message).toMatch(/longer than 1 s/);
      expect(crash.article).toBeUndefined();
      expect(crash.issues[0]).toMatchObject({ file: 'crash.txt', code: 'unreadable' });
      expect(crash.issues[0]!.message).toMatch(/worker fell over/);
    } finally {
      await pool!.close();
    }
  });

  it('blames a crash on the file that crashes a worker, not on the one it held before whose answer had not come yet', async () => {
    const pool = await startWorkerPool({ size: 1, timeoutMs: 5_000, script: new URL('./fixtures/faulty-worker.ts', import.meta.url) });
    expect(pool).toBeDefined();
    try {
      // Both go to the one worker at once (files are sent ahead); it falls on crash.txt before it answers late.txt.
      const [late, crash, after] = await Promise.all([
        pool!.parse('late.txt', article(1)),
        pool!.parse('crash.txt', article(2)),
        pool!.parse('after.txt', article(3)),
      ]);
      expect(late.issues).toEqual([]);
      expect(late.article?.title).toBe('Ministers Meet Again 1');
      expect(after.article?.title).toBe('Ministers Meet Again 3');
      expect(crash.article).toBeUndefined();
      expect(crash.issues).toMatchObject([{ file: 'crash.txt', code: 'unreadable' }]);
    } finally {
      await pool!.close();
    }
  });

  it('analyses articles in a worker exactly as on the main thread, and builds the same briefing from them', async () => {
    const config = { topics: [{ id: 'talks', title: 'Talks', description: 'Talks', terms: [{ term: 'talks', weight: 1 }] }] };
    const articles: Article[] = [1, 2, 3].map((n) => parseArticle(`a${n}.txt`, article(n)).article!);
    const analysed = await analyseInWorkers(articles, config, { workers: true, size: 1 });
    expect(analysed?.size).toBe(3);
    for (const a of articles) expect(analysed!.get(a.id)).toEqual(analyseArticle(a, config));
    const inWorkers = buildBriefing(articles, config, [], analysed);
    const inline = buildBriefing(articles, config);
    expect(inWorkers.statements()).toEqual(inline.statements());
    expect(inWorkers.digest('talks')).toEqual(inline.digest('talks'));
  });

  it('analyses each article with its own config, however many configs are interleaved on one worker', async () => {
    // Twelve configs (more than a worker keeps), each making a different word a topic term, interleaved twice.
    const words = ['meet', 'talks', 'ended', 'again', 'monday', 'berg', 'anna', 'number', 'ministers', 'will', 'said', 'we'];
    const configs = words.map((w) => ({ topics: [{ id: w, title: w, description: w, terms: [{ term: w, weight: 1 }] }] }));
    const a = parseArticle('a.txt', article(7)).article!;
    const pool = await startWorkerPool({ size: 1, warm: true });
    expect(pool).toBeDefined();
    try {
      const order = [...configs.keys(), ...[...configs.keys()].reverse()];
      const got = await Promise.all(order.map((i) => pool!.analyse(a, configs[i]!)));
      got.forEach((g, k) => {
        expect(g.issues).toEqual([]);
        expect(g).toEqual(analyseArticle(a, configs[order[k]!]!));
      });
      // Each config scored its own word: the results differ between configs.
      expect(new Set(got.slice(0, configs.length).map((g) => JSON.stringify(g.scores))).size).toBeGreaterThan(1);
    } finally {
      await pool!.close();
    }
  });

  it('keeps work sent while its only worker is being replaced, instead of failing it', async () => {
    const config = { topics: [] };
    const pool = await startWorkerPool({ size: 1, warm: true, script: new URL('./fixtures/faulty-worker.ts', import.meta.url) });
    try {
      const crash = parseArticle('crash.txt', article(1)).article!;
      const queued = [2, 3, 4].map((n) => parseArticle(`q${n}.txt`, article(n)).article!);
      const c = await pool!.analyse(crash, config);
      expect(c.issues).toMatchObject([{ file: 'crash.txt', code: 'analysis_failed' }]);
      // Sent right after the crash killed the one worker: nothing is running until its replacement has started.
      const rest = await Promise.all(queued.map((a) => pool!.analyse(a, config)));
      rest.forEach((r, i) => {
        expect(r.issues).toEqual([]);
        expect(r).toEqual(analyseArticle(queued[i]!, config));
      });
    } finally {
      await pool!.close();
    }
  });

  it('gives a replacement worker the config it needs', async () => {
    const config = { topics: [{ id: 'talks', title: 'Talks', description: 'Talks', terms: [{ term: 'talks', weight: 1 }] }] };
    const pool = await startWorkerPool({ size: 1, warm: true, script: new URL('./fixtures/faulty-worker.ts', import.meta.url) });
    try {
      const first = parseArticle('first.txt', article(1)).article!;
      const crash = parseArticle('crash.txt', article(2)).article!;
      const after = parseArticle('after.txt', article(3)).article!;
      expect(await pool!.analyse(first, config)).toEqual(analyseArticle(first, config));
      const c = await pool!.analyse(crash, config);
      expect(c.issues).toMatchObject([{ file: 'crash.txt', code: 'analysis_failed' }]);
      // The worker that held the config died; the one started in its place is sent it with its first analysis.
      expect(await pool!.analyse(after, config)).toEqual(analyseArticle(after, config));
    } finally {
      await pool!.close();
    }
  });

  it('serves an article whose analysis holds a worker past the time limit empty, with an issue naming it', async () => {
    const config = { topics: [] };
    // A limit the good article meets even on a loaded machine; the hanging one never ends.
    const pool = await startWorkerPool({ size: 1, timeoutMs: 5_000, warm: true, script: new URL('./fixtures/faulty-worker.ts', import.meta.url) });
    try {
      const hang = parseArticle('hang.txt', article(1)).article!;
      const good = parseArticle('good.txt', 'Harbor Plan Approved\n\n“The harbor will reopen in May,” Omar Diaz said on Friday.').article!;
      // The good article first, on the warm worker: queued behind the hang, it would also wait for a replacement
      // worker to start, which on a loaded machine can itself take longer than the limit.
      const g = await pool!.analyse(good, config);
      const h = await pool!.analyse(hang, config);
      expect(h.statements).toEqual([]);
      expect(h.issues).toMatchObject([{ file: 'hang.txt', code: 'analysis_failed', stage: 'analysis' }]);
      expect(h.issues[0]!.message).toMatch(/longer than 5 s/);
      expect(g.issues).toEqual([]);
      expect(g.statements.length).toBeGreaterThan(0);
      const b = buildBriefing(
        [hang, good],
        config,
        [],
        new Map([
          [hang.id, h],
          [good.id, g],
        ]),
      );
      expect(b.issues.map((i) => [i.file, i.code])).toEqual([['hang.txt', 'analysis_failed']]);
    } finally {
      await pool!.close();
    }
  });

  it('is not available when its worker cannot start, so callers parse on the main thread', async () => {
    const pool = await startWorkerPool({ size: 1, script: new URL('./fixtures/no-such-worker.ts', import.meta.url) });
    expect(pool).toBeUndefined();
  });

  it('answers every waiting file when closed, naming it', async () => {
    const pool = (await startWorkerPool({ size: 1 }))!;
    const pending = [1, 2, 3].map((n) => pool.parse(`p${n}.txt`, article(n)));
    await pool.close();
    for (const [n, r] of (await Promise.all(pending)).entries()) {
      if (!r.article) expect(r.issues[0]).toMatchObject({ file: `p${n + 1}.txt`, code: 'unreadable' });
    }
  });

  it('refuses work once closed, naming the file', async () => {
    const pool = (await startWorkerPool({ size: 1 }))!;
    await pool.close();
    const r = await pool.parse('late.txt', article(1));
    expect(r.issues[0]).toMatchObject({ file: 'late.txt', code: 'unreadable' });
  });
});
