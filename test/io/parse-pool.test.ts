import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/io/load-corpus.ts';
import { startParsePool } from '../../src/io/parse-pool.ts';

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
    expect(inline.issues.map((i) => [i.file, i.code])).toEqual([["empty.txt", "empty"], ["huge.txt", "too_large"], ["huge.txt", "too_large"]]);
  });

  it('reports a file that holds a worker past the time limit, and one that crashes it, and parses the rest', async () => {
    const pool = await startParsePool({ size: 1, timeoutMs: 1_000, script: new URL('./fixtures/faulty-parse-worker.ts', import.meta.url) });
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

  it('is not available when its worker cannot start, so callers parse on the main thread', async () => {
    const pool = await startParsePool({ size: 1, script: new URL('./fixtures/no-such-worker.ts', import.meta.url) });
    expect(pool).toBeUndefined();
  });

  it('refuses work once closed, naming the file', async () => {
    const pool = (await startParsePool({ size: 1 }))!;
    await pool.close();
    const r = await pool.parse('late.txt', article(1));
    expect(r.issues[0]).toMatchObject({ file: 'late.txt', code: 'unreadable' });
  });
});
