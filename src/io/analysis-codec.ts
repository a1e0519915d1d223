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

const SENTENCE_KEYS = 'index,paragraph,span,text,kind';
const PARAGRAPH_KEYS = 'index,span,kind';
const SPAN_KEYS = 'start,end';

/**
 * Sentences (or paragraphs) as one flat list — `paragraph, start, end, kind` per sentence, `start, end,
 * kind` per paragraph, the index being the place — when every one has exactly the usual keys; otherwise
 * as they are (a model that gained a field is stored whole).
 */
function pack(items: readonly (Sentence | Article['paragraphs'][number])[], sentences: boolean): unknown[] | undefined {
  const keys = sentences ? SENTENCE_KEYS : PARAGRAPH_KEYS;
  const out: unknown[] = [];
  for (let i = 0; i < items.length; i++) {
    const x = items[i]!;
    if (x.index !== i || Object.keys(x).join(',') !== keys || Object.keys(x.span).join(',') !== SPAN_KEYS) return undefined;
    if (sentences) out.push((x as Sentence).paragraph);
    out.push(x.span.start, x.span.end, x.kind);
  }
  return out;
}

/** The flat list back as objects (keys in their usual order); throws `CorruptRecordError` when it is malformed. */
function unpack(flat: unknown[], sentences: boolean, text: string): unknown[] {
  const width = sentences ? 4 : 3;
  check(flat.length % width === 0, 'a packed list has a wrong length');
  const out: unknown[] = [];
  for (let at = 0, i = 0; at < flat.length; at += width, i++) {
    const [paragraph, start, end, kind] = sentences ? flat.slice(at, at + 4) : [0, ...flat.slice(at, at + 3)];
    check(
      typeof paragraph === 'number' && typeof start === 'number' && typeof end === 'number' && typeof kind === 'string' && start <= end && end <= text.length,
      'a packed span lies outside the text',
    );
    const span = { start: start as number, end: end as number };
    out.push(sentences ? { index: i, paragraph, span, text: text.slice(span.start, span.end), kind } : { index: i, span, kind });
  }
  return out;
}

const packed = (list: unknown[]): boolean => list.length > 0 && typeof list[0] !== 'object';

/** A parsed article, its sentence texts left out (sentences and paragraphs packed flat when they can be). */
export function encodeArticle(article: Article): StoredArticle {
  const { duplicateOf: _d, addedAt: _a, sentences, ...rest } = article;
  const paragraphs = pack(rest.paragraphs, false);
  const flat = pack(sentences, true);
  return {
    ...rest,
    ...(paragraphs ? { paragraphs: paragraphs as unknown as Article['paragraphs'] } : {}),
    sentences: (flat ?? sentences.map((s) => ({ ...s, text: null }))) as StoredArticle['sentences'],
  };
}

/** The article back, its sentence texts sliced from its text; throws `CorruptRecordError` when it is malformed. */
export function decodeArticle(stored: StoredArticle, addedAt?: string): Article {
  const text = stored.text;
  check(typeof text === 'string' && Array.isArray(stored.sentences) && Array.isArray(stored.paragraphs), 'article lists missing');
  const raw = stored.sentences as unknown[];
  if (packed(raw)) (stored as { sentences: unknown }).sentences = unpack(raw, true, text);
  else for (const s of raw as Sentence[]) s.text = text.slice(s.span.start, s.span.end);
  if (packed(stored.paragraphs as unknown[])) (stored as { paragraphs: unknown }).paragraphs = unpack(stored.paragraphs as unknown[], false, text);
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
