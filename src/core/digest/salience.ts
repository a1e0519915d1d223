import type { Article } from '../model.ts';
import { tokenize } from '../topics/tokenize.ts';
import type { Cluster } from './cluster.ts';
import { wordCount } from './features.ts';
import { STOPWORDS } from './stopwords.ts';
import { clauseWithin } from './word-cap.ts';
import { maxCoverage, type CoverageItem } from './coverage.ts';

/**
 * Salience of candidate points for a question: how much of what the articles say a point represents
 * (its concepts — content words and pairs of adjacent content words — weighted by how many of the
 * articles mention them: a centroid of the articles), how relevant it is to the question, how many
 * sources verifiably report it, and how much it adds to the points already chosen (a concept counts
 * once: maximal marginal relevance by coverage). With a `since` bound, what the reader already saw in
 * the earlier articles weighs less, so the new is said first.
 *
 * With `SALIENCE.exact` and a word budget, the points are chosen together: the set of points whose
 * distinct concepts weigh the most within the budget, as in Gillick and Favre's concept-coverage model
 * (2009), solved exactly (`coverage.ts`). A concept's weight is earned at the best own value (lead
 * position, relevance to the question, verified sources) among the chosen points that carry it, so a
 * concept said by a relevant lead sentence counts fully and by a marginal one only in part.
 */

/** The concepts of a text: content-word stems and adjacent content-word pairs. */
export function conceptsOf(text: string, memo = true): string[] {
  const key = `${SALIENCE.rawPairs}${text}`;
  const cached = memo ? conceptCache.get(key) : undefined;
  if (cached) return cached;
  const out = new Set<string>();
  let prev: string | undefined;
  let prevStop = true;
  for (const t of tokenize(text)) {
    const stop = t.word.length < 2 || STOPWORDS.has(t.word);
    if (!stop) out.add(t.stem);
    // Pairs of adjacent words, at least one of them a content word (`the toll`, `central bank`).
    if (prev !== undefined && (SALIENCE.rawPairs ? !(stop && prevStop) : !stop && !prevStop)) out.add(`${prev} ${t.stem}`);
    prev = t.stem;
    prevStop = stop;
  }
  const list = [...out];
  if (!memo) return list;
  if (conceptCache.size > 20_000) conceptCache.clear();
  conceptCache.set(key, list);
  return list;
}

const conceptCache = new Map<string, string[]>();

const articleConcepts = new WeakMap<Article, { mode: number; set: ReadonlySet<string> }>();

/** The concepts of an article's sentences (headings aside), memoised per article. */
function conceptsOfArticle(a: Article): ReadonlySet<string> {
  const known = articleConcepts.get(a);
  if (known && known.mode === SALIENCE.rawPairs) return known.set;
  const set = new Set<string>();
  for (const s of a.sentences) if (s.kind !== 'subhead') for (const c of conceptsOf(s.text, false)) set.add(c);
  articleConcepts.set(a, { mode: SALIENCE.rawPairs, set });
  return set;
}

/** In how many of the articles each concept occurs (any sentence but headings). */
export function articleFrequencies(articles: readonly Article[]): Map<string, number> {
  const af = new Map<string, number>();
  for (const a of articles) for (const c of conceptsOfArticle(a)) af.set(c, (af.get(c) ?? 0) + 1);
  return af;
}

/** In how many articles each concept occurs among the given sentences. */
export function selectedFrequencies(sentences: readonly { article: Article; text: string }[]): Map<string, number> {
  const byArticle = new Map<Article, Set<string>>();
  for (const s of sentences) {
    let set = byArticle.get(s.article);
    if (!set) {
      set = new Set();
      byArticle.set(s.article, set);
    }
    for (const c of conceptsOf(s.text)) set.add(c);
  }
  const af = new Map<string, number>();
  for (const set of byArticle.values()) for (const c of set) af.set(c, (af.get(c) ?? 0) + 1);
  return af;
}

