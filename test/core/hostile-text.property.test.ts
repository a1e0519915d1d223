import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PartiesConfigSchema, SpeakersConfigSchema } from '../../src/config/briefing-config.schema.ts';
import { buildBriefing, type EngineConfig } from '../../src/core/briefing.ts';
import { SENTENCE_STARTERS } from '../../src/core/corpus/abbreviations.ts';
import { parseArticle } from '../../src/core/corpus/parse-article.ts';
import type { Article, InputIssue } from '../../src/core/model.ts';
import { loadConfig, ROOT } from '../helpers/digest-corpus.ts';

/**
 * No article, however hostile its text, breaks the engine: random and adversarial paragraphs go
 * through parsing and every stage and query of a briefing, with no exception and no failed stage.
 */
const config: EngineConfig = {
  topics: loadConfig().topics,
  speakers: SpeakersConfigSchema.parse(parse(readFileSync(join(ROOT, 'config', 'speakers.yaml'), 'utf8')) ?? {}),
  parties: PartiesConfigSchema.parse(parse(readFileSync(join(ROOT, 'config', 'parties.yaml'), 'utf8')) ?? {}).parties,
};
const topicIds = config.topics.map((t) => t.id);

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
/** Words that open sentences and paragraphs, including those that once crashed the engine (`For`, `Of`). */
const OPENERS = [...SENTENCE_STARTERS]
  .map(cap)
  .concat(['For', 'Of', 'According', 'Said', 'Mr.', 'Dr.', 'Sen.', 'He', 'She', 'It', '“', '"', "''", '«', '(', '—', '-', '*', '1.', '#']);
const WORDS = [
  'said',
  'told',
  'according',
  'to',
  'the',
  'minister',
  'Anna',
  'Berg',
  'Monday',
  'August',
  '26',
  'Kremlin',
  'sanctions',
  'summit',
  'talks',
  'denied',
  'not',
  'president',
  'he',
  'she',
  'they',
  'Mr.',
  'Ms.',
  'J.',
  'U.S.',
  'on',
  'in',
  'of',
  'a',
  'an',
  'ceasefire',
  'rejected',
  'claims',
];
const PUNCT = [
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  '…',
  '"',
  "'",
  '“',
  '”',
  '‘',
  '’',
  '«',
  '»',
  "''",
  '``',
  '(',
  ')',
  '[',
  ']',
  '—',
  '–',
  '-',
  '_',
  '/',
  '*',
  '#',
  '|',
  '{',
  '}',
];
const SCRIPTS = [
  'Переговоры продолжатся',
  '停火谈判继续',
  'المحادثات مستمرة',
  'שיחות',
  'नमस्ते',
  '😀👍🏽',
  'Ünïcödé',
  'ÃƒÂ©',
  'â€œ',
  '\u202eRTL\u202c',
  'e\u0301\u0301\u0301',
];
const CONTROL = ['\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u200b', '\u2028', '\u2029', '\ufeff', '\ufffd', '\r', '\t', '\u000b', '\f'];
const LONE = ['\ud800', '\udfff', 'a\ud83d', '\ude00b'];

const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 1, arbitrary: fc.constantFrom(...SCRIPTS, ...CONTROL, ...LONE) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const sentence = fc
  .tuple(fc.constantFrom(...OPENERS), fc.array(token, { maxLength: 24 }), fc.constantFrom('.', '?', '!', '', '."', '.”', ",'' he said.", '…', '...'))
  .map(([o, ws, end]) => `${o} ${ws.join(' ')}${end}`);
const paragraph = fc.oneof(
  { weight: 8, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 5 }).map((s) => s.join(' ')) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...PUNCT), { minLength: 1, maxLength: 200 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: sentence.map((s) => `“${s} ${s}`) }, // a quotation that never closes
  { weight: 1, arbitrary: fc.constantFrom(...WORDS).map((w) => `${w} `.repeat(Math.ceil(10_000 / (w.length + 1)))) }, // a 10,000-character sentence
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...SCRIPTS, ...CONTROL, ...LONE, ...WORDS), { maxLength: 40 }).map((w) => w.join(' ')) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'WASHINGTON (AP) — ',
      'BERLIN, Aug 26 (Wire) - ',
      'PARIS _ ',
      '---',
      'ABSTRACT.',
      'By ANNA BERG',
      '## Heading',
      '- bullet',
      '| a | b |',
    ),
  },
);
const article = fc
  .tuple(fc.option(sentence, { nil: undefined }), fc.array(paragraph, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\r'))
  .map(([head, paras, sep]) => [head, ...paras].filter((p) => p !== undefined).join(sep));

const CALM = parseArticle('calm.txt', 'Talks resume\n\n“We are ready,” Anna Berg, the minister, said on Monday. The summit on sanctions was set for August 26.')
  .article!;

/** Every query of a briefing over `articles`; returns its issues. */
function everyQuery(articles: Article[]): readonly InputIssue[] {
  const b = buildBriefing(articles, config);
  for (const id of topicIds) {
    b.digest(id);
    b.digest(id, { since: '2025-08-01', max: 3 });
    b.positions(id);
    b.timeline({ topic: id });
    b.statements({ topic: id });
  }
  b.digest('no such topic');
  b.statements();
  b.statements({ speaker: 'Berg' });
  b.timeline();
  b.speakers();
  b.disputes();
  b.sources();
  const more = b.withArticles([{ ...CALM, id: 'calm-2', file: 'calm-2.txt' }]);
  more.statements();
  more.withoutArticles([articles[0]!.id]).digest(topicIds[0]!);
  return b.issues;
}

describe('hostile text through the whole engine', () => {
  it('parses any article text and serves every query without an exception or a failed stage', () => {
    fc.assert(
      fc.property(article, (text) => {
        const parsed = parseArticle('hostile.txt', text);
        for (const i of parsed.issues) expect(i.file).toBe('hostile.txt');
        if (!parsed.article) {
          expect(parsed.issues.length).toBeGreaterThan(0);
          return;
        }
        const failed = everyQuery([parsed.article, CALM]).filter((i) => i.code === 'analysis_failed');
        expect(failed).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });

  it.each([
    ['capitalised names without end', 'The President Of The United Nations Said '],
    ['quotes with attributions', '"We are ready," Anna Berg said. '],
    ['dateline paragraphs', 'WESTBURY, Aug 26 (Example Wire): Talks resumed.\n\n'],
    ['quotes that never close', '“a '],
  ])('bounds the work on a 1 MB article of %s: it is read up to the limits and every stage serves it', (_, unit) => {
    const parsed = parseArticle('huge.txt', unit.repeat(Math.ceil((1024 * 1024) / unit.length)));
    expect(parsed.issues.some((i) => i.code === 'too_large' && i.file === 'huge.txt')).toBe(true);
    expect(parsed.article!.sentences.length).toBeLessThanOrEqual(1_000);
    expect(parsed.article!.text.length).toBeLessThanOrEqual(100_000);
    expect(everyQuery([parsed.article!, CALM]).filter((i) => i.code === 'analysis_failed')).toEqual([]);
  });

  it('serves an article made only of every sentence opener', () => {
    const text = OPENERS.map((o) => `${o} the minister said on Monday.`).join('\n\n');
    const parsed = parseArticle('openers.txt', text);
    expect(everyQuery([parsed.article!, CALM]).filter((i) => i.code === 'analysis_failed')).toEqual([]);
  });
});
