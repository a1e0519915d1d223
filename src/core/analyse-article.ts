/**
 * One article's analysis on its own: topic scores, statements, events and disputes, each stage isolated so
 * that a failure in one is reported (file, stage, reason) and leaves only that stage empty. Pure, so it can
 * run in a worker thread.
 */
import type { ArticleDispute } from './disputes/find-disputes.ts';
import { articleDisputes } from './disputes/article-disputes.ts';
import type { Article, InputIssue, PartyDef, SpeakersConfig, TimelineEvent, TopicDef } from './model.ts';
import { compileParties, type PartyMatcher } from './positions/parties.ts';
import { extractStatements, type ExtractedStatement } from './statements/extract-statements.ts';
import { extractEvents } from './timeline/extract-events.ts';
import { compileTopics, scoreText, type CompiledTopics } from './topics/topic-scorer.ts';

/**
 * Bumped by hand when stored analyses must be redone for a reason the engine's own code does not show
 * (a dependency that parses dates or tags words differently); any change to the code does that by itself.
 */
export const ANALYSIS_VERSION = 1;

/** What the engine needs besides the articles. */
export interface EngineConfig {
  topics: TopicDef[];
  maxPoints?: number;
  speakers?: SpeakersConfig;
  /** Who speaks for whom, for positions and disputes. */
  parties?: PartyDef[];
}

/** Everything the engine derives from one article on its own; reused when articles are added. Plain data (it crosses worker threads). */
export interface ArticleAnalysis {
  article: Article;
  scores: Record<string, number>[];
  statements: ExtractedStatement[];
  events: TimelineEvent[];
  /** Claims denied or qualified within this article, merged across articles on demand. */
  disputes: ArticleDispute[];
  /** Stages of this article's analysis that failed (each left empty), one issue each. */
  issues: InputIssue[];
  /** Set on the empty stand-in of a duplicate, which was not analysed (its original speaks for it). */
  skipped?: true;
}

/** The stand-in of an article that is not analysed because it repeats another. */
export function skippedAnalysis(article: Article): ArticleAnalysis {
  return { article, scores: [], statements: [], events: [], disputes: [], issues: [], skipped: true };
}

/** Topic ids a sentence is relevant to, from its scores. */
export function topicsOfScores(scores: Record<string, number> | undefined, topicIds: string[]): string[] {
  return scores ? topicIds.filter((id) => (scores[id] ?? 0) > 0) : [];
}

/**
 * Runs one stage of one article's analysis. An exception is caught and reported as an issue naming the
 * file, the stage and the reason; the stage then yields `fallback`, and the rest of the article is served.
 */
function stage<T>(article: Article, name: string, issues: InputIssue[], fallback: T, run: () => T): T {
  try {
    return run();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    issues.push({
      file: article.file,
      code: 'analysis_failed',
      severity: 'warning',
      stage: name,
      message: `${article.file}: the ${name} stage failed (${reason}); the article is served without its ${name}`,
    });
    return fallback;
  }
}

/** Analyses one article with compiled topics and parties; each stage isolated. */
export function analyse(article: Article, compiled: CompiledTopics, parties: PartyMatcher | undefined): ArticleAnalysis {
  const issues: InputIssue[] = [];
  const scores = stage(article, 'topics', issues, [] as Record<string, number>[], () => article.sentences.map((s) => scoreText(compiled, s.text)));
  const statements = stage(article, 'statements', issues, [] as ExtractedStatement[], () => extractStatements(article));
  const topicIds = compiled.defs.map((t) => t.id);
  return {
    article,
    scores,
    statements,
    events: stage(article, 'timeline', issues, [] as TimelineEvent[], () => extractEvents(article, compiled)),
    disputes: stage(article, 'disputes', issues, [] as ArticleDispute[], () =>
      articleDisputes(article, statements, (i) => topicsOfScores(scores[i], topicIds), parties),
    ),
    issues,
  };
}

const compiledConfigs = new WeakMap<EngineConfig, { compiled: CompiledTopics; parties: PartyMatcher | undefined }>();

/** Analyses one article on its own, as `buildBriefing` does for each: pure, so it can run in a worker thread. */
export function analyseArticle(article: Article, config: EngineConfig): ArticleAnalysis {
  let c = compiledConfigs.get(config);
  if (!c) {
    c = { compiled: compileTopics(config.topics), parties: config.parties?.length ? compileParties(config.parties) : undefined };
    compiledConfigs.set(config, c);
  }
  return analyse(article, c.compiled, c.parties);
}
