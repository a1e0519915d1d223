import { mkdtempSync, rmSync, truncateSync, utimesSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadArticleFile, loadCorpus } from '../../src/io/load-corpus.ts';

const SEED = join(import.meta.dirname, '../../briefings/corpus');
const GOOD = 'Ministers Meet Again\n\nThe ministers met on Monday. They agreed to talk again.\n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'corpus-test-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadCorpus', () => {
  it('loads the seed corpus in sorted order with no issues', async () => {
    const r = await loadCorpus(SEED);
    expect(r.issues).toEqual([]);
    expect(r.articles.map((a) => a.file)).toEqual(
      readdirSync(SEED)
        .filter((f) => f.endsWith('.txt'))
        .sort(),
    );
    for (const a of r.articles) expect(Number.isNaN(Date.parse(a.addedAt!))).toBe(false);
  });

  it('reads .txt and .md files only, sets addedAt from the file time', async () => {
    writeFileSync(join(dir, 'b.md'), GOOD);
    writeFileSync(join(dir, 'a.txt'), GOOD.replace('Monday', 'Tuesday'));
    writeFileSync(join(dir, 'notes.json'), '{}');
    writeFileSync(join(dir, '.hidden.txt'), GOOD);
    const when = new Date('2025-09-01T12:00:00Z');
    utimesSync(join(dir, 'a.txt'), when, when);
    const r = await loadCorpus(dir);
    expect(r.articles.map((a) => a.id)).toEqual(['a', 'b']);
    expect(r.articles[0]!.addedAt).toBe('2025-09-01T12:00:00.000Z');
    expect(r.issues).toEqual([]);
  });

  it('reports a missing folder as one issue', async () => {
    const missing = join(dir, 'nope');
    const r = await loadCorpus(missing);
    expect(r.articles).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ file: missing, code: 'missing_folder', severity: 'error' });
    expect(r.issues[0]!.message).toContain('does not exist');
  });

  it('gives exactly one issue per bad file and still loads the good ones', async () => {
    writeFileSync(join(dir, '01-good.txt'), GOOD);
    writeFileSync(join(dir, '02-empty.txt'), '');
    writeFileSync(join(dir, '03-blank.txt'), '  \n\n \t\n');
    writeFileSync(join(dir, '04-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    writeFileSync(join(dir, '05-latin1.txt'), Buffer.from('Caf\xe9 talks resumed on Monday.\n', 'latin1'));
    writeFileSync(join(dir, '06-badyaml.md'), '---\ntitle: "unclosed\n---\nThe talks resumed.\n');
    writeFileSync(join(dir, '07-baddate.md'), '---\npublished: not-a-date\n---\nThe talks resumed.\n');
    writeFileSync(join(dir, '08-debris.txt'), 'No comments:\nPost a Comment\nShare this:\nAdvertisement\n');
    copyFileSync(join(SEED, readdirSync(SEED).sort()[0]!), join(dir, '09-seed.txt'));
    const r = await loadCorpus(dir);
    expect(r.articles.map((a) => a.file)).toEqual(['01-good.txt', '09-seed.txt']);
    const byFile = Object.fromEntries(r.issues.map((i) => [i.file, i]));
    expect(r.issues).toHaveLength(7);
    expect(byFile['02-empty.txt']).toMatchObject({ code: 'empty', severity: 'error' });
    expect(byFile['03-blank.txt']).toMatchObject({ code: 'empty' });
    expect(byFile['04-binary.txt']).toMatchObject({ code: 'binary' });
    expect(byFile['05-latin1.txt']).toMatchObject({ code: 'invalid_utf8' });
    expect(byFile['05-latin1.txt']!.message).toMatch(/UTF-8.*offset 3/);
    expect(byFile['06-badyaml.md']).toMatchObject({ code: 'bad_front_matter' });
    expect(byFile['07-baddate.md']).toMatchObject({ code: 'bad_front_matter' });
    expect(byFile['07-baddate.md']!.message).toMatch(/"published".*not-a-date.*2025-08-26/);
    expect(byFile['08-debris.txt']).toMatchObject({ code: 'no_content' });
    for (const i of r.issues) expect(i.message.length).toBeGreaterThan(20);
  });

  it('refuses a file over the size limit without reading it (a 50 MB sparse file)', async () => {
    const big = join(dir, 'huge.txt');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024);
    writeFileSync(join(dir, 'ok.txt'), GOOD);
    const r = await loadCorpus(dir);
    expect(r.articles.map((a) => a.file)).toEqual(['ok.txt']);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ file: 'huge.txt', code: 'too_large' });
    expect(r.issues[0]!.message).toMatch(/50\.0 MB.*5\.0 MB/);
  });

  it('honours a smaller size limit', async () => {
    writeFileSync(join(dir, 'a.txt'), GOOD);
    const r = await loadCorpus(dir, { maxBytes: 10 });
    expect(r.issues[0]).toMatchObject({ code: 'too_large' });
  });

  it('strips a BOM and reads CRLF files with valid spans', async () => {
    writeFileSync(join(dir, 'crlf.txt'), `\uFEFF${GOOD.replace(/\n/g, '\r\n')}`);
    const r = await loadCorpus(dir);
    const a = r.articles[0]!;
    expect(a.title).toBe('Ministers Meet Again');
    expect(a.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(a.sentences.map((s) => s.text)).toEqual(['The ministers met on Monday.', 'They agreed to talk again.']);
    for (const s of a.sentences) expect(a.text.slice(s.span.start, s.span.end)).toBe(s.text);
  });

  it('keeps ids unique when a .txt and a .md share a name', async () => {
    writeFileSync(join(dir, 'same.txt'), GOOD);
    writeFileSync(join(dir, 'same.md'), GOOD.replace('Monday', 'Friday'));
    const r = await loadCorpus(dir);
    expect(new Set(r.articles.map((a) => a.id)).size).toBe(2);
  });
});

describe('loadArticleFile', () => {
  it('loads one file by path', async () => {
    const p = join(dir, 'one.md');
    writeFileSync(p, `---\nsource: Example Wire\n---\n${GOOD}`);
    const r = await loadArticleFile(p);
    expect(r.issues).toEqual([]);
    expect(r.article).toMatchObject({ id: 'one', file: 'one.md', source: 'Example Wire', title: 'Ministers Meet Again' });
  });

  it('recognises UTF-16 text and asks for UTF-8', async () => {
    const p = join(dir, 'utf16.txt');
    writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]));
    const r = await loadArticleFile(p);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'invalid_utf8' })]);
    expect(r.issues[0]!.message).toMatch(/UTF-16/);
  });

  it('refuses a file that is not .txt or .md', async () => {
    const p = join(dir, 'notes.json');
    writeFileSync(p, '{"a": 1}');
    const r = await loadArticleFile(p);
    expect(r.article).toBeUndefined();
    expect(r.issues[0]!.message).toMatch(/\.txt and \.md/);
  });

  it('reports a missing file', async () => {
    const r = await loadArticleFile(join(dir, 'missing.txt'));
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ file: 'missing.txt', code: 'unreadable' });
  });
});
