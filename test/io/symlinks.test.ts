import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadArticleFile, loadCorpus } from '../../src/io/load-corpus.ts';

const GOOD = 'Ministers Meet Again\n\nThe ministers met on Monday. They agreed to talk again.\n';
const SECRET = 'Secret Headline Outside\n\nNobody should read this line from outside the corpus.\n';

let root: string;
let corpus: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'symlink-test-'));
  corpus = join(root, 'corpus');
  mkdirSync(corpus);
  writeFileSync(join(root, 'outside.txt'), SECRET);
  writeFileSync(join(corpus, 'a.txt'), GOOD);
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('symbolic links in a corpus folder', () => {
  it('refuses a link that leads out of the folder, naming the link and never showing what it points at', async () => {
    symlinkSync(join(root, 'outside.txt'), join(corpus, 'up.txt'));
    symlinkSync('../outside.txt', join(corpus, 'relative.txt'));
    const r = await loadCorpus(corpus);
    expect(r.articles.map((a) => a.file)).toEqual(['a.txt']);
    expect(r.issues.map((i) => [i.file, i.code])).toEqual([
      ['relative.txt', 'unreadable'],
      ['up.txt', 'unreadable'],
    ]);
    for (const i of r.issues) {
      expect(i.message).toMatch(/symbolic link to a file outside the corpus folder/);
      expect(i.message).not.toMatch(/Secret|outside\.txt/);
    }
  });

  it('refuses a link to a system file', async () => {
    symlinkSync('/etc/hostname', join(corpus, 'host.txt'));
    const r = await loadCorpus(corpus);
    expect(r.articles.map((a) => a.file)).toEqual(['a.txt']);
    expect(r.issues[0]).toMatchObject({ file: 'host.txt', code: 'unreadable' });
  });

  it('reads a link that stays inside the folder, and a folder reached through a link', async () => {
    mkdirSync(join(corpus, 'sub'));
    writeFileSync(join(corpus, 'sub', 'b.txt'), GOOD.replace('Monday', 'Friday'));
    symlinkSync('sub/b.txt', join(corpus, 'b.txt'));
    symlinkSync(corpus, join(root, 'via-link'));
    const r = await loadCorpus(join(root, 'via-link'));
    expect(r.issues).toEqual([]);
    expect(r.articles.map((a) => a.file)).toEqual(['a.txt', 'b.txt']);
  });

  it('refuses a single file whose link leads out of the folder that holds it, unless given a root that holds the target', async () => {
    symlinkSync(join(root, 'outside.txt'), join(corpus, 'up.txt'));
    const refused = await loadArticleFile(join(corpus, 'up.txt'));
    expect(refused.article).toBeUndefined();
    expect(refused.issues[0]?.code).toBe('unreadable');
    const allowed = await loadArticleFile(join(corpus, 'up.txt'), { root });
    expect(allowed.article?.title).toBe('Secret Headline Outside');
  });
});
