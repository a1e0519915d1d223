import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/core/briefing.ts';
import { EventMerger } from '../../../src/core/timeline/merge-events.ts';
import { restoreTimeline, storeTimeline } from '../../../src/core/timeline/merger-store.ts';
import { loadArticles, loadConfig, OWN_DIR, SEED_DIR } from '../../helpers/digest-corpus.ts';

const config = loadConfig();
const analyses = [...loadArticles(SEED_DIR), ...loadArticles(OWN_DIR)].map((a) => analyseArticle(a, { topics: config.topics }));
const half = Math.floor(analyses.length / 2);
const first = analyses.slice(0, half);
const rest = analyses.slice(half);

/** A merger over the first half, and one restored from its stored form (through JSON, as on disk). */
function pair() {
  const live = new EventMerger();
  live.add(first.flatMap((a) => a.events));
  live.events();
  const stored = storeTimeline(live, first);
  if (!stored) throw new Error('not stored');
  return { live, stored: JSON.parse(JSON.stringify(stored)) as typeof stored };
}

describe('the stored timeline merge', () => {
  it('restores to the timeline it was stored from, and grows as the live merger does', () => {
    const { live, stored } = pair();
    const restored = restoreTimeline(stored, first);
    expect(restored).toBeDefined();
    expect(JSON.stringify(restored!.events())).toBe(JSON.stringify(live.events()));
    expect(restored!.events().length).toBeGreaterThan(0);
    for (const a of rest) {
      live.add(a.events);
      restored!.add(a.events);
      expect(JSON.stringify(restored!.events())).toBe(JSON.stringify(live.events()));
    }
  });

  it('refuses what is malformed or names an article or event that is not there', () => {
    const { stored } = pair();
    expect(restoreTimeline({ ...stored, format: 2 }, first)).toBeUndefined();
    expect(restoreTimeline(stored, first.slice(0, 1))).toBeUndefined();
    const g = stored.groups[0]!;
    for (const bad of [
      { ...g, e: [0, 0, 0, 1e9] },
      { ...g, mw: [[1e6]] },
      { ...g, mw: [] },
      { ...g, s: [null] },
      { ...g, q: 'x' },
    ]) {
      expect(restoreTimeline({ ...stored, groups: [bad as typeof g, ...stored.groups.slice(1)] }, first)).toBeUndefined();
    }
    expect(restoreTimeline({ ...stored, unmatched: [[0, 1e6]] }, first)).toBeUndefined();
    expect(restoreTimeline({ ...stored, known: [[1, 2]] as never }, first)).toBeUndefined();
  });
});
