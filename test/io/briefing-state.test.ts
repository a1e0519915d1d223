import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type LoadedConfig } from '../../src/config/load-config.ts';
import { readBriefingState, STATE_FILE } from '../../src/io/briefing-state.ts';
import { answers, cacheWorkspace, type CacheWorkspace } from '../helpers/cache-workspace.ts';

let ws: CacheWorkspace;
let corpus: string;
let cacheDir: string;
let config: LoadedConfig;

beforeEach(async () => {
  config = await loadConfig('config');
  ws = cacheWorkspace('briefing-state-', config);
  ({ corpus, cacheDir } = ws);
  // A copy, so the kept duplicate verdicts are exercised too.
  const first = ws.files()[0]!;
  fs.copyFileSync(path.join(corpus, first), path.join(corpus, `zz-copy-${first}`));
});

afterEach(() => ws.dispose());

const open = (withCache = true) => ws.open({ cache: withCache });

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

/** Rewrites the state file's JSON with `edit`, with a right checksum (so only the shape checks can refuse it). */
function editState(edit: (state: { saved: { timeline?: Record<string, unknown> } }) => void) {
  const file = path.join(cacheDir, STATE_FILE);
  const [header, body] = fs.readFileSync(file, 'utf8').split('\n');
  const state = JSON.parse(body!.slice(9));
  edit(state);
  const json = JSON.stringify(state);
  fs.writeFileSync(file, `${header}\n${(zlib.crc32(json) >>> 0).toString(16).padStart(8, '0')} ${json}\n`);
}

describe('the timeline merge kept in the state', () => {
  it('is saved, and a restart continues it: the same timeline, also once an article is added', async () => {
    await firstStart();
    const stored = await readBriefingState(cacheDir);
    expect(stored?.saved.timeline?.groups.length).toBeGreaterThan(0);
    const again = await open();
    expect(again.restoredState).toBe(true);
    const fresh = await open(false);
    expect(JSON.stringify(again.current().timeline())).toBe(JSON.stringify(fresh.current().timeline()));
    const file = path.join(corpus, 'zz-new.txt');
    fs.writeFileSync(
      file,
      'Ministers meet again\n\nOn March 3, 2025, the foreign ministers met in Vasta to sign the grain corridor agreement, officials said. The talks went on for hours.\n',
    );
    await again.addFile(file);
    const rebuilt = await open(false);
    expect(again.current().articles.length).toBe(rebuilt.current().articles.length);
    expect(answers(again.current())).toBe(answers(rebuilt.current()));
  });

  it('is merged afresh when its part of the state is malformed, though the checksum holds', async () => {
    const before = await firstStart();
    const variants: ((t: Record<string, unknown>) => void)[] = [
      (t) => {
        (t.groups as { e: number[] }[])[0]!.e = [999_999, 0, 0, 1];
      },
      (t) => {
        (t.groups as { mw: unknown }[])[0]!.mw = 'x';
      },
      (t) => {
        t.format = 99;
      },
      (t) => {
        t.unmatched = [[0, 999_999]];
      },
    ];
    const file = path.join(cacheDir, STATE_FILE);
    const good = fs.readFileSync(file, 'utf8');
    for (const change of variants) {
      editState((s) => change(s.saved.timeline!));
      const edited = fs.readFileSync(file, 'utf8');
      const s = await open();
      expect(s.restoredState).toBe(true);
      expect(answers(s.current())).toBe(before);
      // The timeline was merged afresh, so the state is written again, whole.
      await s.settled();
      expect(fs.readFileSync(file, 'utf8')).not.toBe(edited);
      expect((await readBriefingState(cacheDir))?.saved.timeline?.format).toBe(1);
      fs.writeFileSync(file, good);
    }
  });
});
