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

/** A growing index of original articles, so a new article can be checked without re-reading the corpus. */
export interface DuplicateIndex {
  /** How many articles were checked into the index. */
  readonly checked: number;
  /**
   * Checks one article against the originals so far: returns it marked (or unmarked) and, for a repeat,
   * the warning; an original is added to the index. Unchanged articles come back as the same object.
   */
  check(article: Article): { article: Article; issue?: InputIssue };
}

/**
 * Makes an empty duplicate index. Only originals go into an inverted index of sampled shingle hashes;
 * a new article is compared in full only with the originals that share enough of its sampled shingles,
 * so the cost grows about linearly with the corpus.
 */
export function createDuplicateIndex(): DuplicateIndex {
  const originals: Entry[] = [];
  const exact = new Map<string, number>();
  const postings = new Map<number, number[]>();
  let counts = new Uint32Array(1024);
  let checked = 0;
  const check = (article: Article): { article: Article; issue?: InputIssue } => {
    checked++;
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
    if (match) {
      const root = originals[match.index]!.article;
      const result = article.duplicateOf === root.id ? article : { ...article, duplicateOf: root.id };
      return {
        article: result,
        issue: {
          file: article.file,
          code: 'duplicate',
          severity: 'warning',
          message: `${article.file} repeats ${root.file} (${Math.round(match.score * 100)}% of its text is the same); it is kept as a duplicate of "${root.id}" and counted once`,
        },
      };
    }
    let result = article;
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
    return { article: result };
  };
  return {
    get checked() {
      return checked;
    },
    check,
  };
}

/**
 * Marks articles that repeat an earlier one (same or near-identical text) with `duplicateOf`,
 * pointing at the first article of the group, and returns one `duplicate` warning per repeat.
 * Articles whose mark does not change are returned as the same objects.
 */
export function markDuplicates(articles: Article[], index: DuplicateIndex = createDuplicateIndex()): { articles: Article[]; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const out: Article[] = [];
  for (const article of articles) {
    const r = index.check(article);
    out.push(r.article);
    if (r.issue) issues.push(r.issue);
  }
  return { articles: out, issues };
}
