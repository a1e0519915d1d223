import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bylineParagraph, dropBoilerplate, extractArticle, isFurniture } from '../../src/feeds/article-extractor.ts';
import { decodeBody } from '../../src/feeds/charset.ts';
import { FIXTURES } from './helpers/feed-server.ts';

interface Gold {
  title: string;
  byline?: string;
  published?: string;
  siteName?: string;
  canonical?: string;
  paragraphs: string[];
}

const PAGES = path.join(FIXTURES, 'pages');
const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Paragraph precision and recall of an extraction against the gold paragraphs (exact match after white-space folding). */
function score(got: string[], gold: string[]): { tp: number; precision: number; recall: number } {
  const want = new Set(gold.map(norm));
  const tp = got.map(norm).filter((p) => want.has(p)).length;
  return { tp, precision: got.length ? tp / got.length : 0, recall: gold.length ? tp / gold.length : 0 };
}

describe('article extraction on the page fixtures', () => {
  const names = readdirSync(PAGES)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => f.replace('.expected.json', ''));

  it.each(names)('%s: keeps every body paragraph, no boilerplate, and the metadata', (name) => {
    const gold = JSON.parse(readFileSync(path.join(PAGES, `${name}.expected.json`), 'utf8')) as Gold;
    const bytes = readFileSync(path.join(PAGES, `${name}.html`));
    const html = decodeBody(bytes, 'text/html', name).text;
    const r = extractArticle(html, `https://fixtures.example/${name}.html`);
    if (!r.ok) throw new Error(r.message);
    const s = score(r.article.paragraphs, gold.paragraphs);
    expect(r.article.paragraphs.filter((p) => !gold.paragraphs.map(norm).includes(norm(p)))).toEqual([]);
    expect(s.recall).toBe(1);
    expect(r.article.title).toBe(gold.title);
    if (gold.byline) expect(r.article.byline).toBe(gold.byline);
    if (gold.published) expect(r.article.published?.slice(0, 10)).toBe(gold.published);
    if (gold.siteName) expect(r.article.siteName).toBe(gold.siteName);
    if (gold.canonical) expect(r.article.canonical).toBe(gold.canonical);
  });

  it('reports paragraph precision and recall over all fixtures', () => {
    let got = 0;
    let want = 0;
    let tp = 0;
    for (const name of names) {
      const gold = JSON.parse(readFileSync(path.join(PAGES, `${name}.expected.json`), 'utf8')) as Gold;
      const html = decodeBody(readFileSync(path.join(PAGES, `${name}.html`)), 'text/html', name).text;
      const r = extractArticle(html, `https://fixtures.example/${name}.html`);
      const paragraphs = r.ok ? r.article.paragraphs : [];
      tp += score(paragraphs, gold.paragraphs).tp;
      got += paragraphs.length;
      want += gold.paragraphs.length;
    }
    const precision = tp / got;
    const recall = tp / want;
    console.log(`extraction: ${names.length} pages, ${want} gold paragraphs, ${got} extracted, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('refuses a section index as not an article, naming the URL', () => {
    const html = readFileSync(path.join(PAGES, 'section-index.html'), 'utf8');
    const r = extractArticle(html, 'https://fixtures.example/business');
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^https:\/\/fixtures\.example\/business does not look like an article/) });
  });

  it('drops link lists, furniture lines and orphan headings, keeps dialogue and ordinary text', () => {
    const blocks = [
      { text: 'Most read', tag: 'H2', linkShare: 0 },
      { text: 'Snow closes pass road for third day', tag: 'LI', linkShare: 1 },
      { text: '– Wir bleiben, sagte sie.', tag: 'P', linkShare: 0 },
      { text: 'Advertisement', tag: 'P', linkShare: 0 },
      { text: 'Follow us on Instagram for more.', tag: 'P', linkShare: 0 },
      { text: 'The vote passed. See the full results for each ward.', tag: 'P', linkShare: 0.4 },
      { text: 'What next', tag: 'H2', linkShare: 0 },
      { text: 'In detail', tag: 'H3', linkShare: 0 },
      { text: 'The count starts at nine.', tag: 'P', linkShare: 0 },
      { text: 'Related', tag: 'H2', linkShare: 0 },
    ];
    expect(dropBoilerplate(blocks).map((b) => b.text)).toEqual([
      '– Wir bleiben, sagte sie.',
      'The vote passed. See the full results for each ward.',
      'What next',
      'In detail',
      'The count starts at nine.',
    ]);
    expect(isFurniture('Advertisement · Scroll to continue')).toBe(true);
    expect(isFurniture('Advertisers left the market in 2019, the survey found, and few have returned since.')).toBe(false);
    expect(bylineParagraph('By Jane Roe and Sam Poe')).toBe('Jane Roe and Sam Poe');
    expect(bylineParagraph('By the river, the council met.')).toBeUndefined();
  });
});
