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
import { loadArticles, SEED_DIR } from '../helpers/digest-corpus.ts';

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
