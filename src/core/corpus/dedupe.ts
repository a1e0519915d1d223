import type { Article, InputIssue } from '../model.ts';
import { sampleHashes, setKey, sharedCount, shingleHashes } from './shingles.ts';

/** Jaccard similarity of shingle sets at or above which two articles are the same story text. */
export const DUPLICATE_JACCARD = 0.6;
/** Share of the smaller article's shingles found in the other, at or above which it is a repeat. */
export const DUPLICATE_CONTAINMENT = 0.8;
/** Articles whose sizes differ more than this ratio are not compared by containment. */
const MIN_SIZE_RATIO = 0.5;
/** Sampled shingles found in more articles than this are too common to point at a duplicate. */
const MAX_POSTINGS = 64;
/** Share of sampled shingles two articles must share before their full shingle sets are compared. */
const CANDIDATE_SHARE = 0.4;

interface Entry {
  article: Article;
  hashes: Uint32Array;
  sampled: number;
}

function contentOf(article: Article): string[] {
  const parts: string[] = [];
  for (const s of article.sentences) if (s.kind !== 'subhead') parts.push(s.text);
  return parts;
}

/** How alike two shingle sets are: a duplicate verdict and the score shown in the warning. */
export function compareShingles(a: Uint32Array, b: Uint32Array): { duplicate: boolean; score: number } {
  const shared = sharedCount(a, b);
  const small = Math.min(a.length, b.length);
  const large = Math.max(a.length, b.length);
  if (small === 0) return { duplicate: false, score: 0 };
  const jaccard = shared / (a.length + b.length - shared);
  const containment = shared / small;
  const duplicate = jaccard >= DUPLICATE_JACCARD || (containment >= DUPLICATE_CONTAINMENT && small / large >= MIN_SIZE_RATIO);
  return { duplicate, score: duplicate ? Math.max(jaccard, containment) : jaccard };
}

/**
 * Marks articles that repeat an earlier one (same or near-identical text) with `duplicateOf`,
 * pointing at the first article of the group, and returns one `duplicate` warning per repeat.
 * Only originals go into an inverted index of sampled shingle hashes; a new article is compared in
 * full only with the originals that share enough of its sampled shingles, so the cost grows about
 * linearly with the corpus. Articles whose mark does not change are returned as the same objects.
 */
export function markDuplicates(articles: Article[]): { articles: Article[]; issues: InputIssue[] } {
  const originals: Entry[] = [];
  const exact = new Map<string, number>();
  const postings = new Map<number, number[]>();
  const issues: InputIssue[] = [];
  const out: Article[] = [];
  let counts = new Uint32Array(1024);
  for (const article of articles) {
    const hashes = shingleHashes(contentOf(article));
    const key = hashes.length > 0 ? setKey(hashes) : '';
    const sample = sampleHashes(hashes);
    let match: { index: number; score: number } | undefined;
    const same = key ? exact.get(key) : undefined;
    if (same !== undefined) match = { index: same, score: 1 };
    else if (sample.length > 0) {
      if (counts.length < originals.length) {
        const grown = new Uint32Array(Math.max(originals.length, counts.length * 2));
        grown.set(counts);
        counts = grown;
      }
      const touched: number[] = [];
      for (const h of sample) {
        const list = postings.get(h);
        if (!list || list.length > MAX_POSTINGS) continue;
        for (const idx of list) if (counts[idx]!++ === 0) touched.push(idx);
      }
      for (const idx of touched) {
        const other = originals[idx]!;
        const earlier = !match || idx < match.index;
        if (earlier && counts[idx]! >= CANDIDATE_SHARE * Math.min(sample.length, other.sampled)) {
          const verdict = compareShingles(hashes, other.hashes);
          if (verdict.duplicate) match = { index: idx, score: verdict.score };
        }
        counts[idx] = 0;
      }
    }
    let result = article;
    if (match) {
      const root = originals[match.index]!.article;
      if (article.duplicateOf !== root.id) result = { ...article, duplicateOf: root.id };
      issues.push({
        file: article.file,
        code: 'duplicate',
        severity: 'warning',
        message: `${article.file} repeats ${root.file} (${Math.round(match.score * 100)}% of its text is the same); it is kept as a duplicate of "${root.id}" and counted once`,
      });
    } else {
      if (article.duplicateOf !== undefined) {
        result = { ...article };
        delete result.duplicateOf;
      }
      const index = originals.length;
      originals.push({ article: result, hashes, sampled: sample.length });
      if (key) exact.set(key, index);
      for (const h of sample) {
        const list = postings.get(h);
        if (list) list.push(index);
        else postings.set(h, [index]);
      }
    }
    out.push(result);
  }
  return { articles: out, issues };
}
