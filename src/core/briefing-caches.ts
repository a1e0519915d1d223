/**
 * What a briefing computes across its articles on first use and keeps: speakers resolved over the corpus,
 * each article's speaker names mapped to them, merged disputes and their lookup, and the merged timeline.
 * A briefing that grew from another continues that one's speaker resolver and merged disputes.
 */
import type { ArticleAnalysis, EngineConfig } from './analyse-article.ts';
import { topicsOfScores } from './analyse-article.ts';
import { disputeLookup, extendLookup, type DisputeLookup } from './disputes/dispute-for.ts';
import { extendDisputes, NO_DISPUTES, type ArticleDispute, type Dispute, type MergedDisputes } from './disputes/find-disputes.ts';
import type { Speaker, Statement, TimelineEvent } from './model.ts';
import type { ExtractedStatement } from './statements/extract-statements.ts';
import { SpeakerResolver } from './statements/resolve-speakers.ts';
import type { TimelineFrom } from './briefing-saved.ts';
import { EventMerger } from './timeline/merge-events.ts';

/** Statements with speakers resolved across the corpus, indexed by speaker. */
export interface ResolvedStatements {
  statements: Statement[];
  speakers: Speaker[];
  bySpeaker: Map<string, Statement[]>;
  extracted: ExtractedStatement[];
}

/** A speaker resolver and the version it was at when this briefing used it, with what it resolved then. */
export interface ResolverAt {
  resolver: SpeakerResolver;
  version: number;
  resolved?: ResolvedStatements;
}

/** What the caches are computed from. */
export interface CacheInputs {
  config: EngineConfig;
  analyses: ReadonlyMap<string, ArticleAnalysis>;
  /** Non-duplicate analyses, in corpus order. */
  unique: readonly ArticleAnalysis[];
  /** Disputes merged by the briefing this one grew from (and their lookup, once made), and the new articles' disputes to merge in. */
  disputesFrom?: DisputesFrom | undefined;
  /** The resolver of the briefing this one grew from (valid while at `version`), and the new statements. */
  speakersFrom?: (ResolverAt & { fresh: ExtractedStatement[] }) | undefined;
  /** The timeline merger of the briefing this one grew from (valid while at `version`), and the new events. */
  timelineFrom?: TimelineFrom | undefined;
}

/** Disputes merged by a briefing, their lookup when it made one, and the disputes of articles added since. */
export interface DisputesFrom {
  base: MergedDisputes;
  lookup?: DisputeLookup | undefined;
  fresh: ArticleDispute[];
}

/** The disputes a briefing merged, with their lookup once made. */
export interface DisputesAt {
  merged: MergedDisputes;
  lookup: DisputeLookup | undefined;
}

/** A timeline merger and the version it was at when this briefing used it. */
export interface MergerAt {
  merger: EventMerger;
  version: number;
}

/**
 * A statement's topics from its sentence's scores, equal lists being one array (statements only read them):
 * most of 100,000 statements share a handful of topic lists.
 */
function topicLists(topicIds: string[]): (scores: Record<string, number> | undefined) => string[] {
  if (topicIds.length > 30) return (scores) => topicsOfScores(scores, topicIds);
  const lists = new Map<number, string[]>();
  return (scores) => {
    let mask = 0;
    if (scores) for (let k = 0; k < topicIds.length; k++) if ((scores[topicIds[k]!] ?? 0) > 0) mask |= 1 << k;
    let list = lists.get(mask);
    if (!list) {
      list = topicsOfScores(scores, topicIds);
      lists.set(mask, list);
    }
    return list;
  };
}

/** The lazily computed, corpus-wide state of one briefing. */
export class BriefingCaches {
  #resolved: ResolvedStatements | undefined;
  #named: Map<string, { speaker: string; speakerId: string }> | undefined;
  #merged: MergedDisputes | undefined;
  #disputes: Dispute[] | undefined;
  #lookup: DisputeLookup | undefined;
  #timeline: TimelineEvent[] | undefined;
  #resolverAt: ResolverAt | undefined;
  #mergerAt: MergerAt | undefined;
  #lostSaved = false;
  readonly #in: CacheInputs;

  constructor(inputs: CacheInputs) {
    this.#in = inputs;
  }

