import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type LoadedConfig } from '../../src/config/load-config.ts';
import { CACHE_FILE } from '../../src/io/analysis-cache.ts';
import { engineFingerprint } from '../../src/io/engine-fingerprint.ts';
import { answers, cacheWorkspace, type CacheWorkspace } from '../helpers/cache-workspace.ts';

let ws: CacheWorkspace;
let work: string;
let corpus: string;
let cacheDir: string;
let config: LoadedConfig;

beforeEach(async () => {
  config = await loadConfig('config');
  ws = cacheWorkspace('analysis-cache-', config);
  ({ work, corpus, cacheDir } = ws);
});

afterEach(() => ws.dispose());

const open = (opts: { config?: LoadedConfig; fingerprint?: { parser: string; engine: string } } = {}) => ws.open(opts);
const files = () => ws.files();
const cacheFile = () => path.join(cacheDir, CACHE_FILE);

/** Rewrites one record line of the cache file with `edit`, keeping its checksum right (or not). */
function editRecord(index: number, edit: (json: string) => string, fixChecksum: boolean) {
  const lines = fs.readFileSync(cacheFile(), 'utf8').split('\n');
  const line = lines[index + 1]!;
  const json = edit(line.slice(9));
  const crc = fixChecksum ? (zlib.crc32(json) >>> 0).toString(16).padStart(8, '0') : line.slice(0, 8);
  lines[index + 1] = `${crc} ${json}`;
  fs.writeFileSync(cacheFile(), lines.join('\n'));
}

