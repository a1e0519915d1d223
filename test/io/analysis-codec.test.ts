import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/model.ts';
import { analyseArticle } from '../../src/core/briefing.ts';
import {
  CorruptRecordError,
  decodeAnalysis,
  decodeArticle,
  encodeAnalysis,
  encodeArticle,
  keepStoredForm,
  takeStoredForm,
} from '../../src/io/analysis-codec.ts';
import { packedList, sentenceAt, sentenceCount, sentenceText } from '../../src/core/corpus/packed-lists.ts';
import { loadArticles, loadConfig, SEED_DIR } from '../helpers/digest-corpus.ts';

const seed = loadArticles(SEED_DIR);
/** Through JSON, as the cache file holds it. */
const roundTrip = (a: Article) => decodeArticle(JSON.parse(JSON.stringify(encodeArticle(a))));
/** The article without what is not stored, its sentences and paragraphs as JSON (their key order matters). */
const plain = (a: Article) => {
  const { duplicateOf: _d, addedAt: _a, sentences, paragraphs, ...rest } = a;
  return { rest, sentences: JSON.stringify(sentences), paragraphs: JSON.stringify(paragraphs) };
};

describe('the stored form of an article', () => {
  it('gives back the same article (sentence and paragraph keys in their order), sentences and paragraphs packed flat', () => {
    for (const a of seed) {
      expect(plain(roundTrip(a))).toEqual(plain(a));
      const stored = JSON.parse(JSON.stringify(encodeArticle(a)));
      if (a.sentences.length > 0) expect(typeof stored.sentences[0]).toBe('number');
    }
  });

  it('keeps sentences whole when they carry a field it does not know, and refuses a packed span outside the text', () => {
    const a = seed[0]!;
    const odd = { ...a, sentences: a.sentences.map((s) => ({ ...s, extra: 1 })) } as Article;
    expect(plain(roundTrip(odd))).toEqual(plain(odd));
    const stored = JSON.parse(JSON.stringify(encodeArticle(a)));
    stored.sentences[2] = a.text.length + 5;
    expect(() => decodeArticle(stored)).toThrow(CorruptRecordError);
  });
});

describe('the stored form a worker sent', () => {
  const engine = { topics: [{ id: 'ports', title: 'Ports', description: 'Harbours', terms: [{ term: 'harbour', weight: 2 }] }] };
  const a = seed[0]!;
  const stored = encodeAnalysis(analyseArticle(a, engine), ['ports']);

  it('is handed over once, for the topics it was encoded with', () => {
    const analysis = decodeAnalysis(stored, a, ['ports']);
    keepStoredForm(analysis, stored, ['ports']);
    expect(takeStoredForm(analysis, ['ports'])).toBe(stored);
    expect(takeStoredForm(analysis, ['ports'])).toBeUndefined();
    const other = decodeAnalysis(stored, a, ['ports']);
    keepStoredForm(other, stored, ['ports']);
    expect(takeStoredForm(other, ['ports', 'summits'])).toBeUndefined();
  });

  it('is not handed over once the analysis gained an issue (it is encoded again)', () => {
    const analysis = decodeAnalysis(stored, a, ['ports']);
    keepStoredForm(analysis, stored, ['ports']);
    analysis.issues = [...analysis.issues, { file: a.file, code: 'analysis_failed', severity: 'warning', stage: 'cache', message: 'x' }];
    expect(takeStoredForm(analysis, ['ports'])).toBeUndefined();
  });
});

