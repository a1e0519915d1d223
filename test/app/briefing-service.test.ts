import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openBriefingService, type BriefingService } from '../../src/app/briefing-service.ts';
import { loadConfig } from '../../src/config/load-config.ts';

const seedFile = (name: string) => path.join('briefings/corpus', name);

/** Waits (bounded) until a condition holds; fails the test if it never does. */
async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await sleep(100);
  }
  throw new Error(`never happened: ${what}`);
}

describe('the live briefing', () => {
  let service: BriefingService | undefined;
  afterEach(() => service?.close());

  it('takes in an article added to the folder without a restart', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'live-corpus-'));
    copyFileSync(seedFile('000_898646384b2e7fc2.txt'), path.join(dir, 'a.txt'));
    service = await openBriefingService({ config: await loadConfig('config'), corpusDirs: [dir] });
    expect(service.current().articles.map((a) => a.id)).toEqual(['a']);
    service.watch();
    copyFileSync(seedFile('002_cf5ecf76aabe7bb2.txt'), path.join(dir, 'b.txt'));
    await eventually(() => service!.current().articles.some((a) => a.id === 'b'), 'b.txt loaded');
    const summits = service.current().digest('summits');
    expect(summits.ok && summits.value.items.some((i) => i.sources.some((s) => s.article === 'b'))).toBe(true);
  });

  it('reports a bad file dropped into the folder and keeps serving the rest', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'live-corpus-'));
    copyFileSync(seedFile('000_898646384b2e7fc2.txt'), path.join(dir, 'a.txt'));
    service = await openBriefingService({ config: await loadConfig('config'), corpusDirs: [dir] });
    service.watch();
    writeFileSync(path.join(dir, 'broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00]));
    await eventually(() => service!.issues().some((i) => i.file.endsWith('broken.txt')), 'broken.txt reported');
    expect(service.current().articles.map((a) => a.id)).toEqual(['a']);
  });

  it('drops an article whose file is deleted', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'live-corpus-'));
    copyFileSync(seedFile('000_898646384b2e7fc2.txt'), path.join(dir, 'a.txt'));
    copyFileSync(seedFile('002_cf5ecf76aabe7bb2.txt'), path.join(dir, 'b.txt'));
    service = await openBriefingService({ config: await loadConfig('config'), corpusDirs: [dir] });
    service.watch();
    rmSync(path.join(dir, 'b.txt'));
    await eventually(() => !service!.current().articles.some((a) => a.id === 'b'), 'b.txt dropped');
    expect(service.current().articles.map((a) => a.id)).toEqual(['a']);
    expect(
      service
        .current()
        .sources()
        .map((s) => s.article),
    ).toEqual(['a']);
  });
});

describe('the live corpus is the sample folder plus the data folder', () => {
  let service: BriefingService | undefined;
  afterEach(() => service?.close());

  it('serves articles of both folders and takes in one added to the second without a restart', async () => {
    const sample = mkdtempSync(path.join(os.tmpdir(), 'live-sample-'));
    const added = mkdtempSync(path.join(os.tmpdir(), 'live-added-'));
    copyFileSync(seedFile('000_898646384b2e7fc2.txt'), path.join(sample, 'a.txt'));
    copyFileSync(seedFile('002_cf5ecf76aabe7bb2.txt'), path.join(added, 'b.txt'));
    service = await openBriefingService({ config: await loadConfig('config'), corpusDirs: [sample, added] });
    expect(
      service
        .current()
        .articles.map((a) => a.id)
        .sort(),
    ).toEqual(['a', 'b']);
    service.watch();
    copyFileSync(seedFile('003_f35b7f49314597f6.txt'), path.join(added, 'c.txt'));
    await eventually(() => service!.current().articles.some((a) => a.id === 'c'), 'c.txt loaded from the second folder');
  });

  it('skips an optional folder that does not exist yet', async () => {
    const sample = mkdtempSync(path.join(os.tmpdir(), 'live-sample-'));
    copyFileSync(seedFile('000_898646384b2e7fc2.txt'), path.join(sample, 'a.txt'));
    const missing = path.join(sample, 'no-such-folder');
    service = await openBriefingService({ config: await loadConfig('config'), corpusDirs: [sample, missing], optionalDirs: [missing] });
    expect(service.corpusDirs).toEqual([sample]);
    expect(service.issues()).toEqual([]);
  });
});