describe('the analysis cache', () => {
  it('makes a restart answer exactly as the first start, analysing nothing again', async () => {
    const cold = await open();
    expect(cold.cacheStats()).toMatchObject({ parseHits: 0, analysisHits: 0 });
    const first = answers(cold.current());
    const warm = await open();
    const n = files().length;
    expect(warm.cacheStats()).toMatchObject({ records: n, parseHits: n, analysisHits: n, corrupt: 0 });
    expect(answers(warm.current())).toBe(first);
  });

  it('re-reads and re-analyses only the article whose file changed, and keeps the added one', async () => {
    await open();
    const [one] = files();
    fs.appendFileSync(path.join(corpus, one!), '\n\nThe minister said on Monday that the talks would resume in October.\n');
    const warm = await open();
    const n = files().length;
    expect(warm.cacheStats()).toMatchObject({ parseHits: n - 1, analysisHits: n - 1 });
    const fresh = await ws.open({ cache: false });
    expect(answers(warm.current())).toBe(answers(fresh.current()));
    // The changed article was written back: the next start finds everything.
    expect((await open()).cacheStats()).toMatchObject({ parseHits: n, analysisHits: n });
  });

  it('stores an article added while running, so the next start does not analyse it', async () => {
    const s = await open();
    const extra = path.join(work, 'extra.txt');
    fs.writeFileSync(extra, 'A new article\n\nThe foreign minister said on Tuesday that the border would stay closed.\n');
    fs.copyFileSync(extra, path.join(corpus, 'extra.txt'));
    await s.addFile(path.join(corpus, 'extra.txt'));
    await s.settled();
    const n = files().length;
    expect((await open()).cacheStats()).toMatchObject({ parseHits: n, analysisHits: n });
  });

  it('redoes the analyses, not the parses, when the topics change; keeps them when only settings applied across the corpus change', async () => {
    await open();
    const n = files().length;
    const more = { ...config, briefing: { ...config.briefing, defaults: { ...config.briefing.defaults, maxPoints: 3 } } };
    expect((await open({ config: more })).cacheStats()).toMatchObject({ parseHits: n, analysisHits: n });
    const topics = config.briefing.topics.map((t, i) => (i === 0 ? { ...t, terms: [...t.terms, { term: 'grain', weight: 2 }] } : t));
    const changed = { ...config, briefing: { ...config.briefing, topics } };
    const before = fs.statSync(cacheFile()).size;
    const s = await open({ config: changed });
    expect(s.cacheStats()).toMatchObject({ parseHits: n, analysisHits: 0 });
    // Every record was superseded: the file is written anew, not grown with stale copies.
    expect(fs.statSync(cacheFile()).size).toBeLessThan(before * 1.5);
    expect((await open({ config: changed })).cacheStats()).toMatchObject({ records: n, analysisHits: n });
    const fresh = await ws.open({ config: changed, cache: false });
    expect(answers(s.current())).toBe(answers(fresh.current()));
  });

  it('redoes everything for another engine, and only the analyses when only the analysing code changed', async () => {
    const real = await engineFingerprint();
    await open();
    const n = files().length;
    expect((await open({ fingerprint: { parser: real.parser, engine: 'another-engine' } })).cacheStats()).toMatchObject({ parseHits: n, analysisHits: 0 });
    expect((await open({ fingerprint: { parser: 'another-parser', engine: 'another-engine' } })).cacheStats()).toMatchObject({
      parseHits: 0,
      analysisHits: 0,
    });
  });

  it('drops a record whose checksum fails, analyses that article again and rewrites the file', async () => {
    const first = answers((await open()).current());
    editRecord(1, (json) => json.replace('"text":"', '"text":"X'), false);
    const s = await open();
    const n = files().length;
    expect(s.cacheStats()).toMatchObject({ corrupt: 1, parseHits: n - 1, analysisHits: n - 1 });
    expect(answers(s.current())).toBe(first);
    expect((await open()).cacheStats()).toMatchObject({ corrupt: 0, parseHits: n, analysisHits: n });
  });

  it('never trusts a record of the wrong shape even when its checksum is right', async () => {
    const first = answers((await open()).current());
    // Valid JSON under a right checksum, but more score rows than the article has sentences.
    editRecord(2, (json) => json.replace('"scores":[', '"scores":[[],[],'), true);
    const s = await open();
    const n = files().length;
    expect(s.cacheStats()).toMatchObject({ parseHits: n, analysisHits: n - 1 });
    expect(s.cacheStats()!.corrupt).toBeGreaterThan(0);
    expect(answers(s.current())).toBe(first);
  });

  it('survives a truncated file: the complete records are used, the rest analysed, the file rebuilt', async () => {
    const first = answers((await open()).current());
    const size = fs.statSync(cacheFile()).size;
    fs.truncateSync(cacheFile(), Math.floor(size * 0.6));
    const s = await open();
    const stats = s.cacheStats()!;
    expect(stats.corrupt).toBe(1);
    expect(stats.analysisHits).toBeGreaterThan(0);
    expect(stats.analysisHits).toBeLessThan(files().length);
    expect(answers(s.current())).toBe(first);
    expect((await open()).cacheStats()).toMatchObject({ corrupt: 0, analysisHits: files().length });
  });

  it('ignores a file of another format or plain garbage, and rebuilds it', async () => {
    const first = answers((await open()).current());
    fs.writeFileSync(cacheFile(), 'briefing-analysis-cache 0\n00000000 {}\n');
    const s = await open();
    expect(s.cacheStats()).toMatchObject({ records: 0, parseHits: 0, analysisHits: 0 });
    expect(answers(s.current())).toBe(first);
    fs.writeFileSync(cacheFile(), Buffer.from([0, 1, 2, 255, 10, 13, 0]));
    expect(answers((await open()).current())).toBe(first);
    expect((await open()).cacheStats()).toMatchObject({ analysisHits: files().length });
  });

  it('compacts a file that holds older copies of its records', async () => {
    await open();
    const size = fs.statSync(cacheFile()).size;
    const lines = fs.readFileSync(cacheFile(), 'utf8').split('\n').filter(Boolean);
    fs.appendFileSync(cacheFile(), `${lines.slice(1).join('\n')}\n${lines.slice(1).join('\n')}\n`);
    expect((await open()).cacheStats()).toMatchObject({ analysisHits: files().length });
    expect(fs.statSync(cacheFile()).size).toBeLessThan(size * 1.5);
  });

  it('runs without a cache it cannot write, answering the same', async () => {
    const first = answers((await open()).current());
    fs.rmSync(cacheDir, { recursive: true });
    fs.writeFileSync(cacheDir, 'not a folder');
    const s = await open();
    expect(answers(s.current())).toBe(first);
  });

  it('finds unchanged files by their stamp without reading them, and still sees a changed one', async () => {
    // Stamps of files written just now are not trusted by default: the test trusts them at once.
    const now = (o: { config?: LoadedConfig } = {}) => ws.open({ ...o, stampMarginMs: 0 });
    const first = answers((await now()).current());
    const n = files().length;
    const warm = await now();
    expect(warm.cacheStats()).toMatchObject({ parseHits: n, stampHits: n, analysisHits: n });
    expect(answers(warm.current())).toBe(first);
    // Same size, modification time set back: the change time still gives it away.
    const [one, two] = files();
    const file = path.join(corpus, one!);
    const before = fs.statSync(file);
    const text = fs.readFileSync(file, 'utf8');
    const swapped = text.replace(/talks/, 'TALKS');
    expect(swapped).not.toBe(text);
    fs.writeFileSync(file, swapped);
    fs.utimesSync(file, before.atime, before.mtime);
    expect(fs.statSync(file).size).toBe(before.size);
    // And a file with new text.
    fs.appendFileSync(path.join(corpus, two!), '\n\nThe minister said on Monday that the talks would resume in October.\n');
    const changed = await now();
    expect(changed.cacheStats()).toMatchObject({ stampHits: n - 2, parseHits: n - 2, analysisHits: n - 2 });
    expect(changed.current().analysisOf(changed.current().articles.find((a) => a.file === one)!.id)?.article.text).toContain('TALKS');
    expect(answers(changed.current())).toBe(answers((await ws.open({ cache: false })).current()));
    expect((await now()).cacheStats()).toMatchObject({ stampHits: n });
  });

  it('does not keep the stamp of a file read within the margin after its last write', async () => {
    const n = files().length;
    await ws.open({ stampMarginMs: 60_000 });
    expect((await ws.open({ stampMarginMs: 60_000 })).cacheStats()).toMatchObject({ parseHits: n, stampHits: 0 });
    // Read again once the file is old enough: its stamp is kept from then on.
    expect((await ws.open({ stampMarginMs: 0 })).cacheStats()).toMatchObject({ parseHits: n, stampHits: 0 });
    expect((await ws.open({ stampMarginMs: 0 })).cacheStats()).toMatchObject({ parseHits: n, stampHits: n });
  });

  it('decodes statements only when first read, and serves the rest when a part does not decode', async () => {
    const first = (await open()).current();
    const victim = first.articles[0]!.id;
    expect(first.statements({ article: victim }).ok).toBe(true);
    // A statements part that is not JSON, under a right checksum: that article's statements are left out, nothing else.
    const index = fs
      .readFileSync(cacheFile(), 'utf8')
      .split('\n')
      .slice(1)
      .findIndex((l) => l.includes(`"id":"${victim}"`));
    expect(index).toBeGreaterThanOrEqual(0);
    editRecord(index, (json) => json.replace('"statements":"[', '"statements":"[{'), true);
    const s = await open();
    const b = s.current();
    const mine = b.statements();
    const theirs = first.statements();
    if (!mine.ok || !theirs.ok) throw new Error('statements failed');
    expect(theirs.value.filter((x) => x.article === victim).length).toBeGreaterThan(0);
    expect(mine.value.filter((x) => x.article === victim)).toEqual([]);
    expect(mine.value.filter((x) => x.article !== victim).length).toBe(theirs.value.filter((x) => x.article !== victim).length);
    expect(b.analysisOf(victim)?.issues.some((i) => i.code === 'analysis_failed')).toBe(true);
  });
});