  /** Statements with their speakers resolved across the corpus and their topics. */
  resolved(): ResolvedStatements {
    if (this.#resolved) return this.#resolved;
    const { config, analyses, unique, speakersFrom: from } = this.#in;
    const topicIds = config.topics.map((t) => t.id);
    const continued = from !== undefined && from.resolver.version === from.version;
    const before = continued ? from.resolved : undefined;
    // What the resolver saw before, then the statements new since.
    const extracted = before ? before.extracted.concat(from!.fresh) : unique.flatMap((a) => a.statements);
    const resolver = continued ? from.resolver : new SpeakerResolver(config.speakers);
    resolver.add(continued ? from.fresh : extracted);
    const r = before ? resolver.resolveMore(extracted, before) : { ...resolver.resolve(extracted), kept: false };
    const statements = r.statements as Statement[];
    // A statement's topics depend on its own sentence only: a statement kept from before keeps them.
    const topicsOf = topicLists(topicIds);
    const kept = r.kept && before ? before.statements.length : 0;
    for (let i = kept; i < statements.length; i++) {
      const s = statements[i]!;
      if (before && before.statements[i] === s) continue;
      s.topics = topicsOf(analyses.get(s.article)?.scores[s.sentence]);
    }
    // When only statements were added, the index by speaker grows by them (lists copied before they change).
    const bySpeaker = kept && before ? new Map(before.bySpeaker) : new Map<string, Statement[]>();
    const grown = new Set<string>();
    for (let i = kept; i < statements.length; i++) {
      const st = statements[i]!;
      if (!st.speakerId) continue;
      const list = bySpeaker.get(st.speakerId);
      if (!list) {
        bySpeaker.set(st.speakerId, [st]);
        grown.add(st.speakerId);
      } else if (grown.has(st.speakerId)) list.push(st);
      else {
        bySpeaker.set(st.speakerId, [...list, st]);
        grown.add(st.speakerId);
      }
    }
    this.#resolved = { statements, speakers: r.speakers, bySpeaker, extracted };
    this.#resolverAt = { resolver, version: resolver.version, resolved: this.#resolved };
    return this.#resolved;
  }

  /** How each article named a speaker (`article\0name`) → the speaker it was resolved to (disputes are found per article). */
  named(): Map<string, { speaker: string; speakerId: string }> {
    if (this.#named) return this.#named;
    const { extracted, statements } = this.resolved();
    const named = new Map<string, { speaker: string; speakerId: string }>();
    extracted.forEach((e, i) => {
      const st = statements[i];
      if (e.mention && st?.speaker && st.speakerId) named.set(`${e.article}\u0000${e.mention.name}`, { speaker: st.speaker, speakerId: st.speakerId });
    });
    this.#named = named;
    return named;
  }

  /** Disputes merged across the corpus. */
  disputes(): Dispute[] {
    if (this.#disputes) return this.#disputes;
    const from = this.#in.disputesFrom;
    this.#merged = from
      ? extendDisputes(from.base, from.fresh)
      : extendDisputes(
          NO_DISPUTES,
          this.#in.unique.flatMap((a) => a.disputes),
        );
    this.#disputes = this.#merged.merged.map((f) => f.dispute);
    return this.#disputes;
  }

  /** The index that finds the dispute a digest point belongs to; undefined when there are none. */
  lookup(): DisputeLookup | undefined {
    const all = this.disputes();
    if (all.length === 0 || this.#lookup) return this.#lookup;
    // The lookup of the disputes this briefing's were merged from grows by the disputes new or changed since.
    const before = this.#in.disputesFrom?.lookup;
    this.#lookup = before ? extendLookup(before, all) : disputeLookup(all);
    return this.#lookup;
  }

  /** Events merged across articles, oldest first; continues the merger of the briefing this one grew from. */
  timeline(): TimelineEvent[] {
    if (this.#timeline) return this.#timeline;
    const from = this.#in.timelineFrom;
    let merger = from ? (typeof from.merger === 'function' ? from.merger() : from.merger) : undefined;
    if (from && !merger) this.#lostSaved = true;
    if (from && merger && merger.version === from.version) {
      if (from.fresh.length) merger.add(from.fresh);
    } else {
      merger = new EventMerger();
      merger.add(this.#in.unique.flatMap((a) => a.events));
    }
    this.#mergerAt = { merger, version: merger.version };
    this.#timeline = merger.events();
    return this.#timeline;
  }

  /** True once a part of a saved state this briefing started from proved malformed and was computed afresh. */
  get lostSaved(): boolean {
    return this.#lostSaved;
  }

  /** The timeline merger as this briefing left it, once used (a briefing that grows from this one continues it). */
  get mergerAt(): MergerAt | undefined {
    return this.#mergerAt;
  }

  /** The merged disputes and their lookup, once computed (a briefing that grows from this one continues them). */
  get disputesAt(): DisputesAt | undefined {
    return this.#merged ? { merged: this.#merged, lookup: this.#lookup } : undefined;
  }

  /** The speaker resolver as this briefing left it, once used (a briefing that grows from this one continues it). */
  get resolverAt(): ResolverAt | undefined {
    return this.#resolverAt;
  }
}
