import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, readArticles, readLabels, runEngine, type Figures } from '../../helpers/statements-eval.ts';

const FIX = 'test/fixtures/statements';
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function report(name: string, figures: Record<'direct' | 'reported', Figures>) {
  for (const kind of ['direct', 'reported'] as const) {
    const f = figures[kind];
    console.log(
      `[statements] ${name} ${kind}: ${f.labels} labels, ${f.found} found, recall ${pct(f.recall)} (text only ${pct(f.textHits / Math.max(1, f.labels))}), precision ${pct(f.precision)}`,
    );
    for (const m of f.misses) console.log(`  miss  ${m}`);
    for (const e of f.extras) console.log(`  extra ${e}`);
  }
}

function score(dir: string, labelFile: string, only: (id: string) => boolean) {
  const articles = readArticles(dir, only);
  const labels = readLabels(labelFile).filter((l) => only(l.article));
  const { statements, speakers } = runEngine(articles);
  return evaluate(labels, statements, speakers);
}

describe('who said what: precision and recall against hand labels', () => {
  const heldOut: string[] = (parse(readFileSync(`${FIX}/articles-labels.yaml`, 'utf8')) as { heldOut: string[] }).heldOut;

  it('seed corpus: direct quotes ≥ 95 % recall and ≥ 97 % precision; reported ≥ 85 % recall, with the right speaker', () => {
    const f = score('briefings/corpus', `${FIX}/seed-labels.yaml`, () => true);
    report('seed corpus', f);
    expect(f.direct.labels).toBeGreaterThan(20);
    expect(f.direct.recall).toBeGreaterThanOrEqual(0.95);
    expect(f.direct.precision).toBeGreaterThanOrEqual(0.97);
    expect(f.reported.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('own tuned articles meet the same targets', () => {
    const f = score(`${FIX}/articles`, `${FIX}/articles-labels.yaml`, (id) => !heldOut.includes(id));
    report('tuned articles', f);
    expect(f.direct.recall).toBeGreaterThanOrEqual(0.95);
    expect(f.direct.precision).toBeGreaterThanOrEqual(0.97);
    expect(f.reported.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('held-out article (never tuned on): figures are reported, with a looser floor', () => {
    const f = score(`${FIX}/articles`, `${FIX}/articles-labels.yaml`, (id) => heldOut.includes(id));
    report('held-out article', f);
    expect(f.direct.labels + f.reported.labels).toBeGreaterThan(10);
    expect(f.direct.recall).toBeGreaterThanOrEqual(0.8);
    expect(f.reported.recall).toBeGreaterThanOrEqual(0.7);
  });
});
