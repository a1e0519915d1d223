import type { Article, Sentence, Span, TopicDef } from '../model.ts';
import { compileTopics, scoreText, type CompiledTopics } from '../topics/topic-scorer.ts';
import { contextScores } from './context.ts';
import { lazyTop, type Evaluated } from './lazy-top.ts';
import { contentStems, wordCount } from './features.ts';
import { isDigression, roleScore } from './roles.ts';
import { endSentence, trimSentence } from './trim.ts';

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
  /**
   * Set when the sentence leans on the one before it (`The minister denied this`): the factor its relevance
   * was lowered by, undone when the previous sentence is itself chosen as a point.
   */
  leansOnPrevious?: number;
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

/** A sentence waiting for its exact score: its ranking at the upper bound, and what the exact score needs. */
interface Pending {
  r: Ranked;
  raw: number;
  inherited: number;
  pos: number;
  row: Record<string, number> | undefined;
}

/** A sentence that passed the cheap checks, before trimming and stemming. */
interface Ranked {
  article: Article;
  sentence: Sentence;
  score: number;
  relevance: number;
  leansOnPrevious?: number;
}

/**
 * A reference the point cannot resolve on its own: a leading demonstrative or definite anaphor
 * (`This …`, `The incident …`, `The claim …`) or a reply to one (`The minister denied this`, `… called the demand …`).
 */
const DISCOURSE_ANAPHOR =
  /^["“‘']?(?:(?:despite|after|amid|following|given|because of|in response to) (?:this|these|that|those)\b|(?:this|that|it)\b(?!\s+(?:is|was)\s+(?:the|a)\s)|the (?:claim|demand|incident|accusation|allegation|report|move|statement|remarks?|comments?|attack)\b)/i;

/** A reply to an earlier statement by a named subject (`Marek denied this`, `… called the demand …`). */
const REPLY_VERB =
  /\b(?:denied|rejected|dismissed|called|described|confirmed)\s+(?:this|that|it|the (?:claim|demand|report|accusation|allegation|idea|proposal|move))\b/i;
const REPLY = /^["“‘']?(?:\p{Lu}[\p{L}'’-]*\s+){1,3}(?:denied|rejected|dismissed|called|described|confirmed)\s/u;

/**
 * A sentence that continues the one before it: a sequence opening (`Then …`, `Then there's …`), or a
 * thing named only by a demonstrative (`… died in that storm`, `… share this view`) that the article
 * introduced earlier. Time phrases (`this week`) and `this is` name nothing earlier.
 */
const THEN = /^["“‘']?then\b/i;
/** ASCII classes without the `u` flag: the test runs on every scored sentence, and this form is several times faster. */
const DEMONSTRATIVE =
  /\b(?:(?:in|of|from|after|since|during|before|by) (?:that|those) (?!(?:is|was|are|were|has|had|would|will)\b)[a-z]|(?:this|these) (?!(?:year|week|month|morning|afternoon|evening|night|weekend|season|spring|summer|fall|autumn|winter|time|century|decade|is|was|are|were|has|had|will|would|can|could|may|might|must|should)\b)[a-z])/i;

/** True when a sentence opens with a reference it cannot resolve on its own. */
function leansOnPrevious(text: string): boolean {
  if (DISCOURSE_ANAPHOR.test(text) || THEN.test(text) || DEMONSTRATIVE.test(text)) return true;
  const head = text.slice(0, 80);
  return REPLY_VERB.test(head) && REPLY.test(head);
}

/** How much a point with an unresolved leading reference is lowered (undone when its antecedent is chosen). */
const ANAPHOR_FACTOR = 0.6;

/** How much a sentence is lowered when another topic outscores it by a wide margin (it is about that topic). */
const DOMINATED_FACTOR = 0.6;

/** True when another topic's score is at least twice this topic's and 2 more: the sentence belongs there. */
function dominated(scores: Record<string, number> | undefined, topicId: string, score: number): boolean {
  if (!scores) return false;
  for (const id in scores) {
    if (id === topicId) continue;
    const other = scores[id]!;
    if (other >= 2 * score && other - score >= 2) return true;
  }
  return false;
}

function rank(article: Article, s: Sentence, score: number, position: number): Ranked | undefined {
  if (s.kind === 'subhead' || isTitle(article, s)) return undefined;
  const text = s.text.trim();
  const words = wordCount(text);
  if (words < 4 || /:\s*$/.test(text)) return undefined;
  let relevance = score * KIND_FACTOR[s.kind] * lengthFactor(words);
  // News puts what matters first: the lead gains.
  if (s.kind === 'body' && position < 2) relevance *= 1.15;
  if (/\?["”’)]*\s*$/.test(text)) relevance *= 0.5;
  const leans = leansOnPrevious(text);
  if (leans) relevance *= ANAPHOR_FACTOR;
  else if (PRONOUN_START.test(text)) relevance *= 0.8;
  if (isDigression(text)) relevance *= 0.5;
  return leans ? { article, sentence: s, score, relevance, leansOnPrevious: ANAPHOR_FACTOR } : { article, sentence: s, score, relevance };
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
    text: trimmed ? trimmed.text : /[,;:—–-]\s*$/.test(text) ? endSentence(text) : text,
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
  // Cheap pass: every sentence with its contextual score as an upper bound (roles can only lower it).
  const pending: Pending[] = [];
  for (const { article, scores } of articles) {
    if (article.duplicateOf) continue;
    const ctx = contextScores(article, scores, topic.id);
    if (!ctx) continue;
    let bodyRank = 0;
    for (const s of article.sentences) {
      const pos = bodyRank;
      if (s.kind === 'body') bodyRank++;
      const upper = ctx[s.index]!;
      if (upper < supportScore || upper <= 0) continue;
      const r = rank(article, s, upper, pos);
      if (!r) continue;
      if (dominated(scores[s.index], topic.id, upper)) r.relevance *= DOMINATED_FACTOR;
      const raw = scores[s.index]?.[topic.id] ?? 0;
      pending.push({ r, raw, inherited: upper - raw, pos, row: scores[s.index] });
    }
  }
  // Costly pass (term roles), only for as many sentences as the lists need.
  const evaluate = (p: Pending): Evaluated<Ranked> | undefined => {
    const s = p.r.sentence;
    const score = (p.raw > 0 ? roleScore(s.text, topic.id, compiled, p.raw) : 0) + p.inherited;
    if (score < supportScore || score <= 0) return undefined;
    let r = p.r;
    if (score !== r.score) {
      r = rank(r.article, s, score, p.pos)!;
      if (dominated(p.row, topic.id, score)) r.relevance *= DOMINATED_FACTOR;
    }
    return { item: r, value: r.relevance, list: score >= minScore ? 0 : 1 };
  };
  // Below the point threshold a sentence is a weak mention either way: its roles are not worth reading.
  // (Possible points never reached by the lazy pass are not offered as weak mentions.)
  const [strong, demoted] = lazyTop(
    pending.filter((p) => p.r.score >= minScore),
    (p) => p.r.relevance,
    evaluate,
    limit,
  );
  const weak = [...pending.filter((p) => p.r.score < minScore).map((p) => p.r), ...demoted].sort((a, b) => b.relevance - a.relevance).slice(0, limit);
  return [...strong.map((r) => finish(r, topic, compiled, false)), ...weak.map((r) => finish(r, topic, compiled, true))];
}
