/**
 * Counts, over real article folders, what the loader gets right and what it leaves behind:
 * headlines found, datelines found, archive markers, bylines and mojibake left in body text,
 * sentences that end on an honorific or an initial, and quotations cut in two.
 *
 *   npx tsx scripts/loader-report.ts [DIR …]   (default: the real folders of ../shared when present)
 *
 * Prints one line per folder and, last, one JSON object of every figure. Measures only: nothing
 * from the articles is printed but counts (and, with --examples N, the file names of failures).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { splitFrontMatter } from '../src/core/corpus/front-matter.ts';
import type { Article } from '../src/core/model.ts';
import { loadCorpus } from '../src/io/load-corpus.ts';

const SHARED = resolve(import.meta.dirname, '..', '..', 'shared');

/** Folders of articles under `root`, the root included when it holds articles itself. */
function articleFolders(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    const names = readdirSync(dir);
    if (names.some((n) => n.endsWith('.txt') || n.endsWith('.md'))) out.push(dir);
    for (const n of names) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p);
    }
  };
  walk(root);
  return out;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const MARKER = /^(?:ABSTRACT|FULL TEXT|CORRECTION APPENDED|CORRECTION|EDITORS? NOTE)\s*[.:]?$/;
// biome-ignore lint/suspicious/noMisleadingCharacterClass: combining marks after Ã are exactly the damage being counted
const MOJIBAKE = /[ÃÂ][\u0080-\u00BF]|Ã[\s\u0300-\u036F]|â€|Ã[ao]\b/g;
const DATELINE_LEFT =
  /^\p{Lu}[\p{Lu} .,'’-]{1,40}(?:,\s*\p{Lu}\p{L}+\.?\s+\d{1,2})?\s*\([^()]{1,30}\)\s*(?:—|–|--?|:)\s|^\p{Lu}{2,}[\p{Lu} .'’-]*(?:,\s*\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?)?\s+_\s/u;
