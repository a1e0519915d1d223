import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.ts';
import { loadArticles, loadConfig, OWN_DIR, SEED_DIR } from '../helpers/digest-corpus.ts';

const config = loadConfig();
const engine = { topics: config.topics };
const articles = [...loadArticles(SEED_DIR), ...loadArticles(OWN_DIR)];

/** A digest's points as a set (the order of points that rank alike is not part of the contract). */
const points = (b: ReturnType<typeof buildBriefing>, topic: string) => {
  const r = b.digest(topic);
  if (!r.ok) throw new Error(r.error.code);
  return r.value.items.map((i) => ({ text: i.text, sources: i.sources.map((s) => s.article).sort() })).sort((x, y) => x.text.localeCompare(y.text));
};

describe("a briefing's first digest, before the whole topic index", () => {
  it('is the digest the whole index gives, for every topic asked first, and so are the later ones', () => {
    // The whole index made before any digest (as saving the state does).
    const whole = buildBriefing(articles, engine);
    whole.saved({ compute: true });
    const expected = new Map(config.topics.map((t) => [t.id, whole.digest(t.id)]));
    for (const first of config.topics) {
      const b = buildBriefing(articles, engine);
      // As `/briefing` asks it: the topic named by its id.
      expect(b.ask(first.id)).toEqual(expected.get(first.id));
      expect(b.digest(first.id, { since: '2000-01-01' })).toEqual(whole.digest(first.id, { since: '2000-01-01' }));
      for (const t of config.topics) expect(b.digest(t.id)).toEqual(expected.get(t.id));
    }
  });

  it('leaves the rest of the index to be made when the state is saved, which then holds every topic', () => {
    const b = buildBriefing(articles, engine);
    expect(b.saved().topicIndex).toBeUndefined();
    b.digest(config.topics[0]!.id);
    const kept = b.saved().topicIndex;
    expect(kept).toBeDefined();
    expect(kept).toEqual(buildBriefing(articles, engine).saved({ compute: true }).topicIndex);
  });

  it('is continued by a briefing an article is added to, as one built with it from the start', () => {
    const b = buildBriefing(articles.slice(0, -1), engine);
    const topic = config.topics[0]!.id;
    b.digest(topic);
    const grown = b.withArticles([articles.at(-1)!]);
    const all = buildBriefing(articles, engine);
    for (const t of config.topics) expect(points(grown, t.id)).toEqual(points(all, t.id));
  });
});
