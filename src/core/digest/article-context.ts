import type { Article, Sentence } from '../model.ts';

/**
 * Article-level topic context. News sentences often carry their topic only through the story around
 * them ("The captain will face charges", "The freeze covers accounts worth $30 million"). When an
 * article is clearly about a topic (several sentences with a strong own score), its sentences with a
 * weak term of that topic become just eligible, and so do term-less sentences that report an event
 * and name a rare entity (a name, a number) of a strong on-topic sentence nearby. Lifted sentences
 * reach only the minimum score, so they rank below every sentence eligible on its own words.
 */

/** Own score from which a sentence counts as strongly on-topic. */
export const STRONG_SENTENCE = 2;
/** Weight of weak mentions an article with a single strong sentence needs to count as being about the topic. */
export const WEAK_MASS = 2;
/** A lifted sentence reaches this contextual score: eligible as a point, ranked below the rest. */
export const ARTICLE_LIFT = 2;
/** An entity naming more than this share of an article's sentences is the story's cast, not a link. */
const RARE_SHARE = 0.2;
/** A weak sentence links to strong sentences at most this many paragraphs away. */
const LINK_PARAGRAPHS = 1;
/** A term-less sentence links only within its own paragraph. */
const BARE_LINK_PARAGRAPHS = 0;
/** A sentence opening with a quotation is a reaction, not a reported event. */
const QUOTE_OPENING = /^\s*["“‘']/u;

/** Capitalised words that are not names: function words, titles, days and months. */
const NOT_NAMES = new Set(
  (
    'the a an in on at of for to by and but or as if it its he she they we you i our his her their this that these those ' +
    'mr mrs ms dr sir president minister prime foreign defence defense trade finance interior economy deputy secretary ' +
    'general chief spokesman spokeswoman officials ministry government state national ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december'
  ).split(' '),
);

/** A word or number that may name an entity: a capitalised word, or a number of two or more characters. */
const TOKEN = /\p{Lu}[\p{L}’'-]*\p{L}|\d[\d,.]*\d/gu;

/** A sentence that reports an event: a past or participle verb form, a common irregular one, or a modal. */
const EVENT = /\b(?:[a-z]{3,}ed|took|sent|held|met|froze|kept|set|began|cut|shot|struck|fled|won|lost|left|gave|brought|sold|bought|paid|will|would|could)\b/;

const cache = new WeakMap<Article, string[][]>();

/** The candidate entity keys of each sentence (names not opening the sentence, numbers), memoised per article. */
function sentenceEntities(article: Article): string[][] {
  let out = cache.get(article);
  if (out) return out;
  out = article.sentences.map((s) => {
    const keys = new Set<string>();
    const opening = /^\W*/u.exec(s.text)![0].length;
    for (const m of s.text.matchAll(TOKEN)) {
      if (m.index === opening) continue;
      const key = m[0].replace(/[’']s$/u, '').toLowerCase();
      if (!NOT_NAMES.has(key)) keys.add(key);
    }
    return [...keys];
  });
  cache.set(article, out);
  return out;
}

function carries(s: Sentence | undefined): boolean {
  return s !== undefined && s.kind !== 'subhead';
}

/** The best topic of a sentence's score row, its score, and the runner-up's score (memoised per row). */
interface RowTop {
  id: string | undefined;
  best: number;
  second: number;
}

const tops = new WeakMap<Record<string, number>, RowTop>();

function rowTop(row: Record<string, number>): RowTop {
  let top = tops.get(row);
  if (top) return top;
  top = { id: undefined, best: 0, second: 0 };
  for (const id in row) {
    const v = row[id]!;
    if (v > top.best) {
      top.second = top.best;
      top.best = v;
      top.id = id;
    } else if (v > top.second) top.second = v;
  }
  tops.set(row, top);
  return top;
}

/** The highest score another topic than `topicId` has in the row. */
function otherBest(row: Record<string, number> | undefined, topicId: string): number {
  if (!row) return 0;
  const top = rowTop(row);
  return top.id === topicId ? top.second : top.best;
}

/** True when no other topic scores as high as `own` in the sentence: it is about this topic first. */
function leads(row: Record<string, number> | undefined, topicId: string, own: number): boolean {
  return otherBest(row, topicId) < own;
}

/** True when an article's own sentence scores show it is about the topic: two strong sentences, or one and two weak mentions' worth. */
export function articleIsAbout(own: readonly number[]): boolean {
  let strong = 0;
  let weak = 0;
  for (const v of own) {
    if (v >= STRONG_SENTENCE) strong++;
    else weak += v;
  }
  return strong >= 2 || (strong >= 1 && weak >= WEAK_MASS);
}

/**
 * Lifts `out` (contextual scores, changed in place; `own` holds the sentences' own scores of the topic)
 * for an article about the topic, to `ARTICLE_LIFT`:
 * a sentence with a weak own term (≥ 1) that no other topic scores as high, at most one paragraph from a
 * strong sentence about the topic first; and a term-less event sentence (no quote opening, no term of
 * any topic) sharing a rare entity with such a strong sentence of its own paragraph. Others are unchanged.
 */
export function liftByArticle(
  article: Article,
  scores: readonly (Record<string, number> | undefined)[],
  topicId: string,
  own: readonly number[],
  out: number[],
): void {
  if (!articleIsAbout(own)) return;
  const sentences = article.sentences;
  const n = sentences.length;
  const links = strongLinks(own, sentences, scores, topicId);
  if (links.strong.length === 0) return;
  let entities: string[][] | undefined;
  for (let i = 0; i < n; i++) {
    const s = sentences[i]!;
    if (out[i]! >= ARTICLE_LIFT || !carries(s)) continue;
    const v = own[i]!;
    const reach = v >= 1 ? LINK_PARAGRAPHS : BARE_LINK_PARAGRAPHS;
    // Cheap tests first: a strong sentence close enough, and the sentence about this topic (or no topic).
    if (!nearAny(links.paragraphs, s.paragraph, reach)) continue;
    const row = scores[i];
    if (v >= 1) {
      if (leads(row, topicId, v)) out[i] = ARTICLE_LIFT;
      continue;
    }
    if (v > 0 || otherBest(row, topicId) > 0 || QUOTE_OPENING.test(s.text) || !EVENT.test(s.text)) continue;
    entities ??= sentenceEntities(article);
    links.entities ??= rareEntities(entities, links.strong, sentences);
    for (const e of entities[i]!) {
      const at = links.entities.get(e);
      if (at && nearAny(at, s.paragraph, reach)) {
        out[i] = ARTICLE_LIFT;
        break;
      }
    }
  }
}

/** True when one of `paragraphs` is at most `reach` from `p`. */
function nearAny(paragraphs: readonly number[], p: number, reach: number): boolean {
  for (const q of paragraphs) if (Math.abs(q - p) <= reach) return true;
  return false;
}

/** What a term-weak sentence may link to: the strong sentences, their paragraphs and rare entities. */
interface StrongLinks {
  /** Indexes of the strong sentences that are about the topic first. */
  strong: number[];
  /** Paragraphs of those sentences. */
  paragraphs: number[];
  /** Rare entity (in at most a fifth of the sentences) → paragraphs of strong sentences naming it; made on demand. */
  entities?: Map<string, number[]>;
}

/** The strong sentences that are about the topic first, and their paragraphs. */
function strongLinks(
  own: readonly number[],
  sentences: readonly Sentence[],
  scores: readonly (Record<string, number> | undefined)[],
  topicId: string,
): StrongLinks {
  const out: StrongLinks = { strong: [], paragraphs: [] };
  for (let i = 0; i < own.length; i++) {
    if (own[i]! < STRONG_SENTENCE || !leads(scores[i], topicId, own[i]!)) continue;
    out.strong.push(i);
    out.paragraphs.push(sentences[i]!.paragraph);
  }
  return out;
}

/** The rare entities of the strong sentences, with the paragraphs naming them. */
function rareEntities(entities: string[][], strong: readonly number[], sentences: readonly Sentence[]): Map<string, number[]> {
  const count = new Map<string, number>();
  for (const keys of entities) for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
  const limit = Math.max(2, Math.ceil(RARE_SHARE * sentences.length));
  const out = new Map<string, number[]>();
  for (const i of strong) {
    for (const k of entities[i]!) {
      if (count.get(k)! > limit) continue;
      const list = out.get(k) ?? [];
      list.push(sentences[i]!.paragraph);
      out.set(k, list);
    }
  }
  return out;
}
