import type { Article } from '../model.ts';
import { tokenize } from '../topics/tokenize.ts';
import type { Cluster } from './cluster.ts';
import { wordCount } from './features.ts';
import { STOPWORDS } from './stopwords.ts';
import { clauseWithin } from './word-cap.ts';

/**
 * Salience of candidate points for a question: how much of what the articles say a point represents
 * (its concepts — content words and pairs of adjacent content words — weighted by how many of the
 * articles mention them: a centroid of the articles), how relevant it is to the question, how many
 * sources verifiably report it, and how much it adds to the points already chosen (a concept counts
 * once: maximal marginal relevance by coverage). With a `since` bound, what the reader already saw in
 * the earlier articles weighs less, so the new is said first.
 */

/** The concepts of a text: content-word stems and adjacent content-word pairs. */
export function conceptsOf(text: string): string[] {
  const out = new Set<string>();
  let prev: string | undefined;
  for (const t of tokenize(text)) {
    if (t.word.length < 2 || STOPWORDS.has(t.word)) {
      prev = undefined;
      continue;
    }
    out.add(t.stem);
    if (prev) out.add(`${prev} ${t.stem}`);
    prev = t.stem;
  }
  return [...out];
}

/** In how many of the articles each concept occurs (any sentence but headings). */
export function articleFrequencies(articles: readonly Article[]): Map<string, number> {
  const af = new Map<string, number>();
  for (const a of articles) {
    const seen = new Set<string>();
    for (const s of a.sentences) {
      if (s.kind === 'subhead') continue;
      for (const c of conceptsOf(s.text)) seen.add(c);
    }
    for (const c of seen) af.set(c, (af.get(c) ?? 0) + 1);
  }
  return af;
}

/** A point that may be chosen: its cluster and how it would read. */
export interface SalienceCandidate {
  cluster: Cluster;
  /** Verified sources (the point's own article first). */
  sources: number;
  /** 0–1: relevance to the question, relative to the best candidate. */
  relevance: number;
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
  /** Articles the reader already saw (before `since`); empty without it. */
  old: readonly Article[];
  /** The point's text as it would be shown next (standing alone), or undefined when it cannot stand alone. */
  textOf: (c: SalienceCandidate) => string | undefined;
  /** Called with each chosen candidate, in order, so the text state (names introduced) can move on. */
  onChoose?: (c: SalienceCandidate, text: string) => void;
}

/** Weight of concepts carrying a question stem, relative to others. */
const FOCUS_BOOST = 1.5;
/** How much a concept the reader already saw is discounted (times its share of the earlier articles). */
const SEEN_DISCOUNT = 0.6;
/** Length exponent of the gain per word: between pure density (1) and pure gain (0). */
const LENGTH_EXPONENT = 0.6;

/** The chosen points, best first, with their shown texts. */
export function selectSalient(candidates: readonly SalienceCandidate[], options: SalienceOptions): { candidate: SalienceCandidate; text: string }[] {
  const fresh = articleFrequencies(options.fresh);
  const old = options.old.length ? articleFrequencies(options.old) : undefined;
  const shared = options.fresh.length > 1 ? 2 : 1;
  const weight = (c: string): number => {
    const n = fresh.get(c) ?? 0;
    if (n < shared) return 0;
    let w = n;
    const parts = c.split(' ');
    if (parts.some((p) => options.focus.has(p))) w *= FOCUS_BOOST;
    if (parts.length > 1) w *= 1.2;
    if (old) w *= 1 - SEEN_DISCOUNT * Math.min(1, (old.get(c) ?? 0) / options.old.length);
    return w;
  };
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
      if (options.words !== undefined && words + wordCount(text) > options.words) text = clauseWithin(text, options.words - words);
      if (!text) continue;
      const n = wordCount(text);
      let gain = 0;
      for (const c of conceptsOf(text)) if (!covered.has(c)) gain += weight(c);
      if (gain <= 0) continue;
      const value = (gain / Math.pow(n, LENGTH_EXPONENT)) * (0.4 + 0.6 * cand.relevance) * (1 + 0.15 * Math.log(cand.sources));
      if (!best || value > best.value) best = { candidate: cand, text, value };
    }
    if (!best) break;
    taken.add(best.candidate);
    chosen.push({ candidate: best.candidate, text: best.text });
    options.onChoose?.(best.candidate, best.text);
    for (const c of conceptsOf(best.text)) covered.add(c);
    words += wordCount(best.text);
  }
  return chosen;
}
