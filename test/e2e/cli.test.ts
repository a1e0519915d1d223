import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBriefing } from '../helpers/run-cli.ts';

describe('briefing command line', () => {
  it('lists the configured topics as JSON', () => {
    const r = runBriefing(['topics', '--json']);
    expect(r.code).toBe(0);
    const ids = (JSON.parse(r.stdout) as { topics: { id: string }[] }).topics.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['security-guarantees', 'summits', 'sanctions']));
  });

  it('prints a digest in the documented JSON shape, every item cited', () => {
    const r = runBriefing(['digest', 'security-guarantees', '--json', '--max', '5']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as { topic: string; title: string; items: { text: string; sources: { article: string; title: string; date: string | null }[] }[] };
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

  it('exits 2 on an unknown topic, naming the known topics and the closest one', () => {
    const r = runBriefing(['digest', 'sanctoins']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown topic "sanctoins"');
    expect(r.stderr).toMatch(/Did you mean: sanctions/);
    expect(r.stderr).toContain('security-guarantees');
  });

  it('exits 2 on a bad --max, naming the option', () => {
    const r = runBriefing(['digest', 'summits', '--max', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max');
  });

  it('exits 2 when the corpus folder is missing, naming it', () => {
    const missing = path.join(os.tmpdir(), 'no-such-corpus-folder');
    const r = runBriefing(['sources', '--corpus', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(missing);
  });

  it('loads the good articles of a folder with a bad one, reporting the bad one by name', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-corpus-'));
    writeFileSync(path.join(dir, 'good.txt'), readFileSync('briefings/corpus/000_898646384b2e7fc2.txt'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const r = runBriefing(['sources', '--json', '--corpus', dir]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { sources: { article: string }[] }).sources.map((s) => s.article)).toEqual(['good']);
    expect(r.stderr).toContain('empty.txt');
  });

  it('build writes a digest per topic, who said what and the timeline', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'cli-build-'));
    const r = runBriefing(['build', '--out', out]);
    expect(r.code).toBe(0);
    const topics = (JSON.parse(runBriefing(['topics', '--json']).stdout) as { topics: { id: string }[] }).topics;
    for (const t of topics) expect(existsSync(path.join(out, `${t.id}.md`))).toBe(true);
    expect(readFileSync(path.join(out, 'who-said-what.md'), 'utf8')).toMatch(/^# Who said what/);
    expect(readFileSync(path.join(out, 'timeline.md'), 'utf8')).toMatch(/^# Timeline/);
  });

  it('prints who said what in the documented JSON shape; a direct quote is exactly the quoted words', () => {
    const r = runBriefing(['quotes', '--speaker', 'zakharova', '--json']);
    expect(r.code).toBe(0);
    const { statements } = JSON.parse(r.stdout) as { statements: { article: string; speaker: string; kind: string; text: string; cue: string; sentence: string; date: string | null; topics: string[] }[] };
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      expect(s.speaker).toBe('Maria Zakharova');
      expect(s.sentence).toContain(s.text);
      expect(['direct', 'reported']).toContain(s.kind);
    }
    const direct = statements.filter((s) => s.kind === 'direct');
    expect(direct.map((s) => s.text)).toContain('categorically rejects');
  });

  it('matches a speaker loosely and exits 2 with the closest names for nobody', () => {
    const yury = JSON.parse(runBriefing(['quotes', '--speaker', 'yuri ushakov', '--json']).stdout) as { statements: { speaker: string; article: string }[] };
    expect(new Set(yury.statements.map((s) => s.speaker)).size).toBe(1);
    // The same person, spelled Yuri in one article and Yury in another.
    expect(new Set(yury.statements.map((s) => s.article.slice(0, 3)))).toEqual(new Set(['002', '003']));
    const nobody = runBriefing(['quotes', '--speaker', 'Qwertyuiop Asdfgh']);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('Qwertyuiop Asdfgh');
  });

  it('lists the timeline with ISO days, oldest first, merged across sources', () => {
    const r = runBriefing(['timeline', '--json']);
    expect(r.code).toBe(0);
    const { events } = JSON.parse(r.stdout) as { events: { date: string; text: string; sources: { article: string }[] }[] };
    for (const e of events) expect(e.date).toMatch(/^(\d{4}|-)-\d{2}-\d{2}$/);
    expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort());
    const summit = events.find((e) => e.date === '2025-08-15');
    expect(summit?.sources.length).toBeGreaterThanOrEqual(2);
  });

  it('shows positions by party and exits 2 for an unknown topic', () => {
    const r = runBriefing(['positions', 'security-guarantees', '--json']);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout) as { parties: { name: string; statements: { speaker: string }[] }[] };
    expect(p.parties.length).toBeGreaterThanOrEqual(2);
    for (const party of p.parties) expect(party.statements.length).toBeGreaterThan(0);
    expect(runBriefing(['positions', 'nope']).code).toBe(2);
  });

  it('add validates an article and copies it into the corpus folder, refusing a bad one and a second copy', () => {
    const corpus = mkdtempSync(path.join(os.tmpdir(), 'cli-add-'));
    const src = mkdtempSync(path.join(os.tmpdir(), 'cli-add-src-'));
    const good = path.join(src, 'new-story.txt');
    writeFileSync(good, readFileSync('briefings/corpus/003_f35b7f49314597f6.txt'));
    const ok = runBriefing(['add', good, '--corpus', corpus]);
    expect(ok.code).toBe(0);
    expect(readdirSync(corpus)).toEqual(['new-story.txt']);
    expect(runBriefing(['add', good, '--corpus', corpus]).code).toBe(2);
    const bad = path.join(src, 'empty.txt');
    writeFileSync(bad, '');
    const refused = runBriefing(['add', bad, '--corpus', corpus]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('empty.txt');
    expect(readdirSync(corpus)).toEqual(['new-story.txt']);
  });
});
