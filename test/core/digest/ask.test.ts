import { describe, expect, it } from 'vitest';
import { wordCount } from '../../../src/core/digest/features.ts';
import { briefingOf, loadConfig, SEED_DIR } from '../../helpers/digest-corpus.ts';

const config = loadConfig();
const b = briefingOf(SEED_DIR, config);
const topic = config.topics[0]!;

describe('ask: a topic when the text names one, else the question', () => {
  it('answers a configured topic by id, by title, and by its words', () => {
    const expected = b.digest(topic.id);
    for (const text of [topic.id, topic.title, `the ${topic.title.toLowerCase()}?`]) {
      const r = b.ask(text);
      expect(r.ok && r.value.topic, text).toBe(topic.id);
      expect(r.ok && expected.ok && r.value.items.map((i) => i.text)).toEqual(expected.ok && expected.value.items.map((i) => i.text));
    }
  });

  it('answers any other text as a question, with cited points', () => {
    const r = b.ask('what did the Kremlin say about a meeting between the presidents');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.topic).toBe('query');
    expect(r.value.items.length).toBeGreaterThan(0);
    for (const i of r.value.items) expect(i.sources.length).toBeGreaterThan(0);
  });

  it('treats one word a typo away from a topic id as a mistyped topic', () => {
    const r = b.ask(`${topic.id.slice(0, -1)}x`);
    expect(!r.ok && r.error.code).toBe('unknown_topic');
  });

  it('caps a topic digest and a question at a word budget, and rejects a bad since', () => {
    const d = b.digest(topic.id, { words: 40 });
    expect(d.ok && d.value.items.reduce((n, i) => n + wordCount(i.text), 0)).toBeLessThanOrEqual(40);
    const q = b.query('security guarantees for Ukraine', { words: 50 });
    expect(q.ok && q.value.items.reduce((n, i) => n + wordCount(i.text), 0)).toBeLessThanOrEqual(50);
    const bad = b.query('security guarantees', { since: 'yesterday-ish' });
    expect(!bad.ok && bad.error.code).toBe('bad_date');
  });

  it('with since, takes points only from the newer articles', () => {
    const dates = b
      .sources()
      .map((s) => s.date!)
      .filter(Boolean)
      .sort();
    const since = dates[Math.floor(dates.length / 2)]!;
    const q = b.query('security guarantees for Ukraine', { since });
    expect(q.ok).toBe(true);
    if (q.ok) for (const i of q.value.items) expect(i.sources[0]!.date! > since, i.text).toBe(true);
  });
});
