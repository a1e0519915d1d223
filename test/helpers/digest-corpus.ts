/**
 * Test helper for topics and digests: loads the seed corpus, fixture articles and topic configs from
 * disk, parses them with the real `parseArticle`, and builds briefings or scored articles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { BriefingConfigSchema, type BriefingConfig } from '../../src/config/briefing-config.schema.ts';
import { buildBriefing, type Briefing } from '../../src/core/briefing.ts';
import { parseArticle } from '../../src/core/corpus/parse-article.ts';
import type { ScoredArticle } from '../../src/core/digest/build-digest.ts';
import type { Article, TopicDef } from '../../src/core/model.ts';
import { compileTopics, scoreText } from '../../src/core/topics/topic-scorer.ts';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The seed corpus folder. */
export const SEED_DIR = join(ROOT, 'briefings', 'corpus');
/** Our own fixture articles. */
export const OWN_DIR = join(ROOT, 'test', 'fixtures', 'articles');
/** Topic fixtures (key facts, test-only configs). */
export const TOPIC_FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');

/** Reads and validates a briefing config YAML (default: the shipped `config/briefing.yaml`). */
export function loadConfig(path = join(ROOT, 'config', 'briefing.yaml')): BriefingConfig {
  return BriefingConfigSchema.parse(parse(readFileSync(path, 'utf8')));
}

/** Parses every `.txt`/`.md` file of a folder, in name order; throws if one cannot be parsed. */
export function loadArticles(dir: string): Article[] {
  return readdirSync(dir)
    .filter((f) => /\.(txt|md)$/i.test(f))
    .sort()
    .map((f) => {
      const parsed = parseArticle(f, readFileSync(join(dir, f), 'utf8'));
      if (!parsed.article) throw new Error(`${f}: not parsed: ${parsed.issues.map((i) => i.message).join('; ')}`);
      return parsed.article;
    });
}

/** Builds a briefing over a folder with a config's topics. */
export function briefingOf(dir: string, config: BriefingConfig = loadConfig()): Briefing {
  return buildBriefing(loadArticles(dir), { topics: config.topics, maxPoints: config.defaults.maxPoints });
}

/** Scores articles sentence by sentence, as the engine does, for calling digest functions directly. */
export function scoreArticles(articles: Article[], topics: TopicDef[]): ScoredArticle[] {
  const compiled = compileTopics(topics);
  return articles.map((article) => ({ article, scores: article.sentences.map((s) => scoreText(compiled, s.text)) }));
}

/** The id prefix of a seed article (`002` for `002_cf5ecf76aabe7bb2`). */
export const shortId = (articleId: string): string => articleId.split('_')[0] ?? articleId;
