import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ItemRecord } from '../../src/feeds/feed-model.ts';
import type { HttpFetcher } from '../../src/feeds/http-fetcher.ts';
import { recoverInterrupted, takeItem, type TakerDeps } from '../../src/feeds/item-taker.ts';
import { createMemoryFeedStore } from '../../src/feeds/memory-feed-store.ts';

const FULL = '<p>The district board approved the harbour plan on Monday after a long debate about costs and the timetable for the works.</p>'.repeat(5);
const noFetch: HttpFetcher = { get: async () => ({ ok: false, code: 'network', url: 'x', message: 'no network in this test' }), close: async () => {} };

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taker-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const record = (extra: Partial<ItemRecord> = {}): ItemRecord => ({
  feedId: 'fx',
  key: 'id:1',
  state: 'pending',
  attempts: 0,
  file: 'feed-2026-06-01-harbour-plan-0123456789ab.txt',
  item: { guid: '1', title: 'Harbour plan approved', link: 'https://news.example/1', contentHtml: FULL, published: '2026-06-01T10:00:00Z' },
  firstSeenAt: '2026-06-01T10:00:00Z',
  updatedAt: '2026-06-01T10:00:00Z',
  ...extra,
});

describe('taking an item', () => {
  it('records it as taking before the file exists and as taken only after', async () => {
    const store = createMemoryFeedStore();
    const seen: [string, boolean][] = [];
    const file = path.join(dir, record().file!);
    const spy = {
      ...store,
      putItem: async (r: ItemRecord) => {
        seen.push([r.state, fs.existsSync(file)]);
        return store.putItem(r);
      },
    };
    const deps: TakerDeps = {
      store: spy,
      fetcher: noFetch,
      corpusDir: dir,
      clock: () => new Date('2026-06-02T00:00:00Z'),
      maxAttempts: 3,
      fullTextMinChars: 400,
    };
    const r = await takeItem(deps, { id: 'fx', url: 'https://news.example/feed', name: 'Example News' }, record());
    expect(r.article).toMatchObject({ file: record().file, title: 'Harbour plan approved', published: '2026-06-01', feed: 'fx' });
    expect(seen).toEqual([
      ['taking', false],
      ['taken', true],
    ]);
  });

  it('settles an interrupted take: taken when its file was written, pending (attempt not counted) when not', async () => {
    const store = createMemoryFeedStore();
    await store.putItem(record({ key: 'id:written', state: 'taking', attempts: 1, file: 'a.txt' }));
    await store.putItem(record({ key: 'id:lost', state: 'taking', attempts: 1, file: 'b.txt' }));
    fs.writeFileSync(path.join(dir, 'a.txt'), 'x');
    fs.writeFileSync(path.join(dir, '.b.txt.999999999.tmp'), 'half');
    const r = await recoverInterrupted({ store, corpusDir: dir, clock: () => new Date() });
    expect(r).toEqual({ taken: 1, pending: 1 });
    expect((await store.getItem('fx', 'id:written'))!.state).toBe('taken');
    expect(await store.getItem('fx', 'id:lost')).toMatchObject({ state: 'pending', attempts: 0 });
    expect(fs.readdirSync(dir)).toEqual(['a.txt']);
  });
});
