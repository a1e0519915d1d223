import type { Article, Sentence, Span, TopicDef } from '../model.ts';
import { compileTopics, matchTerms, scoreText, type CompiledTopics } from '../topics/topic-scorer.ts';
import { contentStems, wordCount } from './features.ts';
import { trimSentence } from './trim.ts';

/** One article with its per-sentence topic scores, as the digest sees it. */
export interface ScoredArticle {
  article: Article;
  /** `scores[i][topicId]` is sentence i's relevance to that topic. */
  scores: Record<string, number>[];
}

/** A sentence that may become (or support) a digest point. */
export interface Candidate {
  article: Article;
  sentence: Sentence;
  /** The sentence's topic score (sum of matched term weights). */
  score: number;
  /** The ranking value: the score adjusted for the kind, length and position of the sentence. */
  relevance: number;
  /** The point text: the sentence, or its leading clauses when it was long. */
  text: string;
  /** Where `text` comes from in `article.text`. */
  span: Span;
  /** Content stems of the whole sentence, for finding repeats. */
  stems: string[];
  /** A weak mention (below the minimum score): may corroborate a point, never be one. */
  support: boolean;
}

/** Options for choosing candidates. */
export interface CandidateOptions {
  /** A sentence needs at least this topic score to be a point (default 2: one weak term is a passing mention). */
  minScore?: number;
  /** A sentence needs at least this topic score to corroborate a point (default 1: any term). */
  supportScore?: number;
}

/** The default minimum topic score of a candidate sentence. */
export const DEFAULT_MIN_SCORE = 2;

const KIND_FACTOR: Record<Sentence['kind'], number> = { body: 1, bullet: 0.8, takeaway: 0.7, subhead: 0 };

function lengthFactor(words: number): number {
  if (words < 6) return 0.4;
  if (words < 10) return 0.8;
  if (words > 60) return 0.7;
  return 1;
}

/** A sentence opening with a pronoun leans on the one before it: a weaker stand-alone point. */
const PRONOUN_START = /^["“‘']?(?:he|she|they|it|his|her|their|its|this|these|those)\b/i;

function isTitle(article: Article, s: Sentence): boolean {
  const t = article.titleSpan;
  if (t && s.span.start < t.end && t.start < s.span.end) return true;
  return s.text.trim() === article.title.trim();
}

/** Compiles a single topic for trimming checks. */
export function compileOne(topic: TopicDef): CompiledTopics {
  return compileTopics([topic]);
}

/** A sentence that passed the cheap checks, before trimming and stemming. */
interface Ranked {
  article: Article;
  sentence: Sentence;
  score: number;
  relevance: number;
}

/** A leading adverbial clause (`Despite the new penalties, …`): background, not what the sentence reports. */
const INTRO_CLAUSE = /^(?:despite|amid|after|following|before|ahead of|as|while|although|though|in addition to|besides|since|during|on top of)\b[^,;]{0,120},/i;

/** A trailing adverbial clause (`…, following the truce talks in Geneva.`): background too. */
const OUTRO_CLAUSE = /,\s+(?:following|after|amid|despite|ahead of|as part of|in the wake of)\b[^,;]*$/i;

/** True when every topic term of the sentence sits in a leading or trailing adverbial clause. */
function onlyInBackground(text: string, topic: TopicDef, compiled: CompiledTopics): boolean {
  const introEnd = INTRO_CLAUSE.exec(text)?.[0].length ?? 0;
  const outroStart = OUTRO_CLAUSE.exec(text)?.index ?? text.length;
  if (introEnd === 0 && outroStart === text.length) return false;
  return matchTerms(compiled, text).every((m) => m.topic !== topic.id || m.end <= introEnd || m.start >= outroStart);
}

function rank(
  article: Article,
  s: Sentence,
  score: number,
  position: number,
  topic: TopicDef,
  compiled: CompiledTopics,
): Ranked | undefined {
  if (s.kind === 'subhead' || isTitle(article, s)) return undefined;
  const text = s.text.trim();
  const words = wordCount(text);
  if (words < 4 || /:\s*$/.test(text)) return undefined;
  let relevance = score * KIND_FACTOR[s.kind] * lengthFactor(words);
  // News puts what matters first: the lead gains.
  if (s.kind === 'body' && position < 2) relevance *= 1.15;
  if (/\?["”’)]*\s*$/.test(text)) relevance *= 0.5;
  if (PRONOUN_START.test(text)) relevance *= 0.8;
  if (onlyInBackground(text, topic, compiled)) relevance *= 0.5;
  return { article, sentence: s, score, relevance };
}

/** A list item's lead-in (`Discussions covered:`) says what the item is about; it is part of its meaning. */
function leadIn(article: Article, s: Sentence): string {
  if (s.kind !== 'bullet' && s.kind !== 'takeaway') return '';
  for (let i = s.index - 1; i >= 0; i--) {
    const prev = article.sentences[i]!;
    if (prev.kind === s.kind) continue;
    return /:\s*$/.test(prev.text) ? prev.text : '';
  }
  return '';
}

const MARKER = /^(?:[-–•*▪●]|\d+[.)])\s+/;

function finish(r: Ranked, topic: TopicDef, compiled: CompiledTopics, support: boolean): Candidate {
  const s = r.sentence;
  const trimmedStart = s.text.trimStart();
  const marker = MARKER.exec(trimmedStart)?.[0] ?? '';
  const text = trimmedStart.slice(marker.length).trimEnd();
  const start = s.span.start + (s.text.length - trimmedStart.length) + marker.length;
  const trimmed = trimSentence(text, (prefix) => (scoreText(compiled, prefix)[topic.id] ?? 0) >= r.score);
  return {
    ...r,
    text: trimmed ? trimmed.text : text.replace(/\s*[,;:—–-]+$/, '.'),
    span: { start, end: trimmed ? start + trimmed.end : start + text.length },
    stems: contentStems(`${leadIn(r.article, s)} ${text}`),
    support,
  };
}

/**
 * The candidate sentences of a topic in the given articles, most relevant first: up to `limit` that
 * may be points (score ≥ `minScore`), then up to `limit` weak mentions that may only corroborate.
 * Only those kept are trimmed and stemmed. Articles marked `duplicateOf` are skipped.
 */
export function collectCandidates(
  articles: readonly ScoredArticle[],
  topic: TopicDef,
  options: CandidateOptions = {},
  limit = Infinity,
  compiled: CompiledTopics = compileOne(topic),
): Candidate[] {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const supportScore = Math.min(options.supportScore ?? 1, minScore);
  const strong: Ranked[] = [];
  const weak: Ranked[] = [];
  for (const { article, scores } of articles) {
    if (article.duplicateOf) continue;
    let bodyRank = 0;
    for (const s of article.sentences) {
      const score = scores[s.index]?.[topic.id] ?? 0;
      const pos = bodyRank;
      if (s.kind === 'body') bodyRank++;
      if (score < supportScore || score <= 0) continue;
      const r = rank(article, s, score, pos, topic, compiled);
      if (r) (score >= minScore ? strong : weak).push(r);
    }
  }
  const byRelevance = (a: Ranked, b: Ranked) => b.relevance - a.relevance;
  return [
    ...strong.sort(byRelevance).slice(0, limit).map((r) => finish(r, topic, compiled, false)),
    ...weak.sort(byRelevance).slice(0, limit).map((r) => finish(r, topic, compiled, true)),
  ];
}
