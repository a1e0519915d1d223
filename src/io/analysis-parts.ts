/**
 * The statements, events and disputes of an analysis restored from the cache, each kept as its stored
 * JSON text and decoded on first read (then the text is dropped): a start answers its first digest without
 * building every article's statements, and events and disputes that an earlier start's saved state already
 * merged stay compact. Decoding gives back what the stored form left out (texts that are slices of the
 * article, the article's own id and reference) and keeps one copy of the strings statements repeat.
 */
import type { ArticleAnalysis } from '../core/briefing.ts';
import { sentenceText } from '../core/corpus/packed-lists.ts';
import type { Article, Evidence, InputIssue, SourceRef, TimelineEvent } from '../core/model.ts';
import { sourceRef } from '../core/source-ref.ts';
import { defer, deferredAccessor, type Deferred } from '../core/deferred-field.ts';
import { check, CorruptRecordError } from './corrupt-record.ts';

/** One copy of each short string the statements of a corpus repeat (names, roles, cues, article ids). */
const interned = new Map<string, string>();
const INTERNED_LIMIT = 100_000;

function intern<T>(s: T): T {
  if (typeof s !== 'string' || s.length > 200) return s;
  const known = interned.get(s);
  if (known !== undefined) return known as T;
  if (interned.size >= INTERNED_LIMIT) interned.clear();
  interned.set(s, s);
  return s;
}

const PARTS = ['statements', 'events', 'disputes'] as const;
type Part = (typeof PARTS)[number];

/** A part not yet read (`value` undefined) or read (`raw`, its JSON, dropped). */
const parts: Record<Part, WeakMap<object, Deferred<string>>> = { statements: new WeakMap(), events: new WeakMap(), disputes: new WeakMap() };

/** The stored JSON of a part of a decoded analysis while it was not read. */
export function storedPart(analysis: ArticleAnalysis, key: Part): string | undefined {
  return parts[key].get(analysis)?.raw;
}

const MENTION_KEYS = new Set(['name', 'kind', 'role', 'gender']);

/** A key naming a mention by its fields, when it has only the usual ones (strings). */
function mentionKey(m: Record<string, unknown>): string | undefined {
  for (const k in m) if (!MENTION_KEYS.has(k) || (m[k] !== undefined && typeof m[k] !== 'string')) return undefined;
  return `${m.name}\u0000${m.kind}\u0000${m.role ?? '\u0001'}\u0000${m.gender ?? '\u0001'}`;
}

function decodeStatements(list: unknown[], article: Article): ArticleAnalysis['statements'] {
  const text = article.text;
  const sentenceTexts = new Map<number, string>();
  const mentions = new Map<string, unknown>();
  return list.map((raw) => {
    const s = raw as Omit<ArticleAnalysis['statements'][number], 'text' | 'sentenceText'> & { sentenceText: string | null; text: string | null };
    check(
      typeof s === 'object' && s !== null && typeof s.sentence === 'number' && typeof s.span?.start === 'number' && s.span.end <= text.length,
      'a statement lies outside the text',
    );
    if (s.sentenceText === null) {
      let t = sentenceTexts.get(s.sentence);
      if (t === undefined) {
        t = sentenceText(article, s.sentence) ?? '';
        sentenceTexts.set(s.sentence, t);
      }
      s.sentenceText = t;
    }
    if (s.text === null) {
      const t = text.slice(s.span.start, s.span.end);
      // A statement that is its whole sentence shares the sentence's string.
      s.text = t === s.sentenceText ? s.sentenceText : t;
    }
    const id = article.id;
    s.article = s.article === id ? id : intern(s.article);
    s.cue = intern(s.cue);
    const m = s.mention as Record<string, unknown> | null | undefined;
    if (m && typeof m === 'object') {
      // One object for the same mention within the article (statements only read it).
      const key = mentionKey(m);
      const same = key === undefined ? undefined : mentions.get(key);
      if (same) s.mention = same as typeof s.mention;
      else {
        for (const k in m) m[k] = intern(m[k]);
        if (key !== undefined) mentions.set(key, m);
      }
    }
    if (s.role !== undefined) s.role = s.role === s.mention?.role ? s.mention.role : intern(s.role);
    return s as ArticleAnalysis['statements'][number];
  });
}

