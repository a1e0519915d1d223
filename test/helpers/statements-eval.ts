import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseArticle } from '../../src/core/corpus/parse-article.ts';
import type { Article, Speaker, Statement } from '../../src/core/model.ts';
import { extractStatements } from '../../src/core/statements/extract-statements.ts';
import { resolveSpeakers } from '../../src/core/statements/resolve-speakers.ts';

/** One hand label: a direct quote (exact words) or a reported statement (key words). */
export interface Label {
  article: string;
  kind: 'direct' | 'reported';
  speaker: string | null;
  text: string;
  headline?: boolean;
}

/** Figures for one kind of statement. */
export interface Figures {
  labels: number;
  found: number;
  /** Labels found with the right speaker. */
  hits: number;
  /** Labels found at all (any speaker). */
  textHits: number;
  /** Found statements that match a label with the right speaker. */
  correct: number;
  recall: number;
  precision: number;
  misses: string[];
  extras: string[];
}

/** Reads the labels of a YAML file (`labels:` list). */
export function readLabels(file: string): Label[] {
  const doc = parse(readFileSync(file, 'utf8')) as { labels: Label[] };
  return doc.labels.map((l) => ({ ...l, speaker: l.speaker ?? null }));
}

/** Parses every `.txt` file of a folder with the real article parser. */
export function readArticles(dir: string, only?: (id: string) => boolean): Article[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseArticle(f, readFileSync(join(dir, f), 'utf8')).article)
    .filter((a): a is Article => !!a && (!only || only(a.id)));
}

const STOP = new Set(['the', 'a', 'an', 'of', 'to', 'and', 'or', 'in', 'on', 'for', 'that', 'is', 'was', 'be', 'with', 'as', 'at', 'by']);
const words = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘']/g, "'")
    .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];

function directMatch(label: string, found: string): boolean {
  const a = words(label);
  const b = words(found);
  if (!a.length || !b.length) return false;
  const pool = new Map<string, number>();
  for (const w of b) pool.set(w, (pool.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of a) {
    const n = pool.get(w) ?? 0;
    if (n > 0) {
      common++;
      pool.set(w, n - 1);
    }
  }
  return common / Math.max(a.length, b.length) >= 0.8;
}

function reportedMatch(label: string, found: string): boolean {
  const key = words(label).filter((w) => !STOP.has(w));
  const have = new Set(words(found));
  if (!key.length) return false;
  return key.filter((w) => have.has(w)).length / key.length >= 0.8;
}

const fold = (s: string) =>
  words(s)
    .filter((w) => w !== 'the')
    .join(' ');

function rightSpeaker(label: Label, s: Statement, speakers: Map<string, Speaker>): boolean {
  if (label.speaker === null) return s.speakerId === null;
  if (!s.speakerId) return false;
  const sp = speakers.get(s.speakerId);
  const names = [s.speaker ?? '', ...(sp?.aliases ?? [])].map(fold);
  return names.includes(fold(label.speaker));
}

/** Extracts and resolves the statements of a set of articles. */
export function runEngine(articles: Article[]): { statements: Statement[]; speakers: Speaker[] } {
  const r = resolveSpeakers(articles.flatMap((a) => extractStatements(a)));
  return { statements: r.statements.map((s) => ({ ...s, topics: [] })), speakers: r.speakers };
}

/** Scores found statements against labels, per kind. */
export function evaluate(labels: Label[], statements: Statement[], speakerList: Speaker[]): Record<'direct' | 'reported', Figures> {
  const speakers = new Map(speakerList.map((s) => [s.id, s]));
  const out = {} as Record<'direct' | 'reported', Figures>;
  for (const kind of ['direct', 'reported'] as const) {
    const ls = labels.filter((l) => l.kind === kind);
    const fs = statements.filter((s) => s.kind === kind && ls.some((l) => l.article === s.article));
    const allFound = statements.filter((s) => s.kind === kind && labels.some((l) => l.article === s.article));
    const used = new Set<Statement>();
    let hits = 0;
    let textHits = 0;
    const misses: string[] = [];
    const match = kind === 'direct' ? directMatch : reportedMatch;
    for (const l of ls) {
      const cands = fs.filter((s) => !used.has(s) && s.article === l.article && match(l.text, s.text));
      const good = cands.find((s) => rightSpeaker(l, s, speakers));
      const pick = good ?? cands[0];
      if (pick) {
        used.add(pick);
        textHits++;
      }
      if (good) hits++;
      else misses.push(`${l.article} ${l.speaker ?? 'null'}: ${l.text}${pick ? ` (found as ${pick.speaker ?? 'null'})` : ' (not found)'}`);
    }
    const extras = allFound.filter((s) => !used.has(s)).map((s) => `${s.article} ${s.speaker ?? 'null'} (${s.cue}): ${s.text.slice(0, 90)}`);
    const correct = hits;
    out[kind] = {
      labels: ls.length,
      found: allFound.length,
      hits,
      textHits,
      correct,
      recall: ls.length ? hits / ls.length : 1,
      precision: allFound.length ? correct / allFound.length : 1,
      misses,
      extras,
    };
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * Prints a set's figures per kind, then every miss (a label not found with the right speaker; "found as X"
 * means the text was found with a wrong or null speaker) and every extra (a found statement matching no label).
 */
export function reportFigures(tag: string, figures: Record<'direct' | 'reported', Figures>): void {
  for (const kind of ['direct', 'reported'] as const) {
    const f = figures[kind];
    console.log(
      `[${tag}] ${kind}: ${f.labels} labels, ${f.found} found, ${f.hits} right (speaker and text), ` +
        `recall ${pct(f.recall)} (text only ${pct(f.textHits / Math.max(1, f.labels))}), precision ${pct(f.precision)}`,
    );
    for (const m of f.misses) console.log(`  miss  ${m}`);
    for (const e of f.extras) console.log(`  extra ${e}`);
  }
}

/** Runs the engine on a labelled folder (`articles/` and `statements-labels.yaml`), prints its figures and returns them with the article count. */
export function measureFolder(dir: string, tag: string): { articles: number; figures: Record<'direct' | 'reported', Figures> } {
  const articles = readArticles(`${dir}/articles`);
  const labels = readLabels(`${dir}/statements-labels.yaml`);
  const { statements, speakers } = runEngine(articles);
  const figures = evaluate(labels, statements, speakers);
  reportFigures(tag, figures);
  return { articles: articles.length, figures };
}
