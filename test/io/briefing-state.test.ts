import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBriefingService, type BriefingService } from '../../src/app/briefing-service.ts';
import { loadConfig, type LoadedConfig } from '../../src/config/load-config.ts';
import type { Briefing } from '../../src/core/briefing.ts';
import { STATE_FILE } from '../../src/io/briefing-state.ts';

const SEED = 'briefings/corpus';
let work: string;
let corpus: string;
let cacheDir: string;
let config: LoadedConfig;
const opened: BriefingService[] = [];

beforeEach(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-state-'));
  corpus = path.join(work, 'corpus');
  cacheDir = path.join(work, 'cache');
  fs.cpSync(SEED, corpus, { recursive: true });
  // A copy, so the kept duplicate verdicts are exercised too.
  const first = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt') || f.endsWith('.md'))[0]!;
  fs.copyFileSync(path.join(corpus, first), path.join(corpus, `zz-copy-${first}`));
  config = await loadConfig('config');
});

afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const open = async (withCache = true) => {
  const s = await openBriefingService({ config, corpusDirs: [corpus], ...(withCache ? { cacheDir, awaitCache: true } : {}) });
  opened.push(s);
  return s;
};

/** Everything the commands answer from, as one comparable value. */
const answers = (b: Briefing) =>
  JSON.stringify({
    digests: b.topics().map((t) => b.digest(t.id)),
    disputes: b.disputes(),
    statements: b.statements(),
    timeline: b.timeline(),
    sources: b.sources(),
    issues: b.issues,
    duplicates: b.articles.map((a) => a.duplicateOf ?? null),
  });

/** Opens with the cache, answers a digest (so the state is computed) and lets the state be written. */
async function firstStart(): Promise<string> {
  const s = await open();
  expect(s.restoredState).toBe(false);
  const before = answers(s.current());
  await s.settled();
  expect(fs.existsSync(path.join(cacheDir, STATE_FILE))).toBe(true);
  return before;
}

describe('the corpus-wide state kept beside the analysis cache', () => {
  it('a restart over the same files uses it and answers exactly as a build from nothing', async () => {
    await firstStart();
    const again = await open();
    expect(again.restoredState).toBe(true);
    const fresh = await open(false);
    expect(answers(again.current())).toBe(answers(fresh.current()));
    expect(again.current().articles.some((a) => a.duplicateOf)).toBe(true);
  });

  it('a file added since is taken into the restored state, as a build from nothing would', async () => {
    await firstStart();
    fs.writeFileSync(
      path.join(corpus, 'zz-new.txt'),
      'Talks resume next week\n\nThe two delegations will meet again next week to discuss a ceasefire, officials said on Monday. Both sides said the talks were constructive.\n',
    );
    const again = await open();
    expect(again.restoredState).toBe(true);
    expect(again.current().articles.some((a) => a.id === 'zz-new')).toBe(true);
    expect(answers(again.current())).toBe(answers((await open(false)).current()));
  });

  it('is not used when a file it covers changed, and is written again for the new text', async () => {
    await firstStart();
    const file = fs.readdirSync(corpus).find((f) => f.endsWith('.txt') && !f.startsWith('zz-'))!;
    fs.appendFileSync(path.join(corpus, file), '\nA late paragraph added to the article says the meeting ended without a statement.\n');
    const again = await open();
    expect(again.restoredState).toBe(false);
    expect(answers(again.current())).toBe(answers((await open(false)).current()));
    again.current().digest(config.briefing.topics[0]!.id);
    await again.settled();
    expect((await open()).restoredState).toBe(true);
  });

  it('a damaged, truncated or foreign file is never trusted', async () => {
    const before = await firstStart();
    const file = path.join(cacheDir, STATE_FILE);
    const good = fs.readFileSync(file, 'utf8');
    const variants = [
      good.replace(/"covered":\["/, '"covered":["x'), // checksum no longer matches
      good.slice(0, Math.floor(good.length / 2)), // truncated
      good.replace(/^briefing-state \d+/, 'briefing-state 999'), // another format
      '',
    ];
    for (const text of variants) {
      fs.writeFileSync(file, text);
      const s = await open();
      expect(s.restoredState).toBe(false);
      expect(answers(s.current())).toBe(before);
    }
  });
});