describe('an analysis restored from its stored form', () => {
  const topics = loadConfig().topics;
  const ids = topics.map((t) => t.id);
  const engine = { topics };
  /** Through JSON both, as the cache file holds them. */
  const restore = (a: Article) => {
    const fresh = analyseArticle(a, engine);
    const stored = JSON.parse(JSON.stringify(encodeAnalysis(fresh, ids)));
    return { fresh, restored: decodeAnalysis(stored, roundTrip(a), ids) };
  };

  it('gives back the same scores, statements, events and disputes (texts that are slices of the article filled back in)', () => {
    let events = 0;
    let disputes = 0;
    let statements = 0;
    for (const a of seed) {
      const { fresh, restored } = restore(a);
      expect(restored.scores).toEqual(fresh.scores);
      expect(restored.statements).toEqual(fresh.statements);
      expect(restored.events).toEqual(fresh.events);
      expect(restored.disputes).toEqual(fresh.disputes);
      expect(restored.issues).toEqual(fresh.issues);
      events += fresh.events.length;
      disputes += fresh.disputes.length;
      statements += fresh.statements.length;
    }
    // The seed corpus exercises every part.
    expect(Math.min(events, disputes, statements)).toBeGreaterThan(0);
  });

  it('shares one frozen score row among the sentences that score the same', () => {
    const rows = seed.flatMap((a) => restore(a).restored.scores);
    const byValue = new Map<string, Record<string, number>>();
    let shared = 0;
    for (const row of rows) {
      expect(Object.isFrozen(row)).toBe(true);
      const key = JSON.stringify(row);
      const first = byValue.get(key);
      if (first) {
        expect(row).toBe(first);
        shared++;
      } else byValue.set(key, row);
    }
    expect(shared).toBeGreaterThan(0);
  });

  it('refuses an event whose left-out text lies outside the article, leaving only the events out', () => {
    const a = seed.find((x) => analyseArticle(x, engine).events.length > 0)!;
    const stored = JSON.parse(JSON.stringify(encodeAnalysis(analyseArticle(a, engine), ids)));
    const events = JSON.parse(stored.events);
    events[0].text = null;
    events[0].evidence[0].span = { start: 0, end: a.text.length + 10 };
    stored.events = JSON.stringify(events);
    const restored = decodeAnalysis(stored, roundTrip(a), ids);
    expect(restored.events).toEqual([]);
    expect(restored.issues.some((i) => i.stage === 'cache')).toBe(true);
    expect(restored.statements).toEqual(analyseArticle(a, engine).statements);
  });
});

describe('a decoded article', () => {
  const a = seed.find((x) => x.sentences.length > 3)!;
  const stored = () => JSON.parse(JSON.stringify(encodeArticle(a)));

  it('is stored again as it came without making its sentences, and gives them when read, equal to the parsed ones', () => {
    const decoded = decodeArticle(stored());
    expect(packedList(decoded, 'sentences')).toEqual(stored().sentences);
    expect(JSON.parse(JSON.stringify(encodeArticle(decoded)))).toEqual(stored());
    expect(sentenceCount(decoded)).toBe(a.sentences.length);
    for (const s of a.sentences) {
      expect(sentenceText(decoded, s.index)).toBe(s.text);
      expect(sentenceAt(decoded, s.index)).toEqual(s);
    }
    expect(sentenceAt(decoded, a.sentences.length)).toBeUndefined();
    expect(packedList(decoded, 'sentences')).toBeDefined();
    expect(decoded.sentences).toEqual(a.sentences);
    expect(decoded.paragraphs).toEqual(a.paragraphs);
    // Once read, the objects are the article's own, and what is stored is made from them.
    expect(packedList(decoded, 'sentences')).toBeUndefined();
    expect(sentenceAt(decoded, 1)).toBe(decoded.sentences[1]);
    expect(JSON.parse(JSON.stringify(encodeArticle(decoded)))).toEqual(stored());
  });

  it('keeps its sentences as a spread copy of it reads them, and takes new ones when set', () => {
    const decoded = decodeArticle(stored());
    expect({ ...decoded }.sentences).toEqual(a.sentences);
    const again = decodeArticle(stored());
    again.sentences = a.sentences.slice(0, 1);
    expect(again.sentences).toHaveLength(1);
    expect(sentenceCount(again)).toBe(1);
  });
});
