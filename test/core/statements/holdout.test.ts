import { describe, expect, it } from 'vitest';
import { measureFolder } from '../../helpers/statements-eval.ts';

/**
 * Blind hold-out measurement of who-said-what: four articles (wire dateline, front matter, scraped page, headline line)
 * written and hand-labelled before the engine was run on them, never tuned on. The floors are the figures measured on the
 * fixed figures minus a small margin: this test measures and prints, it does not certify quality.
 */
const DIR = 'test/fixtures/holdout';
describe('who said what: blind hold-out articles', () => {
  it('prints precision and recall for direct and reported statements, with the right speaker', () => {
    const { articles, figures: f } = measureFolder(DIR, 'holdout');
    expect(articles).toBe(4);
    expect(f.direct.labels + f.reported.labels).toBeGreaterThan(100);
    // First blind run (before any tuning): direct recall 78.0 % (46/59; text only 100 %), precision 73.0 % (46/63);
    // reported recall 65.0 % (39/60; text only 83.3 %), precision 69.6 % (39/56).
    // After the generic fixes for the diagnosed causes (A–F): direct 98.3 % recall (58/59), 98.3 % precision (58/59);
    // reported 98.3 % recall (59/60; text only 100 %), 98.3 % precision (59/60). These articles were diagnosed, so they
    // are no longer blind: holdout2.test.ts carries the honest figure. Floors are the fixed figures minus ~3 points.
    expect(f.direct.recall).toBeGreaterThanOrEqual(0.95);
    expect(f.direct.precision).toBeGreaterThanOrEqual(0.95);
    expect(f.direct.textHits / f.direct.labels).toBeGreaterThanOrEqual(0.98);
    expect(f.reported.recall).toBeGreaterThanOrEqual(0.95);
    expect(f.reported.precision).toBeGreaterThanOrEqual(0.95);
    expect(f.reported.textHits / f.reported.labels).toBeGreaterThanOrEqual(0.97);
  });
});
