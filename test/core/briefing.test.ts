import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.ts';
import { parseArticle } from '../../src/core/corpus/parse-article.ts';
import type { Article } from '../../src/core/model.ts';
import { loadArticles, loadConfig, OWN_DIR, SEED_DIR } from '../helpers/digest-corpus.ts';

const config = loadConfig();
const engine = { topics: config.topics };
const seed = loadArticles(SEED_DIR);
const own = loadArticles(OWN_DIR);

const digestTexts = (b: ReturnType<typeof buildBriefing>, topic: string) => {
  const r = b.digest(topic);
  if (!r.ok) throw new Error(r.error.code);
  // The order of points that rank alike is not part of the contract: compare the set of points.
  return r.value.items.map((i) => ({ text: i.text, sources: i.sources.map((s) => s.article).sort() })).sort((a, b) => a.text.localeCompare(b.text));
};

describe('the briefing facade', () => {
  it('answers the same after adding articles one by one as when built from all of them', () => {
    let b = buildBriefing(seed.slice(0, 2), engine);
    for (const a of [...seed.slice(2), ...own]) {
      // Querying between additions makes each step extend what the previous briefing computed.
      b.digest('summits');
      b.speakers();
      b = b.withArticles([a]);
    }
    const whole = buildBriefing([...seed, ...own], engine);
    expect(b.disputes()).toEqual(whole.disputes());
    expect(b.articles.map((a) => a.id)).toEqual(whole.articles.map((a) => a.id));
    for (const t of config.topics) expect(digestTexts(b, t.id)).toEqual(digestTexts(whole, t.id));
    expect(b.speakers()).toEqual(whole.speakers());
    expect(b.statements()).toEqual(whole.statements());
    // Who said what, speaker by speaker, is the whole corpus's too.
    for (const s of whole.speakers()) {
      const mine = b.statements({ speaker: s.name });
      expect(mine.ok && mine.value.length > 0).toBe(true);
      expect(mine).toEqual(whole.statements({ speaker: s.name }));
    }
  });

  it('keeps an older briefing right after a newer one grew from it, and lets it grow another way', () => {
    const base = buildBriefing(seed, engine);
    const before = base.speakers();
    base.digest('summits');
    const one = base.withArticles([own[0]!]);
    one.speakers();
    one.digest('summits');
    const other = base.withArticles([own[1]!]);
    expect(base.speakers()).toEqual(before);
    expect(other.speakers()).toEqual(buildBriefing([...seed, own[1]!], engine).speakers());
    expect(other.disputes()).toEqual(buildBriefing([...seed, own[1]!], engine).disputes());
  });

  it('counts an added copy of an article once and says so', () => {
    const base = buildBriefing(seed, engine);
    const copy = parseArticle('copy-of-000.txt', seed[0]!.text).article as Article;
    const b = base.withArticles([copy]);
    expect(b.articles.find((a) => a.id === 'copy-of-000')?.duplicateOf).toBe(seed[0]!.id);
    expect(b.sources().map((s) => s.article)).not.toContain('copy-of-000');
    expect(b.issues.filter((i) => i.code === 'duplicate').map((i) => i.file)).toEqual(['copy-of-000.txt']);
    for (const item of (b.digest('summits') as { ok: true; value: { items: { sources: { article: string }[] }[] } }).value.items) {
      expect(item.sources.map((s) => s.article)).not.toContain('copy-of-000');
    }
  });

  it('replaces an article added again under the same id', () => {
    const base = buildBriefing(seed, engine);
    const replaced = parseArticle(seed[0]!.file, 'A Short Headline\nNothing about any of the topics happened in this text at all.').article as Article;
    const b = base.withArticles([replaced]);
    expect(b.articles).toHaveLength(seed.length);
    expect(b.articles.find((a) => a.id === seed[0]!.id)?.title).toBe('A Short Headline');
    const summits = digestTexts(b, 'summits');
    for (const item of summits) expect(item.sources).not.toContain(seed[0]!.id);
  });

  it('returns a typed error naming the known topics for an unknown topic', () => {
    const r = buildBriefing(seed, engine).digest('sancions');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'unknown_topic', input: 'sancions' });
    if (r.error.code === 'unknown_topic') expect(r.error.suggestions[0]).toBe('sanctions');
  });

  it('rejects a malformed since date with an error naming it', () => {
    const r = buildBriefing(seed, engine).digest('summits', { since: 'last tuesday' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'bad_date', input: 'last tuesday' });
  });

  it('with since, cites only articles published after it, and is empty when nothing is new', () => {
    const b = buildBriefing(seed, engine);
    const r = b.digest('summits', { since: '2025-09-01' });
    if (!r.ok) throw new Error(r.error.code);
    for (const item of r.value.items) for (const s of item.sources) expect(s.date! > '2025-09-01').toBe(true);
    const none = b.digest('summits', { since: '2026-01-01' });
    if (!none.ok) throw new Error(none.error.code);
    expect(none.value.items).toEqual([]);
    expect(none.value.since).toBe('2026-01-01');
  });

  it('marks a digest point that another party denies as disputed, citing the other side', () => {
    const b = buildBriefing(seed, engine);
    const disputed = config.topics
      .flatMap((t) => (b.digest(t.id) as { ok: true; value: { items: { disputed?: boolean; dispute?: { sources: unknown[] } }[] } }).value.items)
      .filter((i) => i.disputed);
    expect(disputed.length).toBeGreaterThan(0);
    for (const item of disputed) expect(item.dispute?.sources.length).toBeGreaterThan(0);
  });
});

describe('statements()', () => {
  const b = buildBriefing(seed, engine);
  const all = (r: ReturnType<typeof b.statements>) => {
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  };

  it('narrows by speaker and topic together', () => {
    const bySpeaker = all(b.statements({ speaker: 'trump' }));
    const both = all(b.statements({ speaker: 'trump', topic: 'security-guarantees' }));
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(bySpeaker.length);
    for (const s of both) {
      expect(s.speaker).toBe(bySpeaker[0]!.speaker);
      expect(s.topics).toContain('security-guarantees');
    }
  });

  it('returns the closest names for a speaker nobody matches', () => {
    const r = b.statements({ speaker: 'Zxqvbn' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('unknown_speaker');
  });
});

describe('a richer copy added later', () => {
  it('becomes the original, and the bare copy is counted as its duplicate', () => {
    const bare = seed.find((a) => a.id.startsWith('004'))!;
    const noDate = parseArticle('bare.txt', bare.text).article as Article;
    const b = buildBriefing([noDate], engine);
    b.digest('summits');
    const rich = parseArticle('rich.txt', `---\npublished: 2025-09-07\nsource: Example Wire\n---\n${bare.text}`).article as Article;
    const after = b.withArticles([rich]);
    expect(after.articles.find((a) => a.id === 'bare')?.duplicateOf).toBe('rich');
    expect(after.articles.find((a) => a.id === 'rich')?.duplicateOf).toBeUndefined();
    expect(after.sources().map((s) => s.article)).toEqual(['rich']);
  });
});
