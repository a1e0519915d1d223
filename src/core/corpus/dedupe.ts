import type { Article, InputIssue } from '../model.ts';
import { shortTitle } from './headline.ts';
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

/**
 * How much metadata an article carries, to choose which copy of a duplicate is the original: a
 * publication date counts most, then a source (outlet), then a URL, then a title from front matter
 * (a title not taken from a headline line or the first sentence).
 */
export function metadataRichness(article: Article): number {
  let score = 0;
  if (article.published) score += 8;
  if (article.source) score += 4;
  if (article.url) score += 2;
  const first = article.sentences.find((s) => s.kind === 'body') ?? article.sentences[0];
  if (article.title && !article.titleSpan && (!first || article.title !== shortTitle(first.text))) score += 1;
  return score;
}

function contentOf(article: Article): string[] {
  const parts: string[] = [];
  for (const s of article.sentences) if (s.kind !== 'subhead') parts.push(s.text);
  return parts;
}

/** Shingle hashes made for an article object elsewhere (in the worker thread that parsed it), until a check takes them. */
const madeShingles = new WeakMap<Article, Uint32Array>();

/** The shingle hashes of an article's content (its sentences but subheads), which duplicate checks compare. */
export function articleShingles(article: Article): Uint32Array {
  return shingleHashes(contentOf(article));
}

/**
 * Gives this thread the hashes `articleShingles` made of this very article in another thread (the worker
 * that parsed it): its first duplicate check takes them instead of hashing the text again.
 */
export function keepShingles(article: Article, hashes: Uint32Array): void {
  madeShingles.set(article, hashes);
}

/** The article's hashes: those made elsewhere for it (then let go), or made now. */
function shinglesOf(article: Article): Uint32Array {
  const made = madeShingles.get(article);
  if (!made) return articleShingles(article);
  madeShingles.delete(article);
  return made;
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
  check(article: Article): DuplicateCheck;
}

/**
 * The outcome of checking one article. `replaces` is set when the article repeats an original that
 * carries less metadata (see `metadataRichness`): the new article becomes the original, and the
 * article named by `replaces` (and its other copies) must now be marked `duplicateOf` it, which a
 * caller holding earlier results does by re-running `markDuplicates` over the whole corpus.
 */
export interface DuplicateCheck {
  article: Article;
  issue?: InputIssue;
  /** The id of the earlier original that this article displaces. */
  replaces?: string;
}

function duplicateIssue(copy: Article, original: Article, score: number): InputIssue {
  return {
    file: copy.file,
    code: 'duplicate',
    severity: 'warning',
    message: `${copy.file} repeats ${original.file} (${Math.round(score * 100)}% of its text is the same); it is kept as a duplicate of "${original.id}" and counted once`,
  };
}

function unmarked(article: Article): Article {
  if (article.duplicateOf === undefined) return article;
  const result = { ...article };
  delete result.duplicateOf;
  return result;
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
  const check = (article: Article): DuplicateCheck => {
    checked++;
    const hashes = shinglesOf(article);
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
    const addPostings = (index: number) => {
      if (key) exact.set(key, index);
      for (const h of sample) {
        const list = postings.get(h);
        if (list) list.push(index);
        else postings.set(h, [index]);
      }
    };
    if (match) {
      const root = originals[match.index]!.article;
      if (metadataRichness(article) > metadataRichness(root)) {
        // The richer copy becomes the original; the old one is now its duplicate.
        const result = unmarked(article);
        originals[match.index] = { article: result, hashes, sampled: sample.length };
        addPostings(match.index);
        return { article: result, issue: duplicateIssue(root, result, match.score), replaces: root.id };
      }
      const result = article.duplicateOf === root.id ? article : { ...article, duplicateOf: root.id };
      return { article: result, issue: duplicateIssue(article, root, match.score) };
    }
    const result = unmarked(article);
    const index = originals.length;
    originals.push({ article: result, hashes, sampled: sample.length });
    addPostings(index);
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
 * Marks articles that repeat another (same or near-identical text) with `duplicateOf`, pointing at
 * the original of the group: the copy with the richest metadata (`metadataRichness`), the first in
 * corpus order among equals. Returns one `duplicate` warning per repeat, in corpus order. Articles
 * whose mark does not change are returned as the same objects.
 */
export function markDuplicates(articles: Article[], index: DuplicateIndex = createDuplicateIndex()): { articles: Article[]; issues: InputIssue[] } {
  // Richer copies are checked first, so they become the originals; the order among equals is kept.
  const order = articles.map((a, i) => ({ i, rank: metadataRichness(a) })).sort((a, b) => b.rank - a.rank || a.i - b.i);
  const results = new Array<DuplicateCheck>(articles.length);
  for (const { i } of order) results[i] = index.check(articles[i]!);
  const out: Article[] = [];
  const issues: InputIssue[] = [];
  for (const r of results) {
    out.push(r.article);
    if (r.issue) issues.push(r.issue);
  }
  return { articles: out, issues };
}

/**
 * Marks a corpus with the duplicate verdicts an earlier start reached over exactly these articles
 * (`copies`: copy id → original id, and the warnings it gave), without comparing texts again. Its index,
 * needed only when an article is added, is built from the articles on first use.
 */
export function applyDuplicates(
  articles: readonly Article[],
  copies: ReadonlyMap<string, string>,
  issues: InputIssue[],
): { articles: Article[]; issues: InputIssue[]; index: DuplicateIndex } {
  const marked = articles.map((a) => {
    const original = copies.get(a.id);
    if (original === undefined) return unmarked(a);
    return a.duplicateOf === original ? a : { ...a, duplicateOf: original };
  });
  let index: DuplicateIndex | undefined;
  const real = () => {
    if (!index) {
      index = createDuplicateIndex();
      markDuplicates(marked, index);
    }
    return index;
  };
  return {
    articles: marked,
    issues,
    index: {
      get checked() {
        return index ? index.checked : marked.length;
      },
      check: (article) => real().check(article),
    },
  };
}
