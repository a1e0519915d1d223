import type { Article } from '../model.ts';
import { referenceDate, resolveDates } from '../timeline/dates.ts';
import type { Candidate } from './candidates.ts';
import type { Cluster } from './cluster.ts';
import { ANCHOR, contentStems } from './features.ts';

/**
 * Citations the sources support. A cluster groups sentences that look alike; before another article is
 * cited for a point, one of its sentences must report the same fact: most of the point's content words
 * (not only a few shared ones), no disagreement on the names and numbers that carry it, the same
 * polarity (an article that says the opposite is the other side of a dispute, not a corroboration),
 * and a publication date no earlier than the event the point dates.
 */

/** Share of the point's content words a supporting sentence must have. */
export const SUPPORT_OVERLAP = 0.45;
/** The least share any citation needs: below it, no reader would find the point in the article. */
export const MIN_SUPPORT_OVERLAP = 0.3;

const NEGATION = /\b(?:not|no|never|none|neither|nor|without|denied|denies|deny|rejected|rejects|refused|refuses|dismissed|n't)\b|n't\b/i;

/** Where a sentence's first main clause ends: a relative or contrasting clause, or a semicolon. */
const CLAUSE_END = /,\s+(?:which|who|but|although|though|while|whereas|yet)\b|;\s/i;

/** The first main clause of a sentence: what its polarity is about (`…, which did not …` is a side remark). */
function mainClause(text: string): string {
  const m = CLAUSE_END.exec(text);
  return m ? text.slice(0, m.index) : text;
}

const plain = (s: string) => (s.startsWith(ANCHOR) ? s.slice(ANCHOR.length) : s);
const isNumber = (s: string) => /^\d/.test(plain(s));
/** A number specific to one event: not a day of the month or a year. */
const isQuantity = (s: string) => {
  const p = plain(s);
  if (!/^\d+$/.test(p)) return false;
  const n = Number(p);
  return n > 31 && !(n >= 1900 && n <= 2100);
};

/** Why a sentence does not support a point, or undefined when it does. */
export function unsupported(
  point: string,
  pointArticle: Article,
  sentence: string,
  article: Article,
  day = eventDay(point, pointArticle),
  p: readonly string[] = contentStems(point),
  overlap = SUPPORT_OVERLAP,
): string | undefined {
  const s = new Set(contentStems(sentence).map(plain));
  if (p.length === 0) return 'empty point';
  const shared = p.filter((x) => s.has(plain(x)));
  if (shared.length / p.length < overlap) return 'too few shared words';
  const pq = p.filter(isQuantity).map(plain);
  const sq = [...s].filter(isQuantity);
  if (pq.length > 0 && sq.length > 0 && !pq.some((q) => s.has(q))) return 'different numbers';
  const names = p.filter((x) => x.startsWith(ANCHOR) && !isNumber(x));
  if (names.length > 0 && !names.some((n) => s.has(plain(n)))) return 'different names';
  if (NEGATION.test(mainClause(point)) !== NEGATION.test(mainClause(sentence))) return 'opposite polarity';
  if (before(article, day)) return 'published before the event';
  return undefined;
}

/** The latest exact day a point's text names (resolved against its article), `YYYY-MM-DD`, if any. */
export function eventDay(text: string, article: Article): string | undefined {
  const ref = referenceDate(article);
  if (!ref || ref.year === undefined) return undefined;
  let latest: string | undefined;
  for (const m of resolveDates(text, ref)) {
    if (m.precision !== 'day' || m.to.year === undefined) continue;
    const d = `${m.to.year}-${String(m.to.month).padStart(2, '0')}-${String(m.to.day).padStart(2, '0')}`;
    if (!latest || d > latest) latest = d;
  }
  return latest;
}

/** True when the article was published before the given day. */
function before(article: Article, day: string | undefined): boolean {
  return day !== undefined && article.published !== undefined && article.published.slice(0, 10) < day;
}

/**
 * The cluster with only the members that support the point as shown (`text`, from the representative):
 * the representative, its own article's other sentences, and each other article's sentences that pass
 * `unsupported`. Sources follow the kept members.
 */
export function verifyCluster(cluster: Cluster, text: string, overlap = SUPPORT_OVERLAP): Cluster {
  const rep = cluster.rep;
  if (cluster.sources.length < 2 && cluster.members.length < 2) return cluster;
  const day = eventDay(text, rep.article);
  const stems = contentStems(text);
  const kept: Candidate[] = [];
  const vectors = [];
  for (let i = 0; i < cluster.members.length; i++) {
    const m = cluster.members[i]!;
    const ok = m === rep || (m.article.id !== rep.article.id && !unsupported(text, rep.article, m.sentence.text, m.article, day, stems, overlap));
    if (!ok) continue;
    kept.push(m);
    if (cluster.memberVectors[i]) vectors.push(cluster.memberVectors[i]!);
  }
  const sources = [...new Set(kept.map((m) => m.article.id))];
  return { ...cluster, members: kept, memberVectors: vectors.length === kept.length ? vectors : [], sources };
}
