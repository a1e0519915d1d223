import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-in-process.ts';

describe('briefing command line (in-process)', () => {
  it('lists the configured topics as JSON', async () => {
    const r = await cli(['topics', '--json']);
    expect(r.code).toBe(0);
    const ids = (JSON.parse(r.stdout) as { topics: { id: string }[] }).topics.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['security-guarantees', 'summits', 'sanctions']));
  });

  it('prints a digest in the documented JSON shape, every item cited', async () => {
    const r = await cli(['digest', 'security-guarantees', '--json', '--max', '5']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as {
      topic: string;
      title: string;
      items: { text: string; sources: { article: string; title: string; date: string | null }[] }[];
    };
    expect(d.topic).toBe('security-guarantees');
    expect(typeof d.title).toBe('string');
    expect(d.items.length).toBeGreaterThan(0);
    expect(d.items.length).toBeLessThanOrEqual(5);
    for (const item of d.items) {
      expect(item.text.length).toBeGreaterThan(10);
      expect(item.sources.length).toBeGreaterThan(0);
      for (const s of item.sources) expect(readdirSync('briefings/corpus').map((f) => f.replace(/\.(txt|md)$/, ''))).toContain(s.article);
    }
  });

  it('exits 2 on an unknown topic, naming the known topics and the closest one', async () => {
    const r = await cli(['digest', 'sanctoins']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown topic "sanctoins"');
    expect(r.stderr).toMatch(/Did you mean: sanctions/);
    expect(r.stderr).toContain('security-guarantees');
  });

  it('exits 2 on a bad --max, naming the option', async () => {
    const r = await cli(['digest', 'summits', '--max', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max');
  });

  it('exits 2 when the corpus folder is missing, naming it', async () => {
    const missing = path.join(os.tmpdir(), 'no-such-corpus-folder');
    const r = await cli(['sources', '--corpus', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(missing);
  });

  it('loads the good articles of a folder with a bad one, reporting the bad one by name', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-corpus-'));
    writeFileSync(path.join(dir, 'good.txt'), readFileSync('briefings/corpus/000_898646384b2e7fc2.txt'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const r = await cli(['sources', '--json', '--corpus', dir]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { sources: { article: string }[] }).sources.map((s) => s.article)).toEqual(['good']);
    expect(r.stderr).toContain('empty.txt');
  });

  it('build writes a digest per topic, who said what and the timeline', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'cli-build-'));
    const r = await cli(['build', '--out', out]);
    expect(r.code).toBe(0);
    const topics = (JSON.parse((await cli(['topics', '--json'])).stdout) as { topics: { id: string }[] }).topics;
    for (const t of topics) expect(existsSync(path.join(out, `${t.id}.md`))).toBe(true);
    expect(readFileSync(path.join(out, 'who-said-what.md'), 'utf8')).toMatch(/^# Who said what/);
    expect(readFileSync(path.join(out, 'timeline.md'), 'utf8')).toMatch(/^# Timeline/);
  });

  it('prints who said what in the documented JSON shape; a direct quote is exactly the quoted words', async () => {
    const r = await cli(['quotes', '--speaker', 'zakharova', '--json']);
    expect(r.code).toBe(0);
    const { statements } = JSON.parse(r.stdout) as {
      statements: { article: string; speaker: string; kind: string; text: string; cue: string; sentence: string; date: string | null; topics: string[] }[];
    };
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      expect(s.speaker).toBe('Maria Zakharova');
      expect(s.sentence).toContain(s.text);
      expect(['direct', 'reported']).toContain(s.kind);
    }
    const direct = statements.filter((s) => s.kind === 'direct');
    expect(direct.map((s) => s.text)).toContain('categorically rejects');
  });

  it('matches a speaker loosely and exits 2 with the closest names for nobody', async () => {
    const yury = JSON.parse((await cli(['quotes', '--speaker', 'yuri ushakov', '--json'])).stdout) as { statements: { speaker: string; article: string }[] };
    expect(new Set(yury.statements.map((s) => s.speaker)).size).toBe(1);
    // The same person, spelled Yuri in one article and Yury in another.
    expect(new Set(yury.statements.map((s) => s.article.slice(0, 3)))).toEqual(new Set(['002', '003']));
    const nobody = await cli(['quotes', '--speaker', 'Qwertyuiop Asdfgh']);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('Qwertyuiop Asdfgh');
  });

  it('lists the timeline with ISO days, oldest first, merged across sources', async () => {
    const r = await cli(['timeline', '--json']);
    expect(r.code).toBe(0);
    const { events } = JSON.parse(r.stdout) as { events: { date: string; text: string; sources: { article: string }[] }[] };
    for (const e of events) expect(e.date).toMatch(/^(\d{4}|-)-\d{2}-\d{2}$/);
    expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort());
    const summit = events.find((e) => e.date === '2025-08-15');
    expect(summit?.sources.length).toBeGreaterThanOrEqual(2);
  });

  it('shows positions by party and exits 2 for an unknown topic', async () => {
    const r = await cli(['positions', 'security-guarantees', '--json']);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout) as { parties: { name: string; statements: { speaker: string }[] }[] };
    expect(p.parties.length).toBeGreaterThanOrEqual(2);
    for (const party of p.parties) expect(party.statements.length).toBeGreaterThan(0);
    expect((await cli(['positions', 'nope'])).code).toBe(2);
  });

  it('add validates an article and copies it into the corpus folder, refusing a bad one and a second copy', async () => {
    const corpus = mkdtempSync(path.join(os.tmpdir(), 'cli-add-'));
    const src = mkdtempSync(path.join(os.tmpdir(), 'cli-add-src-'));
    const good = path.join(src, 'new-story.txt');
    writeFileSync(good, readFileSync('briefings/corpus/003_f35b7f49314597f6.txt'));
    const ok = await cli(['add', good, '--corpus', corpus]);
    expect(ok.code).toBe(0);
    expect(readdirSync(corpus)).toEqual(['new-story.txt']);
    expect((await cli(['add', good, '--corpus', corpus])).code).toBe(2);
    const bad = path.join(src, 'empty.txt');
    writeFileSync(bad, '');
    const refused = await cli(['add', bad, '--corpus', corpus]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('empty.txt');
    expect(readdirSync(corpus)).toEqual(['new-story.txt']);
  });
});

/** An article of our own (not a copy of a sample one, which would be counted once as the same story). */
const FRESH_STORY = `---
title: Harbour Board Approves New Ferry Timetable
source: Test Wire
published: 2026-03-02
---
The harbour board on Monday approved a new ferry timetable for the spring season, adding two early crossings.
"We listened to commuters," the board chair, Lena Marsh, told reporters after the vote.
The new timetable takes effect on 1 April and will be reviewed after three months, the board said.
`;

describe('user data apart from the bundled sample', () => {
  it('add copies into $BRIEFING_DATA_DIR/corpus, never into the sample, and the next run serves it', async () => {
    const data = mkdtempSync(path.join(os.tmpdir(), 'cli-data-'));
    const src = mkdtempSync(path.join(os.tmpdir(), 'cli-add-src-'));
    const before = readdirSync('briefings/corpus');
    const file = path.join(src, 'fresh-story.txt');
    writeFileSync(file, FRESH_STORY);
    const added = await cli(['add', file], { env: { BRIEFING_DATA_DIR: data } });
    expect(added.code, added.stderr).toBe(0);
    expect(readdirSync(path.join(data, 'corpus'))).toEqual(['fresh-story.txt']);
    expect(readdirSync('briefings/corpus')).toEqual(before);
    const sources = JSON.parse((await cli(['sources', '--json'], { env: { BRIEFING_DATA_DIR: data } })).stdout) as { sources: { article: string }[] };
    expect(sources.sources.map((s) => s.article)).toContain('fresh-story');
    expect(sources.sources.length).toBe(before.length + 1);
  });

  it('refuses to add into the configured sample corpus', async () => {
    const src = mkdtempSync(path.join(os.tmpdir(), 'cli-add-src-'));
    const file = path.join(src, 'x-story.txt');
    writeFileSync(file, readFileSync('briefings/corpus/003_f35b7f49314597f6.txt'));
    const r = await cli(['add', file, '--corpus', 'briefings/corpus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/read-only/);
    expect(existsSync('briefings/corpus/x-story.txt')).toBe(false);
  });
});

describe('terminal output and settings', () => {
  it('strips escape sequences from article text before printing it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-escapes-'));
    const text = readFileSync('briefings/corpus/000_898646384b2e7fc2.txt', 'utf8');
    writeFileSync(
      path.join(dir, 'evil.txt'),
      `---\ntitle: "Evil \u001b]0;pwned\u0007 \u001b[31mred\u001b[0m headline"\nsource: "Wire \u001b[2J"\n---\n${text}`,
    );
    const r = await cli(['sources', '--corpus', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('red');
    expect(r.stdout).not.toMatch(/[\u001b\u0007]/);
    expect(r.stderr).not.toMatch(/[\u001b\u0007]/);
  });

  it('prints the version of the package', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });

  it.each([
    [{ BRIEFING_CORPUS: '/nonexistent/corpus-folder' }, /^briefing: BRIEFING_CORPUS "\/nonexistent\/corpus-folder" is missing: expected a folder/],
    [{ BRIEFING_CORPUS: 'package.json' }, /^briefing: BRIEFING_CORPUS ".*package\.json" is not a folder: expected a folder/],
    [{ BRIEFING_ADMIN_TARGET: 'discord:abc' }, /^briefing: BRIEFING_ADMIN_TARGET is malformed: .*discord:CHANNEL_ID/],
  ])('stops on an unusable setting with one line naming it (%o)', async (env, message) => {
    const r = await cli(['sources'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('stops on an unusable BRIEFING_DB with one line naming it', async () => {
    const r = await cli(['schedule', 'list'], { env: { BRIEFING_DB: 'package.json/briefing.db' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^briefing: BRIEFING_DB ".*package\.json\/briefing\.db": cannot open the database .*expected a writable SQLite file path/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
