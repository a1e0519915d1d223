/**
 * A blind hold-out evaluation of digests, shared by the hold-out test files: builds the digests of a
 * labelled folder, prints the figures and every failure, and asserts floors under what the engine met.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Digest } from '../../src/core/model.ts';
import { evaluateTopic, formatReport, loadFacts, summarise } from '../core/digest/key-facts.ts';
import { briefingOf, loadConfig, ROOT } from './digest-corpus.ts';

/** The least a hold-out set must still reach: rates at least, counts at most. */
export interface DigestFloors {
  recall: number;
  precision: number;
  sourceCompleteness: number;
  repeated: number;
  forbidden: number;
}

/** Declares the tests of one hold-out folder (`articles/` and `key-facts.yaml` under `test/fixtures/<folder>`). */
export function describeDigestHoldout(opts: { name: string; tag: string; folder: string; articles: number; floors: DigestFloors }): void {
  const dir = join(ROOT, 'test', 'fixtures', opts.folder);
  const briefing = briefingOf(join(dir, 'articles'), loadConfig());
  const labels = loadFacts(join(dir, 'key-facts.yaml'));
  const digests: Digest[] = Object.keys(labels.topics).map((t) => {
    const d = briefing.digest(t);
    if (!d.ok) throw new Error(`topic ${t}: ${d.error.code}`);
    return d.value;
  });

  describe(`${opts.name}: digests`, () => {
    const reports = digests.map((d) => evaluateTopic(d, labels.topics[d.topic]!));
    const summary = summarise(reports);
    const repeated = reports.flatMap((r) => r.repeated.map((f) => `${r.topic}/${f}`));
    const forbidden = reports.flatMap((r) => r.forbidden.map((f) => `${r.topic}: ${f}`));
    const block = [
      formatReport(opts.name, reports, summary),
      `  repeated facts (${repeated.length}): ${repeated.join(', ') || 'none'}`,
      `  labelled off-topic shown (${forbidden.length}):${forbidden.map((f) => `\n    ${f}`).join('') || ' none'}`,
      ...reports.flatMap((r) => [
        ...r.missing.map((id) => `  MISSED ${r.topic}/${id}: ${labels.topics[r.topic]!.facts.find((f) => f.id === id)!.text}`),
        ...r.offTopic.map((t) => `  OFF-TOPIC ${r.topic}: ${t}`),
        ...r.incompleteSources.map((s) => `  UNCITED ${r.topic}/${s}`),
      ]),
      ...digests.map(
        (d) =>
          `[${opts.tag} digest ${d.topic}]\n${d.items
            .map((i) => `  - ${i.text} [${i.sources.map((s) => s.article.split('-').slice(0, 2).join('-')).join(', ')}]${i.disputed ? ' (disputed)' : ''}`)
            .join('\n')}`,
      ),
    ];
    console.log(block.join('\n'));

    it(`loads ${opts.articles} articles without issues`, () => {
      expect(briefing.articles).toHaveLength(opts.articles);
      expect(briefing.issues).toEqual([]);
    });

    it('meets the measured floors', () => {
      expect(summary.recall).toBeGreaterThanOrEqual(opts.floors.recall);
      expect(summary.precision).toBeGreaterThanOrEqual(opts.floors.precision);
      expect(summary.sourceCompleteness).toBeGreaterThanOrEqual(opts.floors.sourceCompleteness);
      expect(repeated.length).toBeLessThanOrEqual(opts.floors.repeated);
      expect(forbidden.length).toBeLessThanOrEqual(opts.floors.forbidden);
    });

    it('gives every point a source and evidence from each source, and no duplicate texts', () => expectCitedPoints(digests));
  });
}

/** Every point has a source and evidence from exactly its sources, and no two points of a digest share a text. */
export function expectCitedPoints(digests: readonly Digest[]): void {
  for (const d of digests) {
    expect(new Set(d.items.map((i) => i.text)).size).toBe(d.items.length);
    for (const item of d.items) {
      expect(item.sources.length).toBeGreaterThan(0);
      expect(new Set(item.evidence.map((e) => e.article))).toEqual(new Set(item.sources.map((s) => s.article)));
    }
  }
}
