/** A tiny stand-in for the engine: topics, and articles with instants, answering `digest(topic, { since })`. */
import type { Briefing } from '../../src/core/briefing.ts';
import { fail, ok, type Digest } from '../../src/core/model.ts';

/** One fake article: which topic, when, and its single point. */
export interface FakeArticle {
  id: string;
  topic: string;
  at: string;
  text: string;
}

/** A briefing whose digests list the articles of a topic after `since`. */
export function fakeBriefing(articles: FakeArticle[], topics = ['alpha', 'beta']): Briefing {
  const b = {
    topics: () => topics.map((id) => ({ id, title: id.toUpperCase(), description: '', terms: [] })),
    digest(topic: string, options: { since?: string } = {}) {
      if (!topics.includes(topic)) return fail({ code: 'unknown_topic' as const, input: topic, known: topics, suggestions: [] });
      const items = articles
        .filter((a) => a.topic === topic && (!options.since || a.at > options.since))
        .map((a) => ({ text: a.text, sources: [{ article: a.id, title: `T ${a.id}`, date: a.at.slice(0, 10), source: 'Wire' }], evidence: [] }));
      const d: Digest = { topic, title: topic.toUpperCase(), items };
      if (options.since) d.since = options.since;
      return ok(d);
    },
  };
  return b as unknown as Briefing;
}
