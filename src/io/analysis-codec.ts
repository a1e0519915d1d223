/**
 * The compact, JSON-safe form of a parsed article and of its analysis, as the analysis cache stores
 * them. Everything that can be recomputed cheaply from the article's text is left out: sentence texts
 * (slices of the text), statements' sentence texts and quoted words when they are slices, topic scores of
 * zero, event sources (the article's own reference), event texts that are slices, evidence naming the
 * article. Decoding rebuilds them as slices of the one text, so a restored article retains little more
 * than its text; its sentences and paragraphs are made into objects only when first read.
 *
 * The statements, events and disputes are each stored as one JSON text inside the record, and decoded
 * only when first read (`analysis-parts.ts`). Topic score rows are shared: a corpus has few distinct ones.
 */
import type { ArticleAnalysis } from '../core/briefing.ts';
import type { DisputeSide } from '../core/disputes/dispute.ts';
import type { Article, Evidence, InputIssue, Sentence, SourceRef, TimelineEvent } from '../core/model.ts';
import { sourceRef } from '../core/source-ref.ts';
import { check } from './corrupt-record.ts';
import { lazyParts, storedPart } from './analysis-parts.ts';
import { isPacked, lazyArticle, pack, packedFits, packedList, sentenceCount, sentenceText } from '../core/corpus/packed-lists.ts';

export { CorruptRecordError } from './corrupt-record.ts';

/** A parsed article without its sentences' texts (`null` in their place, so the keys keep their order). */
export type StoredArticle = Omit<Article, 'sentences' | 'duplicateOf' | 'addedAt'> & { sentences: (Omit<Sentence, 'text'> & { text: null })[] };

/** The stored form of one file's parse: the article (unless the file was unusable) and the issues found. */
export interface StoredParse {
  article?: StoredArticle;
  issues: InputIssue[];
}

/** The stored form of an analysis; `scores` hold only non-zero topic scores, by topic index. */
export interface StoredAnalysis {
  scores: [number, number][][];
  /** JSON of the stored statements, events and disputes. */
  statements: string;
  events: string;
  disputes: string;
  issues: InputIssue[];
}

/** A parsed article, its sentence texts left out (sentences and paragraphs packed flat when they can be). */
export function encodeArticle(article: Article): StoredArticle {
  const out: Record<string, unknown> = {};
  // Key by key, in their order: lists not read since they were decoded are stored as they came, unread.
  for (const key of Object.keys(article) as (keyof Article)[]) {
    if (key === 'duplicateOf' || key === 'addedAt') continue;
    if (key !== 'sentences' && key !== 'paragraphs') {
      out[key] = article[key];
      continue;
    }
    const kept = packedList(article, key);
    if (kept) out[key] = kept;
    else if (key === 'paragraphs') out[key] = pack(article.paragraphs, false) ?? article.paragraphs;
    else out[key] = pack(article.sentences, true) ?? article.sentences.map((s) => ({ ...s, text: null }));
  }
  return out as unknown as StoredArticle;
}

/**
 * The article back; throws `CorruptRecordError` when it is malformed. Packed sentences and paragraphs are
 * checked now and made into objects when first read (see `packed-lists.ts`).
 */
export function decodeArticle(stored: StoredArticle, addedAt?: string): Article {
  const text = stored.text;
  check(typeof text === 'string' && Array.isArray(stored.sentences) && Array.isArray(stored.paragraphs), 'article lists missing');
  const raw = stored.sentences as unknown[];
  const sentences = isPacked(raw);
  const paragraphs = isPacked(stored.paragraphs as unknown[]);
  if (sentences) check(packedFits(raw, true, text), 'a packed span lies outside the text');
  else for (const s of raw as Sentence[]) s.text = text.slice(s.span.start, s.span.end);
  if (paragraphs) check(packedFits(stored.paragraphs as unknown[], false, text), 'a packed span lies outside the text');
  const article =
    sentences || paragraphs ? lazyArticle(stored as unknown as Record<string, unknown>, { sentences, paragraphs }) : (stored as unknown as Article);
  if (addedAt) article.addedAt = addedAt;
  return article;
}

const sameRef = (a: SourceRef, b: SourceRef): boolean =>
  a.article === b.article && a.title === b.title && a.date === b.date && a.source === b.source && a.url === b.url;

/**
 * An event without what the article gives back, each as null in its place (so decoded objects keep their
 * key order): its sources when they are the article's own reference, its text when it is the text of its
 * first evidence span, an evidence's article when it is this one.
 */
function encodeEvent(e: TimelineEvent, article: Article, own: SourceRef): unknown {
  const out: Record<string, unknown> = { ...e };
  if (e.sources.length === 1 && e.sources[0] && sameRef(e.sources[0], own)) out.sources = null;
  const span = e.evidence[0]?.span;
  if (span && e.text === article.text.slice(span.start, span.end)) out.text = null;
  out.evidence = ownEvidence(e.evidence, article.id);
  return out;
}

/** Evidence without the article's id where it names this one (null in its place). */
const ownEvidence = (evidence: readonly Evidence[], id: string): unknown =>
  evidence.some((x) => x.article === id) ? evidence.map((x) => (x.article === id ? { ...x, article: null } : x)) : evidence;

/** A dispute side without what the article gives back: its text when that of its first evidence span, its articles when this one alone, its evidence's article. */
function encodeSide(side: DisputeSide, article: Article): unknown {
  const out: Record<string, unknown> = { ...side };
  const span = side.evidence[0]?.span;
  if (span && side.text === article.text.slice(span.start, span.end)) out.text = null;
  out.evidence = ownEvidence(side.evidence, article.id);
  if (side.articles.length === 1 && side.articles[0] === article.id) out.articles = null;
  return out;
}

