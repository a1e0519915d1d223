import { describe, expect, it } from 'vitest';
import { measureFolder } from '../../helpers/statements-eval.ts';

/**
 * Second blind hold-out: two articles (wire dateline with particle names; front matter with curly quotes) written and
 * hand-labelled before the generalisation fixes. Measured blind once after those fixes; see the figures below.
 */
const DIR = 'test/fixtures/holdout2';
describe('who said what: second blind hold-out', () => {
  it('prints precision and recall for direct and reported statements, with the right speaker', () => {
    const { articles, figures: f } = measureFolder(DIR, 'holdout2');
    expect(articles).toBe(2);
    expect(f.direct.labels + f.reported.labels).toBeGreaterThan(40);
    // Before the fixes (engine as tuned on the first hold-out's diagnosis only): direct recall 38.9 % (7/18; text only
    // 100 %), precision 33.3 % (7/21); reported recall 48.3 % (14/29; text only 72.4 %), precision 53.8 % (14/26).
    // After the fixes for causes A–F (the honest, blind figure): direct 94.4 % (17/18) / 94.4 % (17/18); reported 72.4 %
    // (21/29; text only 86.2 %) / 84.0 % (21/25). The misses were then read and generic fixes made for some of them
    // (possessive descriptions, `Jan` as a given name, `, which said`, `Body for X`, appositive subjects), so the later
    // figures (direct 94.4 % / 94.4 %, reported 93.1 % / 96.4 %) are no longer blind. Loose floors: a measurement.
    // A third, unseen pair of articles is needed for the next honest figure.
    expect(f.direct.recall).toBeGreaterThanOrEqual(0.85);
    expect(f.direct.precision).toBeGreaterThanOrEqual(0.85);
    expect(f.reported.recall).toBeGreaterThanOrEqual(0.7);
    expect(f.reported.precision).toBeGreaterThanOrEqual(0.8);
  });
});
