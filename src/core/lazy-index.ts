/**
 * A briefing's topic index, made on first use. Built afresh (no saved index to start from), a digest of one
 * topic needs that topic's entry only: it is made alone first, so the first answer after a cold start does
 * not wait for every topic's, and the whole index made later takes it in instead of making it again. Each
 * topic's entry depends on the articles and that topic only, so the digest is the same either way.
 */
import type { TopicDef } from './model.ts';
import { indexTopics, type TopicIndex } from './digest/build-digest.ts';
import type { TopicEntry } from './digest/topic-index.ts';
import type { ScoredArticle } from './digest/candidates.ts';

/** A topic index made on first use. */
export interface LazyIndex {
  get(): TopicIndex;
  /** An index that holds this topic's entry: the whole index once made; before that, when built afresh, one of this topic alone. */
  of(topicId: string): TopicIndex;
  /** The index, if made already. */
  readonly computed: TopicIndex | undefined;
  /** True once the index or a topic's entry alone is made (what a digest made, the rest made when the index is saved). */
  readonly begun: boolean;
}

/** `make` makes the whole index; `fresh`, when given, is what `make` builds it from afresh (`indexTopics(articles, topics)`). */
export function lazyIndex(make: () => TopicIndex, fresh?: { articles: readonly ScoredArticle[]; topics: readonly TopicDef[] }): LazyIndex {
  let index: TopicIndex | undefined;
  /** Entries made for one topic alone (in an index of it alone) before the whole index. */
  const alone = new Map<string, TopicIndex>();
  // The corpus's background counts, the same for every topic: counted once, by the first index made alone.
  const counted = () => alone.values().next().value?.stems;
  const whole = (): TopicIndex => {
    if (!fresh || alone.size === 0) return make();
    const stems = counted();
    const rest = indexTopics(
      fresh.articles,
      fresh.topics.filter((t) => !alone.has(t.id)),
      stems ? { stems } : {},
    );
    const byTopic = new Map<string, TopicEntry>();
    for (const t of fresh.topics) {
      const entry = alone.get(t.id)?.byTopic.get(t.id) ?? rest.byTopic.get(t.id);
      if (entry) byTopic.set(t.id, entry);
    }
    alone.clear();
    return { ...rest, byTopic };
  };
  const get = () => (index ??= whole());
  return {
    get,
    of(topicId) {
      const topic = index || !fresh ? undefined : fresh.topics.find((t) => t.id === topicId);
      if (!topic || !fresh) return get();
      let one = alone.get(topicId);
      if (!one) {
        const stems = counted();
        one = indexTopics(fresh.articles, [topic], stems ? { stems } : {});
        alone.set(topicId, one);
      }
      return one;
    },
    get computed() {
      return index;
    },
    get begun() {
      return index !== undefined || alone.size > 0;
    },
  };
}
