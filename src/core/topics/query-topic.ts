import type { TopicDef, TopicTerm } from '../model.ts';
import { STOPWORDS } from '../digest/stopwords.ts';
import { placeStem } from '../digest/features.ts';
import type { StemCounts } from '../digest/similarity.ts';
import type { ParsedQuery } from './query-parser.ts';
import { tokenize } from './tokenize.ts';

/**
 * A question turned into a topic the engine can score sentences with. Each subject word weighs by how
 * rare it is in the corpus (IDF over the corpus sentences): a word every sentence has tells little, a
 * rare one names the story. The question is then expanded from the corpus itself: the words that keep
 * company with the question's words in the sentences that match it best (pseudo-relevance feedback)
 * join as weaker terms, so a question finds the story in the articles' own vocabulary.
 */

/** `ln((N + 1) / (df + 1))`: 0 for a word in every sentence, large for a rare one. */
export function rarity(counts: StemCounts, stem: string): number {
  // A name is counted under its place stem (`Kenya`/`Kenyan`): take whichever form the corpus has more of.
  const df = Math.max(counts.df.get(stem) ?? 0, counts.df.get(placeStem(stem)) ?? 0);
  return Math.max(0, Math.log((counts.count + 1) / (df + 1)));
}

/** How a question word's weight grows with its rarity: `min(max, base + slope × rarity)`. */
export const QUERY_WEIGHTS = { base: 0.75, slope: 0.5, max: 3 };

/** The weight of a subject word of the question: from 0.75 (in every sentence) to 3 (rare). */
export function queryWeight(counts: StemCounts, stem: string): number {
  return Math.min(QUERY_WEIGHTS.max, QUERY_WEIGHTS.base + QUERY_WEIGHTS.slope * rarity(counts, stem));
}

/** Options of `expandTerms`. */
export interface ExpansionOptions {
  /** At most this many expansion words (default 12). */
  max?: number;
  /** A word must occur in at least this many feedback sentences (default 2). */
  minCount?: number;
  /** Weight of an expansion word, at most (default 0.6: companions alone rarely make a sentence relevant). */
  maxWeight?: number;
}

/** An expansion word: its surface form, stem, and weight. */
export interface Expansion {
  word: string;
  stem: string;
  weight: number;
}

/**
 * Words that keep company with the question's words: frequent in the feedback sentences (those that
 * match the question best) and much rarer in the corpus at large. Scored by count × log(lift); names
 * and numbers count like other words. Words of the question itself are left out.
 */
export function expandTerms(feedback: readonly string[], counts: StemCounts, asked: ReadonlySet<string>, options: ExpansionOptions = {}): Expansion[] {
  const max = options.max ?? 12;
  const minCount = options.minCount ?? 2;
  const maxWeight = options.maxWeight ?? 0.6;
  if (feedback.length === 0 || counts.count === 0) return [];
  const seen = new Map<string, { word: string; n: number }>();
  for (const text of feedback) {
    const inSentence = new Set<string>();
    for (const t of tokenize(text)) {
      if (t.word.length < 3 || STOPWORDS.has(t.word) || /^\d+$/.test(t.word) || asked.has(t.stem) || inSentence.has(t.stem)) continue;
      inSentence.add(t.stem);
      const e = seen.get(t.stem);
      if (e) e.n++;
      else seen.set(t.stem, { word: t.word, n: 1 });
    }
  }
  const scored: { word: string; stem: string; score: number; lift: number }[] = [];
  for (const [stem, { word, n }] of seen) {
    if (n < minCount) continue;
    const background = ((counts.df.get(stem) ?? 0) + 1) / (counts.count + 1);
    const lift = n / feedback.length / background;
    if (lift < 3) continue;
    scored.push({ word, stem, score: n * Math.log(lift), lift });
  }
  scored.sort((a, b) => b.score - a.score || (a.stem < b.stem ? -1 : 1));
  return scored.slice(0, max).map((s) => ({ word: s.word, stem: s.stem, weight: Math.min(maxWeight, 0.2 + 0.15 * Math.log(s.lift)) }));
}

/** The id a free-text digest carries. */
export const QUERY_TOPIC_ID = 'query';

/** A topic from a parsed question: its subject words weighted by rarity, asked phrases, and the expansion words. */
export function queryTopic(parsed: ParsedQuery, counts: StemCounts, expansion: readonly Expansion[] = [], title = parsed.text): TopicDef {
  const terms: TopicTerm[] = [];
  const weightOf = new Map<string, number>();
  // Words the question capitalises (`Velmar`, `Ostland`): names, whose adjective (`Velmarian`) names them too.
  const named = new Set(Array.from(parsed.text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’]*/gu), (m) => m[0].toLowerCase().replace(/['’]s$/, '')));
  for (const t of parsed.terms) {
    const weight = round(queryWeight(counts, t.stem) * (t.count > 1 ? 1.2 : 1));
    weightOf.set(t.word, weight);
    // A place and its adjective (`Velmar`/`Velmarian`, `Ostland`/`Ostlandic`) are asked alike, as one term
    // (a sentence with both still names one thing asked); a common word (`company`, `policy`) stays exact.
    const root = placeStem(t.stem);
    const adjectival = named.has(t.word) && root !== t.stem && root.length >= 4 && /^\p{L}+$/u.test(root) && t.word.startsWith(root);
    terms.push({ term: adjectival ? `${root}*` : t.word, weight });
  }
  // An asked phrase found as such is a stronger sign than its two words apart (a phrase match consumes its words).
  for (const p of parsed.phrases) {
    const [a = '', b = ''] = p.split(' ');
    terms.push({ term: p, weight: round((weightOf.get(a) ?? 1) + (weightOf.get(b) ?? 1) + 0.5) });
  }
  for (const e of expansion) terms.push({ term: e.word, weight: round(e.weight), learned: true });
  return { id: QUERY_TOPIC_ID, title: shortTitle(title), description: parsed.text, terms };
}

/** Topic terms of a configured topic with expansion words added (its own terms kept as they are). */
export function expandTopic(topic: TopicDef, expansion: readonly Expansion[]): TopicDef {
  if (expansion.length === 0) return topic;
  return { ...topic, terms: [...topic.terms, ...expansion.map((e) => ({ term: e.word, weight: round(e.weight), learned: true }))] };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** A question's title for display: its first sentence, at most 80 characters. */
function shortTitle(text: string): string {
  const first = /^[^.?!]*[.?!]?/.exec(text)?.[0]?.trim() || text;
  return first.length > 80 ? `${first.slice(0, 79).trimEnd()}…` : first;
}