const BYLINE_LEFT = /^(?:By|BY)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4}(?:\s+(?:and|AND)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4})?\s*$/u;
const ABBREVIATION_END = /(?:^|[\s(])(?:Mr|Ms|Mrs|Dr|Sen|Rep|Gov|Gen|Lt|Sgt|Rev|St|\p{Lu})\.$/u;

/** Figures for one folder. */
interface Figures {
  folder: string;
  articles: number;
  issues: number;
  headline_in_text: number;
  headline_found: number;
  untitled: number;
  untitled_headline: number;
  datelines_in_text: number;
  datelines_found: number;
  markers_left: number;
  bylines_left: number;
  mojibake_left: number;
  abbreviation_breaks: number;
  quotes_cut: number;
}

/** Double quotation marks of any convention in `text` (`"`, `“`, `”`, `''`, `` `` ``), counted once each. */
function doubleMarks(text: string): number {
  return (text.match(/''|``|["“”]/g) ?? []).length;
}

/** Quotations cut in two: a sentence that leaves a quotation open, followed in its paragraph by one that closes it. */
function quoteCut(a: Article): number {
  let n = 0;
  for (let i = 0; i + 1 < a.sentences.length; i++) {
    const s = a.sentences[i]!;
    const t = a.sentences[i + 1]!;
    if (s.paragraph !== t.paragraph) continue;
    const guillemet = (s.text.match(/«/g) ?? []).length - (s.text.match(/»/g) ?? []).length;
    if ((doubleMarks(s.text) % 2 === 1 && doubleMarks(t.text) % 2 === 1) || (guillemet > 0 && t.text.includes('»'))) n++;
  }
  return n;
}

function measure(folder: string, articles: Article[], issues: number, examples: Map<string, string[]>): Figures {
  const f: Figures = {
    folder,
    articles: articles.length,
    issues,
    headline_in_text: 0,
    headline_found: 0,
    untitled: 0,
    untitled_headline: 0,
    datelines_in_text: 0,
    datelines_found: 0,
    markers_left: 0,
    bylines_left: 0,
    mojibake_left: 0,
    abbreviation_breaks: 0,
    quotes_cut: 0,
  };
  const note = (what: string, file: string) => {
    const list = examples.get(what) ?? [];
    list.push(file);
    examples.set(what, list);
  };
  for (const a of articles) {
    const first = /\S[^\n]*/.exec(a.text);
    const fm = splitFrontMatter(readFileSync(join(folder, a.file), 'utf8').replace(/^\uFEFF/, ''));
    const given = fm.ok ? (fm.data.title ?? '') : '';
    if (norm(given).length === 0) {
      f.untitled++;
      if (a.titleSpan) f.untitled_headline++;
    }
    if (first && norm(given).length > 0) {
      const line = norm(first[0]);
      const title = norm(given);
      if (line.length > 0 && (line === title || (title.startsWith(line) && line.length > 15) || (line.startsWith(title) && title.length > 15))) {
        f.headline_in_text++;
        if (!a.paragraphs.some((p) => p.span.start <= first.index && first.index < p.span.end)) f.headline_found++;
        else note('headline', a.file);
      }
    }
    const opening = a.text
      .split(/\n\s*\n/)
      .slice(0, 3)
      .map((p) => p.trim());
    if (opening.some((p) => DATELINE_LEFT.test(p))) {
      f.datelines_in_text++;
      if (a.dateline) f.datelines_found++;
      else note('dateline', a.file);
    }
    for (const s of a.sentences) {
      if (MARKER.test(s.text.trim())) {
        f.markers_left++;
        note('marker', a.file);
      }
      if (BYLINE_LEFT.test(s.text.trim())) {
        f.bylines_left++;
        note('byline', a.file);
      }
      const moji = s.text.match(MOJIBAKE);
      if (moji) {
        f.mojibake_left += moji.length;
        note('mojibake', a.file);
      }
      if (ABBREVIATION_END.test(s.text) && s.index + 1 < a.sentences.length && a.sentences[s.index + 1]!.paragraph === s.paragraph) {
        f.abbreviation_breaks++;
        note('abbreviation', a.file);
      }
    }
    const moji = a.title.match(MOJIBAKE);
    if (moji) {
      f.mojibake_left += moji.length;
      note('mojibake', a.file);
    }
    const cut = quoteCut(a);
    if (cut) {
      f.quotes_cut += cut;
      note('quote', a.file);
    }
  }
  return f;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const ex = args.indexOf('--examples');
  const nExamples = ex >= 0 ? Number(args[ex + 1] ?? 5) : 0;
  const dirs = args.filter((a, i) => !a.startsWith('--') && !(ex >= 0 && i === ex + 1));
  const roots =
    dirs.length > 0 ? dirs.map((d) => resolve(d)) : [join(SHARED, 'polnear', 'train'), join(SHARED, 'duc2007', 'data', 'docs'), join(SHARED, 'corpus')];
  const groups = new Map<string, Figures>();
  for (const root of roots) {
    const examples = new Map<string, string[]>();
    const total: Figures = measure(root, [], 0, examples);
    for (const folder of articleFolders(root)) {
      const { articles, issues } = await loadCorpus(folder);
      const f = measure(folder, articles, issues.length, examples);
      for (const k of Object.keys(f) as (keyof Figures)[]) if (k !== 'folder') (total[k] as number) += f[k] as number;
    }
    groups.set(root, total);
    console.log(`${root}: ${JSON.stringify({ ...total, folder: undefined })}`);
    if (nExamples > 0) for (const [what, files] of examples) console.log(`  ${what}: ${[...new Set(files)].slice(0, nExamples).join(', ')}`);
  }
  const out: Record<string, Omit<Figures, 'folder'>> = {};
  for (const [root, f] of groups) {
    const { folder: _, ...rest } = f;
    out[root.replace(`${SHARED}/`, '')] = rest;
  }
  console.log(JSON.stringify(out));
}

await main();
