import { describe, expect, it } from 'vitest';
import { specificity } from '../../../src/core/digest/query-digest.ts';
import { briefingOf, loadConfig, SEED_DIR } from '../../helpers/digest-corpus.ts';

/**
 * A specific question on a small mixed corpus (the bundled sample: five reports of one week of
 * diplomacy) must be answered by what it asks, not by the week's most central fact.
 */
describe('a specific question', () => {
  const b = briefingOf(SEED_DIR, loadConfig());

  it('is answered first by a point about what it asks (Russia’s stance on troops), not the most central fact', () => {
    const r = b.query('what did Russia say about NATO troops');
    expect(r.ok).toBe(true);
    const first = r.ok ? r.value.items[0]!.text : '';
    expect(first).toMatch(/\btroops\b/i);
    expect(first).toMatch(/\b(?:Kremlin|Russia|Russian|Moscow)\b/);
  });

  it('counts as specific when short, as a story description when long', () => {
    expect(specificity(2)).toBe(1);
    expect(specificity(3)).toBe(1);
    expect(specificity(5)).toBeGreaterThan(0);
    expect(specificity(5)).toBeLessThan(1);
    expect(specificity(7)).toBe(0);
    expect(specificity(20)).toBe(0);
  });
});