/** A point that may be chosen: its cluster and how it would read. */
export interface SalienceCandidate {
  cluster: Cluster;
  /** Verified sources (the point's own article first). */
  sources: number;
  /** 0–1: relevance to the question, relative to the best candidate. */
  relevance: number;
  /** 0–1: relevance by the question's own words only (its learned expansion aside), relative to the best; defaults to `relevance`. */
  asked?: number;
  /** A recap (with `since`): every date it names is before the newest article the reader saw (`recap.ts`). */
  recap?: boolean;
}

/** Options of `selectSalient`. */
export interface SalienceOptions {
  max: number;
  /** A total word budget: points are taken while they fit. */
  words?: number;
  /** Stems of the question (and its expansion): concepts with them weigh more. */
  focus: ReadonlySet<string>;
  /** The articles the points come from (new ones with `since`). */
  fresh: readonly Article[];
  /** The sentences the question selects (every candidate, weak mentions too): centrality is counted over them when given. */
  selected?: readonly { article: Article; text: string }[];
  /** Articles the reader already saw (before `since`); empty without it. */
  old: readonly Article[];
  /** The point's text as it would be shown next (standing alone), or undefined when it cannot stand alone. */
  textOf: (c: SalienceCandidate) => string | undefined;
  /** The words a text takes in the budget (default: its word count). */
  length?: (text: string) => number;
  /**
   * 0–1: how specific the question is (1 for a short question such as `what did X say about Y`, 0 for a
   * story's description). A specific question wants its answer, not the articles' most central facts:
   * relevance by its own words then decides the value, raised to `SALIENCE.specificPower`.
   */
  specificity?: number;
  /** Called with each chosen candidate, in order, so the text state (names introduced) can move on. */
  onChoose?: (c: SalienceCandidate, text: string) => void;
}

/** The weights of the salience score (one set for every question; exported so measurements can vary them). */
export const SALIENCE = {
  /** Weight of concepts carrying a question stem, relative to others. */
  focusBoost: 1.5,
  /** Weight of a pair of adjacent content words relative to a single word. */
  pairBoost: 1.2,
  /** How much a concept the reader already saw is discounted (times its share of the earlier articles). */
  seenDiscount: 0.6,
  /** Length exponent of the gain per word: between pure density (1) and pure gain (0). */
  lengthExponent: 0.6,
  /** A point's relevance must be at least this share of the best candidate's. */
  relevanceFloor: 0.3,
  /** Share of the value that relevance to the question decides (the rest is centrality). */
  relevanceShare: 0.3,
  /** Raise per (log) verified source. */
  corroboration: 0.15,
  /** Similarity from which a new sentence repeats one the reader saw (same numbers): not news. */
  seenRepeat: 0.7,
  /** Least topic score of a sentence that may be a point. */
  minScore: 2,
  /** Weight of a single-word concept (pairs weigh `pairBoost`). */
  unigram: 1,
  /** 1: a pair may include one function word (`the toll`); 0: pairs of content words only. */
  rawPairs: 1,
  /** A concept's weight grows as (articles mentioning it) to this power. */
  afPower: 1,
  /** 1: centrality counted over the sentences the question selects; 0: over every sentence of the articles. */
  selectedCentrality: 0,
  /**
   * Weight of the earlier articles' mentions of a concept in its centrality (with `since`): the story's
   * threads count over everything the reader followed, while recaps are left out and what was seen is
   * discounted. Measured on DUC 2007 (ROUGE-2, after recaps and the expansion from the new articles):
   * 0 → B 0.0961, C 0.1135; 0.3–0.7 → B 0.0954–0.0956, C 0.1206–0.1265; 1 → C 0.1115.
   */
  oldShare: 0.5,
  /** 1: a story's description (not a specific question) lists its points in time order. */
  timeOrder: 1,
  /** Raise of a sentence near the top of its article (news put what matters first): `1 + posBoost / (1 + index / 3)`. */
  posBoost: 0.3,
  /** For a specific question, the value grows as (relevance by the question's own words) to this power. */
  specificPower: 3,
  /**
   * 1: with a word budget, the points are chosen together by exact concept coverage; 0: one by one
   * (greedy, gain per word^lengthExponent). Measured on DUC 2007 the two are within noise (ROUGE-2 over
   * all parts 0.106 exact, 0.109 greedy); the greedy stays the default until held-out data says otherwise.
   */
  exact: 0,
  /** Shorter forms (leading clauses, attribution kept) of each point offered to the exact selection. */
  variants: 2,
  /** A concept earns (the covering point's own value relative to the best) to this power times its weight; 0: its full weight. */
  scaled: 1,
  /** Search nodes of the exact selection (it finishes far below this on a digest's few dozen points). */
  nodes: 4000,
  /** 1: a point drops the weekday its report is dated by (`…, officials said Thursday.`): the citation dates it. */
  reportDay: 1,
  /**
   * How much a recap loses (with `since`: a point whose every date is before the newest article the
   * reader saw, `The quake struck at 3 a.m. on Aug. 17`). Measured on DUC 2007 (ROUGE-2): B 0.0947 →
   * 0.0981, C 0.1107 → 0.1081, all 0.1091 → 0.1093; any value from 0.3 to 1 chooses the same points.
   */
  recap: 1,
};

