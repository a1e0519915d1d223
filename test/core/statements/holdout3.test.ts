import { describe, expect, it } from 'vitest';
import { measureFolder } from '../../helpers/statements-eval.ts';

/**
 * Third blind hold-out: three articles about one developing story (wire dateline; front matter with curly quotes;
 * headline with web boilerplate), written and hand-labelled without reading src/ and before the engine was run on
 * them. Never tuned on. See the figures below.
 */
const DIR = 'test/fixtures/holdout3';
describe('who said what: third blind hold-out', () => {
  it('prints precision and recall for direct and reported statements, with the right speaker', () => {
    const { articles, figures: f } = measureFolder(DIR, 'holdout3');
    expect(articles).toBe(3);
    expect(f.direct.labels + f.reported.labels).toBeGreaterThan(60);
    // First and only blind run (2026-11-22): direct recall 100 % (25/25; text only 100 %), precision 96.2 % (25/26);
    // reported recall 93.0 % (40/43; text only 97.7 %), precision 81.6 % (40/49). Floors: measured minus 0.1, rounded
    // down — a measurement that catches a collapse, not a target. Do not tune on these articles.
    expect(f.direct.recall).toBeGreaterThanOrEqual(0.9);
    expect(f.direct.precision).toBeGreaterThanOrEqual(0.86);
    expect(f.reported.recall).toBeGreaterThanOrEqual(0.83);
    expect(f.reported.precision).toBeGreaterThanOrEqual(0.71);
  });
});