function decodeEvents(list: unknown[], article: Article): ArticleAnalysis['events'] {
  let own: SourceRef | undefined;
  return list.map((raw) => {
    const e = raw as Omit<TimelineEvent, 'sources' | 'text'> & { sources: SourceRef[] | null; text: string | null };
    check(typeof e === 'object' && e !== null && typeof e.date === 'string' && Array.isArray(e.evidence), 'an event is malformed');
    if (e.sources === null) {
      own ??= sourceRef(article);
      e.sources = [own];
    }
    restoreEvidence(e.evidence, article);
    if (e.text === null) e.text = spanText(e.evidence, article);
    return e as TimelineEvent;
  });
}

/** Evidence with this article's id back where it was left out. */
function restoreEvidence(evidence: unknown, article: Article): void {
  check(Array.isArray(evidence), 'evidence is not a list');
  for (const x of evidence as { article: string | null }[]) {
    check(typeof x === 'object' && x !== null, 'evidence is malformed');
    if (x.article === null) x.article = article.id;
  }
}

/** The text of the first evidence span, which a stored event or dispute side left out. */
function spanText(evidence: readonly Evidence[], article: Article): string {
  const span = evidence[0]?.span;
  check(
    typeof span?.start === 'number' && typeof span.end === 'number' && span.start <= span.end && span.end <= article.text.length,
    'a text lies outside the article',
  );
  return article.text.slice(span!.start, span!.end);
}

function decodeDisputes(list: unknown[], article: Article): ArticleAnalysis['disputes'] {
  for (const raw of list) {
    const d = (raw as { dispute?: Record<string, unknown> } | null)?.dispute;
    check(typeof d === 'object' && d !== null, 'a dispute is malformed');
    for (const key of ['claim', 'counter']) {
      const side = d![key] as { text: string | null; evidence: Evidence[]; articles: string[] | null } | null;
      check(typeof side === 'object' && side !== null, 'a dispute side is malformed');
      restoreEvidence(side!.evidence, article);
      if (side!.text === null) side!.text = spanText(side!.evidence, article);
      if (side!.articles === null) side!.articles = [article.id];
    }
  }
  return list as ArticleAnalysis['disputes'];
}

function decodePart(analysis: ArticleAnalysis, key: Part, json: string): unknown[] {
  const list = parsedList(json);
  if (key === 'statements') return decodeStatements(list, analysis.article);
  if (key === 'events') return decodeEvents(list, analysis.article);
  return decodeDisputes(list, analysis.article);
}

function parsedList(json: string): unknown[] {
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
 * The accessor of a part decoded on first read (`deferredAccessor`). The record passed its checksum when read,
 * so a part that does not decode is a bug rather than damage: it is reported by an empty list and an issue.
 */
function partAccessor(key: Part): PropertyDescriptor {
  return deferredAccessor<ArticleAnalysis, string>(key, parts[key], (analysis, json) => {
    try {
      return decodePart(analysis, key, json ?? '[]');
    } catch (err) {
      if (!(err instanceof CorruptRecordError)) throw err;
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
      return [];
    }
  });
}

const partAccessors = { statements: partAccessor('statements'), events: partAccessor('events'), disputes: partAccessor('disputes') };

/** Makes the three parts of a decoded analysis properties decoded on first read from their stored JSON. */
export function lazyParts(analysis: ArticleAnalysis, stored: Record<Part, string>): void {
  for (const key of PARTS) defer(analysis, key, parts[key], partAccessors[key], stored[key]);
}