/** How much relevance to the question weighs in a candidate's value: a share for a story's description, a power for a specific question. */
function relevanceFactor(cand: SalienceCandidate, specificity: number): number {
  const broad = 1 - SALIENCE.relevanceShare + SALIENCE.relevanceShare * cand.relevance;
  if (specificity <= 0) return broad;
  const asked = cand.asked ?? cand.relevance;
  return (1 - specificity) * broad + specificity * asked ** SALIENCE.specificPower;
}

/** The chosen points, best first, with their shown texts. */
export function selectSalient(candidates: readonly SalienceCandidate[], options: SalienceOptions): { candidate: SalienceCandidate; text: string }[] {
  const fresh = options.selected && SALIENCE.selectedCentrality ? selectedFrequencies(options.selected) : articleFrequencies(options.fresh);
  const old = options.old.length ? articleFrequencies(options.old) : undefined;
  const shared = options.fresh.length > 1 ? 2 : 1;
  const weights = new Map<string, number>();
  const weight = (c: string): number => {
    let w = weights.get(c);
    if (w === undefined) {
      w = conceptWeight(c);
      weights.set(c, w);
    }
    return w;
  };
  const conceptWeight = (c: string): number => {
    const n = (fresh.get(c) ?? 0) + SALIENCE.oldShare * (old?.get(c) ?? 0);
    if (n < shared) return 0;
    let w = n ** SALIENCE.afPower;
    const parts = c.split(' ');
    if (parts.some((p) => options.focus.has(p))) w *= SALIENCE.focusBoost;
    w *= parts.length > 1 ? SALIENCE.pairBoost : SALIENCE.unigram;
    if (old) w *= 1 - SALIENCE.seenDiscount * Math.min(1, (old.get(c) ?? 0) / options.old.length);
    return w;
  };
  if (SALIENCE.exact && options.words !== undefined) return selectExact(candidates, options, weight);
  const covered = new Set<string>();
  const chosen: { candidate: SalienceCandidate; text: string }[] = [];
  const taken = new Set<SalienceCandidate>();
  let words = 0;
  while (chosen.length < options.max) {
    let best: { candidate: SalienceCandidate; text: string; value: number } | undefined;
    for (const cand of candidates) {
      if (taken.has(cand)) continue;
      let text = options.textOf(cand);
      if (!text) continue;
      // Over the word budget: its leading clause(s) may still fit (attribution kept), else it is skipped.
      const length = options.length ?? wordCount;
      if (options.words !== undefined && words + length(text) > options.words)
        text = clauseWithin(text, options.words - words - (length(text) - wordCount(text)));
      if (!text) continue;
      const n = length(text);
      let gain = 0;
      for (const c of conceptsOf(text)) if (!covered.has(c)) gain += weight(c);
      if (gain <= 0) continue;
      const value = (gain / n ** SALIENCE.lengthExponent) * ownValue(cand, options.specificity ?? 0);
      if (!best || value > best.value) best = { candidate: cand, text, value };
    }
    if (!best) break;
    taken.add(best.candidate);
    chosen.push({ candidate: best.candidate, text: best.text });
    options.onChoose?.(best.candidate, best.text);
    for (const c of conceptsOf(best.text)) covered.add(c);
    words += (options.length ?? wordCount)(best.text);
  }
  return chosen;
}

