import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../../src/core/briefing.ts';
import type { TimelineEvent } from '../../../src/core/model.ts';
import { compileTopics } from '../../../src/core/topics/topic-scorer.ts';
import { extractEvents } from '../../../src/core/timeline/extract-events.ts';
import { EventMerger, mergeEvents } from '../../../src/core/timeline/merge-events.ts';
import { loadArticles, loadConfig, OWN_DIR, SEED_DIR } from '../../helpers/digest-corpus.ts';

const config = loadConfig();
const engine = { topics: config.topics };
const seed = loadArticles(SEED_DIR);
const own = loadArticles(OWN_DIR);
const compiled = compileTopics(config.topics);

/** Events as a set: the order of events on one day with the same text is not part of the contract. */
const shape = (events: readonly TimelineEvent[]) =>
  events
    .map((e) => ({ date: e.date, text: e.text, sources: e.sources.map((s) => s.article).sort(), topics: [...e.topics].sort() }))
    .sort((a, b) => (a.date + a.text).localeCompare(b.date + b.text));

describe('the incremental timeline merge', () => {
  const perArticle = [...seed, ...own].map((a) => extractEvents(a, compiled));

  it('gives, article by article, the timeline a merge of all the events gives', () => {
    const merger = new EventMerger();
    for (const events of perArticle) {
      merger.add(events);
      merger.events();
    }
    expect(shape(merger.events())).toEqual(shape(mergeEvents(perArticle.flat())));
    expect(merger.events().length).toBeGreaterThan(0);
  });

  it('leaves a timeline already handed out as it was when more events arrive', () => {
    const merger = new EventMerger();
    merger.add(perArticle.slice(0, 3).flat());
    const first = merger.events();
    const frozen = JSON.parse(JSON.stringify(first));
    merger.add(perArticle.slice(3).flat());
    expect(JSON.parse(JSON.stringify(first))).toEqual(frozen);
    expect(merger.events()).not.toBe(first);
  });

  it('keeps a vague report that matched nothing and lets it join the dated event that arrives later', () => {
    const base = { sources: [{ article: 'a', title: 'A' }], topics: [], evidence: [{ article: 'a', sentence: 0, span: { start: 0, end: 1 } }] };
    const vague = { ...base, date: '2025-08-10/2025-08-16', text: 'The ministers met in Vasta to sign the grain corridor agreement.' };
    const dated = {
      ...base,
      sources: [{ article: 'b', title: 'B' }],
      evidence: [{ article: 'b', sentence: 0, span: { start: 0, end: 1 } }],
      date: '2025-08-14',
      text: 'The ministers met in Vasta and signed the grain corridor agreement.',
    };
    const merger = new EventMerger();
    merger.add([vague]);
    expect(merger.events()).toEqual([]);
    merger.add([dated]);
    const events = merger.events();
    expect(events).toHaveLength(1);
    expect(events[0]!.sources.map((s) => s.article).sort()).toEqual(['a', 'b']);
    expect(shape(events)).toEqual(shape(mergeEvents([vague, dated])));
  });
});

describe('a briefing that grows keeps its timeline merge', () => {
  it('answers /timeline after each added article as a briefing built from all of them does', () => {
    let b = buildBriefing(seed.slice(0, 2), engine);
    const older = b.timeline();
    if (!older.ok) throw new Error('timeline failed');
    const frozen = JSON.stringify(older.value);
    for (const a of [...seed.slice(2), ...own]) {
      b.timeline();
      b = b.withArticles([a]);
    }
    // Two additions without a query in between continue the merge too.
    const whole = buildBriefing([...seed, ...own], engine);
    const grown = b.timeline();
    const all = whole.timeline();
    if (!grown.ok || !all.ok) throw new Error('timeline failed');
    expect(shape(grown.value)).toEqual(shape(all.value));
    expect(JSON.stringify(older.value)).toBe(frozen);
  });

  it('continues across additions that were never queried', () => {
    const base = buildBriefing(seed, engine);
    base.timeline();
    base.speakers();
    base.disputes();
    base.digest(config.topics[0]!.id);
    const grown = base.withArticles([own[0]!]).withArticles([own[1]!]).withArticles(own.slice(2));
    const whole = buildBriefing([...seed, ...own], engine);
    const a = grown.timeline();
    const b = whole.timeline();
    if (!a.ok || !b.ok) throw new Error('timeline failed');
    expect(shape(a.value)).toEqual(shape(b.value));
    expect(grown.speakers()).toEqual(whole.speakers());
    expect(grown.disputes()).toEqual(whole.disputes());
    // The topic index continues too: the digests are those of the whole corpus.
    const points = (b: typeof whole, topic: string) => {
      const r = b.digest(topic);
      if (!r.ok) throw new Error(r.error.code);
      return r.value.items.map((i) => ({ text: i.text, sources: i.sources.map((x) => x.article).sort() })).sort((x, y) => x.text.localeCompare(y.text));
    };
    for (const t of config.topics) expect(points(grown, t.id)).toEqual(points(whole, t.id));
  });
});
