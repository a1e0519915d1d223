/**
 * The compact, JSON-safe form of a parsed article and of its analysis, as the analysis cache stores
 * them. Everything that can be recomputed cheaply from the article's text is left out: sentence texts
 * (slices of the text), statements' sentence texts and quoted words when they are slices, topic scores of
 * zero, event sources (the article's own reference). Decoding rebuilds them as slices of the one text, so
 * a restored article retains little more than its text.
 *
 * The statements, events and disputes are each stored as one JSON text inside the record, and decoded
 * only when first read: a start answers its first digest without building every article's statements
 * (who-said-what builds them), and events and disputes an earlier start's saved state already merged
 * stay as compact text.
 */
import type { ArticleAnalysis } from '../core/briefing.ts';
import type { Article, InputIssue, Sentence, SourceRef, TimelineEvent } from '../core/model.ts';
import { sourceRef } from '../core/source-ref.ts';

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

/** A parsed article, its sentence texts left out. */
export function encodeArticle(article: Article): StoredArticle {
  const { duplicateOf: _d, addedAt: _a, sentences, ...rest } = article;
  return { ...rest, sentences: sentences.map((s) => ({ ...s, text: null })) };
}

/** The article back, its sentence texts sliced from its text. */
export function decodeArticle(stored: StoredArticle, addedAt?: string): Article {
  const text = stored.text;
  const sentences = stored.sentences as unknown as Sentence[];
  for (const s of sentences) s.text = text.slice(s.span.start, s.span.end);
  const article = stored as unknown as Article;
  if (addedAt) article.addedAt = addedAt;
  return article;
}

const sameRef = (a: SourceRef, b: SourceRef): boolean =>
  a.article === b.article && a.title === b.title && a.date === b.date && a.source === b.source && a.url === b.url;

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
    statements: JSON.stringify(
      analysis.statements.map((s) => {
        // What the text gives back is stored as null, in its place, so decoded objects keep their key order.
        const out: Record<string, unknown> = { ...s };
        if (s.sentenceText === article.sentences[s.sentence]?.text) out.sentenceText = null;
        if (s.text === text.slice(s.span.start, s.span.end)) out.text = null;
        return out;
      }),
    ),
    events: JSON.stringify(analysis.events.map((e) => (e.sources.length === 1 && e.sources[0] && sameRef(e.sources[0], own) ? { ...e, sources: null } : e))),
    disputes: JSON.stringify(analysis.disputes),
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

/** Thrown when a stored record does not have the shape it must have; the record is then not trusted. */
export class CorruptRecordError extends Error {
  override name = 'CorruptRecordError';
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new CorruptRecordError(what);
}

/** The analysis back, for its (decoded) article; throws `CorruptRecordError` when the record is malformed. */
export function decodeAnalysis(stored: StoredAnalysis, article: Article, topicIds: readonly string[]): ArticleAnalysis {
  check(
    Array.isArray(stored.scores) && typeof stored.statements === 'string' && typeof stored.events === 'string' && typeof stored.disputes === 'string',
    'analysis parts missing',
  );
  check(stored.scores.length === 0 || stored.scores.length === article.sentences.length, 'scores do not match the sentences');
  const text = article.text;
  const zero = zeroRow(topicIds);
  const scores = stored.scores.map((row) => {
    if (row.length === 0) return zero;
    const out: Record<string, number> = {};
    for (const id of topicIds) out[id] = 0;
    for (const [i, v] of row) {
      const id = topicIds[i];
      check(id !== undefined && typeof v === 'number', 'a score names no topic');
      out[id as string] = v;
    }
    return out;
  });
  const analysis = { article, scores, issues: stored.issues ?? [] } as unknown as ArticleAnalysis;
  // Each part's decoder holds its own text only, so a part decoded lets its text go.
  lazy(analysis, 'statements', stored.statements, (raw) => {
    const s = raw as Omit<ArticleAnalysis['statements'][number], 'text' | 'sentenceText'> & { sentenceText: string | null; text: string | null };
    check(typeof s.sentence === 'number' && typeof s.span?.start === 'number' && s.span.end <= text.length, 'a statement lies outside the text');
    if (s.text === null) s.text = text.slice(s.span.start, s.span.end);
    if (s.sentenceText === null) s.sentenceText = article.sentences[s.sentence]?.text ?? '';
    return s as ArticleAnalysis['statements'][number];
  });
  let own: SourceRef | undefined;
  lazy(analysis, 'events', stored.events, (raw) => {
    const e = raw as Omit<TimelineEvent, 'sources'> & { sources: SourceRef[] | null };
    check(typeof e.date === 'string' && Array.isArray(e.evidence), 'an event is malformed');
    if (e.sources === null) {
      own ??= sourceRef(article);
      e.sources = [own];
    }
    return e as TimelineEvent;
  });
  lazy(analysis, 'disputes', stored.disputes, (raw) => raw as ArticleAnalysis['disputes'][number]);
  return analysis;
}

function list(json: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new CorruptRecordError('a part is not JSON');
  }
  check(Array.isArray(parsed), 'a part is not a list');
  return parsed as unknown[];
}

/**
 * A property decoded on first read, then kept as plain data. The record passed its checksum when read, so
 * a part that does not decode is a bug rather than damage: it is reported by an empty list and an issue.
 */
function lazy<K extends 'statements' | 'events' | 'disputes'>(
  analysis: ArticleAnalysis,
  key: K,
  json: string,
  item: (raw: unknown) => ArticleAnalysis[K][number],
): void {
  const keep = (value: ArticleAnalysis[K]) => Object.defineProperty(analysis, key, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(analysis, key, {
    configurable: true,
    enumerable: true,
    get() {
      let value: ArticleAnalysis[K];
      try {
        value = list(json).map(item) as ArticleAnalysis[K];
      } catch (err) {
        if (!(err instanceof CorruptRecordError)) throw err;
        value = [] as unknown as ArticleAnalysis[K];
        analysis.issues = [
          ...analysis.issues,
          {
            file: analysis.article.file,
            code: 'analysis_failed',
            severity: 'warning',
            stage: 'cache',
            message: `the cached ${key} could not be read (${err.message}); they are left out`,
          } as InputIssue,
        ];
      }
      keep(value);
      return value;
    },
    set: keep,
  });
}