/** A point's value of its own: its position in its article, relevance to the question and verified sources. */
function ownValue(cand: SalienceCandidate, specificity: number): number {
  const position = 1 + SALIENCE.posBoost / (1 + cand.cluster.rep.sentence.index / 3);
  const retold = cand.recap ? 1 - SALIENCE.recap : 1;
  return position * relevanceFactor(cand, specificity) * (1 + SALIENCE.corroboration * Math.log(cand.sources)) * retold;
}

/** A point's full text and its shorter leading-clause forms (attribution kept), each with the word limit that makes it again. */
function formsOf(full: string): { text: string; limit: number }[] {
  const forms = [{ text: full, limit: Infinity }];
  for (let k = 0; k < SALIENCE.variants; k++) {
    const last = forms[forms.length - 1]!.text;
    const shorter = clauseWithin(last, wordCount(last) - 1);
    if (!shorter || shorter === last) break;
    forms.push({ text: shorter, limit: wordCount(shorter) });
  }
  return forms;
}

/**
 * The points chosen together: the set whose distinct concepts weigh the most within the word budget
 * (each point in its full length or a shorter leading-clause form, a concept earned at the best own
 * value of the points carrying it), then put in order of what each adds, their texts made again in
 * that order (a name is described on its first mention only).
 */
function selectExact(
  candidates: readonly SalienceCandidate[],
  options: SalienceOptions,
  weight: (c: string) => number,
): { candidate: SalienceCandidate; text: string }[] {
  const budget = options.words!;
  const length = options.length ?? wordCount;
  const spec = options.specificity ?? 0;
  const index = new Map<string, number>();
  const weights: number[] = [];
  const items: CoverageItem[] = [];
  const forms: { cand: SalienceCandidate; limit: number }[] = [];
  const values = candidates.map((cand) => ownValue(cand, spec));
  const top = Math.max(1e-9, ...values);
  candidates.forEach((cand, group) => {
    const full = options.textOf(cand);
    if (!full) return;
    const scale = SALIENCE.scaled ? (values[group]! / top) ** SALIENCE.scaled : 1;
    for (const { text, limit } of formsOf(full)) {
      const n = length(text);
      if (n > budget) continue;
      const concepts: number[] = [];
      for (const c of conceptsOf(text)) {
        let id = index.get(c);
        if (id === undefined) {
          const w = weight(c);
          if (w <= 0) continue;
          id = weights.length;
          index.set(c, id);
          weights.push(w);
        }
        concepts.push(id);
      }
      forms.push({ cand, limit });
      items.push({ group, length: n, concepts, bonus: 0, scale });
    }
  });
  const { chosen } = maxCoverage(items, weights, { budget, maxItems: options.max, nodeLimit: SALIENCE.nodes });
  // Most informative first: each next point is the one earning the most of what is still uncovered.
  const earned = new Float64Array(weights.length);
  const left = [...chosen];
  const order: number[] = [];
  while (left.length) {
    let at = 0;
    let most = -1;
    left.forEach((i, k) => {
      const it = items[i]!;
      let v = 0;
      for (const c of it.concepts) v += weights[c]! * Math.max(0, it.scale! - earned[c]!);
      if (v > most) {
        most = v;
        at = k;
      }
    });
    const i = left.splice(at, 1)[0]!;
    for (const c of items[i]!.concepts) earned[c] = Math.max(earned[c]!, items[i]!.scale!);
    order.push(i);
  }
  const out: { candidate: SalienceCandidate; text: string }[] = [];
  for (const i of order) {
    const { cand, limit } = forms[i]!;
    const full = options.textOf(cand);
    const text = full && limit !== Infinity ? clauseWithin(full, limit) : full;
    if (!text) continue;
    out.push({ candidate: cand, text });
    options.onChoose?.(cand, text);
  }
  return out;
}
