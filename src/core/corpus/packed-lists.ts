/**
 * An article's sentences and paragraphs kept packed (the analysis cache's stored form: one flat list of
 * numbers and kinds, held as a string of code units) and made into objects only when first read. A warm
 * start reads few of them: the statements it decodes take their sentence texts from the packed form, and
 * the corpus-wide state it restores names a few sentences (`sentenceAt`). A sentence costs about 8 bytes
 * packed and about 140 as an object (the object, its span and its text).
 *
 * The two lists are own, enumerable accessor properties of the article (a spread or a JSON text of it
 * reads them as usual), with the same getter and setter on every article, so articles keep one shape.
 */
import { defer, deferredAccessor, type Deferred } from '../deferred-field.ts';
import type { Article, Paragraph, Sentence } from '../model.ts';

const SENTENCE_KEYS = 'index,paragraph,span,text,kind';
const PARAGRAPH_KEYS = 'index,span,kind';
const SPAN_KEYS = 'start,end';

/**
 * Sentences (or paragraphs) as one flat list — `paragraph, start, end, kind` per sentence, `start, end,
 * kind` per paragraph, the index being the place — when every one has exactly the usual keys; otherwise
 * undefined (a model that gained a field is stored whole).
 */
export function pack(items: readonly (Sentence | Paragraph)[], sentences: boolean): unknown[] | undefined {
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

/** True for a packed list (numbers first), false for a list of objects. */
export const isPacked = (list: unknown[]): boolean => list.length > 0 && typeof list[0] !== 'object';

/** True when a packed list has whole entries, each of the right types, its span inside the text. */
export function packedFits(flat: readonly unknown[], sentences: boolean, text: string): boolean {
  const width = sentences ? 4 : 3;
  if (flat.length % width !== 0) return false;
  for (let at = 0; at < flat.length; at += width) {
    const o = sentences ? at + 1 : at;
    const start = flat[o];
    const end = flat[o + 1];
    if (
      (sentences && typeof flat[at] !== 'number') ||
      typeof start !== 'number' ||
      typeof end !== 'number' ||
      typeof flat[o + 2] !== 'string' ||
      start > end ||
      end > text.length
    )
      return false;
  }
  return true;
}

const KINDS: readonly Sentence['kind'][] = ['body', 'subhead', 'takeaway', 'bullet'];

/**
 * A packed list as kept: as a string of UTF-16 code units, one per number and kind (its index in
 * `KINDS`), when every value fits one (a quarter of the memory of the list: 8 bytes a sentence), else the
 * list itself.
 */
type Flat = readonly unknown[] | string;

function compact(flat: readonly unknown[]): Flat {
  const codes: number[] = [];
  for (const v of flat) {
    const c = typeof v === 'number' ? v : KINDS.indexOf(v as Sentence['kind']);
    if (!Number.isInteger(c) || c < 0 || c > 0xffff) return flat;
    codes.push(c);
  }
  let out = '';
  for (let k = 0; k < codes.length; k += 4096) out += String.fromCharCode(...codes.slice(k, k + 4096));
  return out;
}

/** Entry `k` of a kept list, a number. */
const num = (flat: Flat, k: number): number => (typeof flat === 'string' ? flat.charCodeAt(k) : (flat[k] as number));
/** Entry `k` of a kept list, a kind. */
const kindAt = (flat: Flat, k: number): Sentence['kind'] => (typeof flat === 'string' ? KINDS[flat.charCodeAt(k)]! : (flat[k] as Sentence['kind']));

/** A kept list as the stored flat list. */
function expand(flat: Flat, width: number): readonly unknown[] {
  if (typeof flat !== 'string') return flat;
  const out: unknown[] = [];
  for (let k = 0; k < flat.length; k++) out.push(k % width === width - 1 ? kindAt(flat, k) : num(flat, k));
  return out;
}

/** A kept list back as objects (keys in their usual order). */
function unpack(flat: Flat, sentences: boolean, text: string): (Sentence | Paragraph)[] {
  const out: (Sentence | Paragraph)[] = [];
  if (sentences) {
    for (let at = 0, i = 0; at < flat.length; at += 4, i++) {
      const span = { start: num(flat, at + 1), end: num(flat, at + 2) };
      out.push({ index: i, paragraph: num(flat, at), span, text: text.slice(span.start, span.end), kind: kindAt(flat, at + 3) });
    }
  } else {
    for (let at = 0, i = 0; at < flat.length; at += 3, i++)
      out.push({ index: i, span: { start: num(flat, at), end: num(flat, at + 1) }, kind: kindAt(flat, at + 2) });
  }
  return out;
}

/** A list not yet read (`value` undefined) or read (`raw`, the packed form, dropped). */
const lists = { sentences: new WeakMap<object, Deferred<Flat>>(), paragraphs: new WeakMap<object, Deferred<Flat>>() };

const accessor = (key: 'sentences' | 'paragraphs'): PropertyDescriptor =>
  deferredAccessor<Article, Flat>(key, lists[key], (article, packed) => unpack(packed ?? [], key === 'sentences', article.text));

const accessors = { sentences: accessor('sentences'), paragraphs: accessor('paragraphs') };

/**
 * The article of a stored one whose packed lists `packedFits`: the same keys in the same order, the
 * packed `sentences` and `paragraphs` read lazily.
 */
export function lazyArticle(stored: Record<string, unknown>, packed: { sentences?: boolean; paragraphs?: boolean }): Article {
  const article: Record<string, unknown> = {};
  for (const key of Object.keys(stored)) {
    if ((key === 'sentences' || key === 'paragraphs') && packed[key]) {
      defer(article, key, lists[key], accessors[key], compact(stored[key] as unknown[]));
    } else article[key] = stored[key];
  }
  return article as unknown as Article;
}

/** The packed list of an article's sentences or paragraphs while they were not read as objects. */
export function packedList(article: Article, key: 'sentences' | 'paragraphs'): readonly unknown[] | undefined {
  const flat = lists[key].get(article)?.raw;
  return flat === undefined ? undefined : expand(flat, key === 'sentences' ? 4 : 3);
}

/** How many sentences an article has, without reading them as objects. */
export function sentenceCount(article: Article): number {
  const flat = lists.sentences.get(article)?.raw;
  return flat ? flat.length / 4 : article.sentences.length;
}

/** The text of an article's sentence `i` (undefined when there is none), without reading its sentences as objects. */
export function sentenceText(article: Article, i: number): string | undefined {
  const flat = lists.sentences.get(article)?.raw;
  if (!flat) return article.sentences[i]?.text;
  if (!Number.isInteger(i) || i < 0 || 4 * i >= flat.length) return undefined;
  return article.text.slice(num(flat, 4 * i + 1), num(flat, 4 * i + 2));
}

/**
 * Sentence `i` of an article: its own object when its sentences were read, else one made for the caller
 * alone (equal to it), so a caller that needs a few sentences does not make all of them.
 */
export function sentenceAt(article: Article, i: number): Sentence | undefined {
  const flat = lists.sentences.get(article)?.raw;
  if (!flat) return article.sentences[i];
  if (!Number.isInteger(i) || i < 0 || 4 * i >= flat.length) return undefined;
  const span = { start: num(flat, 4 * i + 1), end: num(flat, 4 * i + 2) };
  return { index: i, paragraph: num(flat, 4 * i), span, text: article.text.slice(span.start, span.end), kind: kindAt(flat, 4 * i + 3) };
}
