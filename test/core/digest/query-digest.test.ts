/**
 * Free-text digests on our labelled corpora: each labelled topic asked as a question in words (its
 * configured title and description, not its terms), scored against the same key facts as the topic
 * digests. Prints recall and precision; asserts floors just under what the engine met when written.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Digest } from '../../../src/core/model.ts';
import { wordCount } from '../../../src/core/digest/features.ts';
import { opensWithReference } from '../../../src/core/digest/standalone.ts';
import { briefingOf, loadConfig, ROOT, SEED_DIR, TOPIC_FIXTURES } from '../../helpers/digest-corpus.ts';
import { evaluateTopic, formatReport, loadFacts, summarise } from './key-facts.ts';

const config = loadConfig();
/** Floors under what free-text questions met when this file was written (2026-12-02: recall 0.87 / 0.60 / 0.57 / 0.28, precision 0.83 / 0.70 / 0.57 / 0.50). */
const FLOORS = { recall: 0.25, precision: 0.45 };
const sets = [
  { name: 'seed corpus', dir: SEED_DIR, facts: join(TOPIC_FIXTURES, 'seed-key-facts.yaml'), floors: FLOORS },
  {
    name: 'hold-out 1',
    dir: join(ROOT, 'test/fixtures/holdout-digest/articles'),
    facts: join(ROOT, 'test/fixtures/holdout-digest/key-facts.yaml'),
    floors: FLOORS,
  },
  {
    name: 'hold-out 2',
    dir: join(ROOT, 'test/fixtures/holdout-digest2/articles'),
    facts: join(ROOT, 'test/fixtures/holdout-digest2/key-facts.yaml'),
    floors: FLOORS,
  },
  { name: 'hold-out 3', dir: join(ROOT, 'test/fixtures/holdout3/articles'), facts: join(ROOT, 'test/fixtures/holdout3/key-facts.yaml'), floors: FLOORS },
];

describe.each(sets)('free-text questions on the $name', ({ name, dir, facts, floors }) => {
  const b = briefingOf(dir, config);
  const labels = loadFacts(facts);
  const digests: Digest[] = Object.keys(labels.topics).map((id) => {
    const t = config.topics.find((x) => x.id === id)!;
    const d = b.query(`${t.title}. ${t.description}`);
    if (!d.ok) throw new Error(id);
    return { ...d.value, topic: id };
  });
  const reports = digests.map((d) => evaluateTopic(d, labels.topics[d.topic]!));
  const summary = summarise(reports);
  console.log(formatReport(`${name} (questions)`, reports, summary));
  for (const d of digests)
    console.log(`[question ${d.topic}]\n${d.items.map((i) => `  - ${i.text} [${i.sources.map((s) => s.article.slice(0, 14)).join(', ')}]`).join('\n')}`);

  it('meets the measured floors', () => {
    expect(summary.recall).toBeGreaterThanOrEqual(floors.recall);
    expect(summary.precision).toBeGreaterThanOrEqual(floors.precision);
  });

  it('gives points that stand alone and cite what they come from', () => {
    for (const d of digests) {
      for (const item of d.items) {
        expect(opensWithReference(item.text), item.text).toBe(false);
        expect(item.sources.length).toBeGreaterThan(0);
        expect(new Set(item.evidence.map((e) => e.article))).toEqual(new Set(item.sources.map((s) => s.article)));
      }
    }
  });

  it('keeps to a word budget', () => {
    const t = config.topics.find((x) => x.id === Object.keys(labels.topics)[0])!;
    const d = b.query(`${t.title}. ${t.description}`, { words: 60 });
    expect(d.ok && d.value.items.reduce((n, i) => n + wordCount(i.text), 0)).toBeLessThanOrEqual(60);
    expect(d.ok && d.value.items.length).toBeGreaterThan(0);
  });
});