/** An analysis without its article and without what the article's text gives back. */
export function encodeAnalysis(analysis: ArticleAnalysis, topicIds: readonly string[]): StoredAnalysis {
  const { article } = analysis;
  const text = article.text;
  const own = sourceRef(article);
  return {
    scores: analysis.scores.map((row) => {
      const out: [number, number][] = [];
      topicIds.forEach((id, i) => {
        const v = row[id] ?? 0;
        if (v !== 0) out.push([i, v]);
      });
      return out;
    }),
    // A part of a decoded analysis that was never read is stored as it came.
    statements:
      storedPart(analysis, 'statements') ??
      JSON.stringify(
        analysis.statements.map((s) => {
          // What the text gives back is stored as null, in its place, so decoded objects keep their key order.
          const out: Record<string, unknown> = { ...s };
          if (s.sentenceText === sentenceText(article, s.sentence)) out.sentenceText = null;
          if (s.text === text.slice(s.span.start, s.span.end)) out.text = null;
          return out;
        }),
      ),
    events: storedPart(analysis, 'events') ?? JSON.stringify(analysis.events.map((e) => encodeEvent(e, article, own))),
    disputes:
      storedPart(analysis, 'disputes') ??
      JSON.stringify(
        analysis.disputes.map((d) => ({
          ...d,
          dispute: { ...d.dispute, claim: encodeSide(d.dispute.claim, article), counter: encodeSide(d.dispute.counter, article) },
        })),
      ),
    issues: analysis.issues,
  };
}

const zeroRows = new Map<string, Readonly<Record<string, number>>>();

/** One shared, frozen row of zero scores per topic list: most sentences are about no topic. */
function zeroRow(topicIds: readonly string[]): Record<string, number> {
  const key = topicIds.join('\u0000');
  let row = zeroRows.get(key);
  if (!row) {
    if (zeroRows.size > 8) zeroRows.clear();
    row = Object.freeze(Object.fromEntries(topicIds.map((id) => [id, 0])));
    zeroRows.set(key, row);
  }
  return row as Record<string, number>;
}

/** Analyses decoded from a worker's stored form, kept with it until the cache writes it (see `keepStoredForm`). */
const storedForms = new WeakMap<ArticleAnalysis, { stored: StoredAnalysis; topics: string; issues: readonly InputIssue[] }>();

/**
 * Keeps the stored form an analysis was just decoded from (a worker sends analyses so), for the cache to
 * write as it is instead of encoding the analysis again; `takeStoredForm` hands it over once.
 */
export function keepStoredForm(analysis: ArticleAnalysis, stored: StoredAnalysis, topicIds: readonly string[]): void {
  storedForms.set(analysis, { stored, topics: topicIds.join('\u0000'), issues: analysis.issues });
}

/**
 * The stored form kept for an analysis (then no longer kept), when it still is what `encodeAnalysis` would
 * give: encoded for the same topics, and no issue added since (a part that failed to decode).
 */
export function takeStoredForm(analysis: ArticleAnalysis, topicIds: readonly string[]): StoredAnalysis | undefined {
  const kept = storedForms.get(analysis);
  if (!kept) return undefined;
  storedForms.delete(analysis);
  return kept.topics === topicIds.join('\u0000') && kept.issues === analysis.issues ? kept.stored : undefined;
}

/** Shared frozen score rows by topic list and non-zero scores: a corpus has few distinct rows (136 in 170,000 sentences of the bench's). */
const scoreRows = new Map<string, Map<string, Readonly<Record<string, number>>>>();
const SCORE_ROWS_LIMIT = 50_000;

/** The frozen row of these stored non-zero scores, shared by every sentence that has them. */
function scoreRow(topicIds: readonly string[], stored: [number, number][], rows: Map<string, Readonly<Record<string, number>>>): Record<string, number> {
  for (const pair of stored) {
    const [i, v] = Array.isArray(pair) ? pair : [];
    check(typeof i === 'number' && topicIds[i] !== undefined && typeof v === 'number', 'a score names no topic');
  }
  const key = stored.join(';');
  let row = rows.get(key);
  if (!row) {
    const out: Record<string, number> = {};
    for (const id of topicIds) out[id] = 0;
    for (const [i, v] of stored) out[topicIds[i]!] = v;
    if (rows.size >= SCORE_ROWS_LIMIT) rows.clear();
    row = Object.freeze(out);
    rows.set(key, row);
  }
  return row as Record<string, number>;
}

/** The analysis back, for its (decoded) article; throws `CorruptRecordError` when the record is malformed. */
export function decodeAnalysis(stored: StoredAnalysis, article: Article, topicIds: readonly string[]): ArticleAnalysis {
  check(
    Array.isArray(stored.scores) && typeof stored.statements === 'string' && typeof stored.events === 'string' && typeof stored.disputes === 'string',
    'analysis parts missing',
  );
  check(stored.scores.length === 0 || stored.scores.length === sentenceCount(article), 'scores do not match the sentences');
  const zero = zeroRow(topicIds);
  const topicsKey = topicIds.join('\u0000');
  let rows = scoreRows.get(topicsKey);
  if (!rows) {
    if (scoreRows.size > 8) scoreRows.clear();
    rows = new Map();
    scoreRows.set(topicsKey, rows);
  }
  const known = rows;
  const scores = stored.scores.map((row) => {
    check(Array.isArray(row), 'a score row is not a list');
    return row.length === 0 ? zero : scoreRow(topicIds, row, known);
  });
  const analysis = { article, scores } as unknown as ArticleAnalysis;
  // Each part is decoded on first read; its JSON text is dropped then.
  lazyParts(analysis, stored);
  analysis.issues = stored.issues ?? [];
  return analysis;
}
