import type { Article, Sentence } from '../model.ts';
import { liftByArticle } from './article-context.ts';

/**
 * Topic context of sentences. A sentence is rarely read alone: a paragraph opened by "On trade, …"
 * or a lead-in naming "a draft set of tariffs" makes the next sentences ("The draft would also
 * ban imports …") about that topic too. A sentence therefore inherits a damped share of the topic
 * score of its paragraph and of the sentence before it, more when it opens with an anaphoric subject.
 */

/** Share of the best other sentence of the paragraph (or the previous one) a sentence with a topic word inherits. */
export const PARAGRAPH_SHARE = 0.35;
/** Share of its antecedent's (contextual) score an anaphoric sentence inherits. */
export const ANAPHOR_SHARE = 0.7;
/**
 * Inheritance only lifts weak sentences: a contextual score never exceeds this (a sentence already
 * above it keeps its own score), so context makes a sentence eligible without reordering strong ones.
 */
export const CONTEXT_CAP = 2.5;

/** A sentence lifted by its paragraph alone (not an anaphor) reaches at most this: just eligible, ranked last. */
export const PARAGRAPH_CAP = 2;

/** Generic nouns that, as a definite subject, refer back to something named before (`The package …`). */
const CONTAINER = 'plan|package|deal|agreement|accord|proposal|draft|offer|scheme|exchange|swap|programme|program|text|document';

/** An opening that leans on what came before: a pronoun, `Under the …`, or `The <generic noun>`. */
const ANAPHORIC_OPENER = new RegExp(
  `^["“‘']?(?:(?:it|they|this|these|such)\\s|(?:under|as part of) (?:the|this|that) (?:${CONTAINER})\\b|the (?:${CONTAINER})\\b)`,
  'iu',
);

/** True when a sentence opens with an anaphoric subject that refers to an earlier sentence. */
export function isAnaphoricOpener(text: string): boolean {
  const t = text.trimStart();
  // Every opener starts with one of these letters (or a quote): skip the regex for the rest.
  return OPENING.test(t.charAt(0)) && ANAPHORIC_OPENER.test(t);
}

const OPENING = /["“‘'itsuaITSUA]/;

/** Kinds of sentences that carry context: body text and list items (not headings). */
const carries = (s: Sentence | undefined) => s !== undefined && s.kind !== 'subhead';

/**
 * Contextual topic scores of an article's sentences for one topic, or undefined when no sentence has
 * a term of it: the own score `scores[i][topicId]` plus an inherited share, namely `ANAPHOR_SHARE` ×
 * the best contextual score of the two sentences before it (the farther one damped) for an anaphoric
 * opener, else — only when the sentence has a topic word of its own — `PARAGRAPH_SHARE` × the best own
 * score of another sentence of its paragraph. Linear in the sentences; never above `CONTEXT_CAP`
 * (`PARAGRAPH_CAP` for the paragraph share), and a sentence already above the cap keeps its score.
 * Then, in an article about the topic, weak and entity-linked sentences are lifted (`liftByArticle`).
 */
export function contextScores(article: Article, scores: readonly (Record<string, number> | undefined)[], topicId: string): number[] | undefined {
  const sentences = article.sentences;
  const n = sentences.length;
  const out = new Array<number>(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    const v = scores[i]?.[topicId] ?? 0;
    out[i] = v;
    if (v > 0) any = true;
  }
  if (!any) return undefined;
  const own = out.slice();
  let paragraphs = 0;
  for (const s of sentences) if (s.paragraph >= paragraphs) paragraphs = s.paragraph + 1;
  const best0 = new Float64Array(paragraphs);
  const best1 = new Float64Array(paragraphs);
  for (let i = 0; i < n; i++) {
    const v = out[i]!;
    const s = sentences[i]!;
    if (v <= 0 || !carries(s)) continue;
    const p = s.paragraph;
    if (v > best0[p]!) {
      best1[p] = best0[p]!;
      best0[p] = v;
    } else if (v > best1[p]!) best1[p] = v;
  }
  for (let i = 0; i < n; i++) {
    const s = sentences[i]!;
    const v = out[i]!; // still the own score: only out[i] itself changes at step i
    if (v >= CONTEXT_CAP || !carries(s)) continue;
    const p1 = carries(sentences[i - 1]) ? out[i - 1]! : 0;
    const p2 = carries(sentences[i - 2]) ? out[i - 2]! * 0.7 : 0;
    if ((p1 > 0 || p2 > 0) && isAnaphoricOpener(s.text)) {
      out[i] = Math.min(CONTEXT_CAP, v + ANAPHOR_SHARE * Math.max(p1, p2));
    } else if (v > 0 && v < PARAGRAPH_CAP) {
      const others = v === best0[s.paragraph] ? best1[s.paragraph]! : best0[s.paragraph]!;
      out[i] = Math.min(PARAGRAPH_CAP, v + PARAGRAPH_SHARE * others);
    }
  }
  liftByArticle(article, scores, topicId, own, out);
  return out;
}
