/**
 * `npx tsx scripts/sweep-duc.ts --work DIR [--variants JSON] [--topics D0703A,…] [--dump DIR] [--budgets 100,200,…]`: the DUC 2007 update
 * task's 30 digests run in one process, for measuring the salience weights (`SALIENCE`) quickly. DIR is the output
 * folder of an earlier `scripts/eval-duc.ts --out DIR` (or `../shared/duc2007/run.mjs --out DIR`): its `work/` holds the
 * corpora and configs the runner made. Each corpus is loaded once; each variant (a name → an object of `SALIENCE`
 * overrides, e.g. `{"base":{},"flat":{"focusBoost":1}}`) then takes a few seconds instead of a full run's minute.
 * Prints ROUGE-2 per part as the runner scores it (date notes dropped, cut at 100 words, jackknifed) and how many of
 * the 30 digests each variant raises or lowers against the first (a mean moved by one topic is not a method), and with
 * `--dump` writes each variant's digests there. Without `../shared/duc2007/` it says so and exits 0. Measurement
 * only: nothing of the data is copied into the project; figures to report still come from `eval-duc.ts`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCliContext } from '../src/cli/cli-context.ts';
import type { Briefing } from '../src/core/briefing.ts';
import { COMPRESS } from '../src/core/digest/compress.ts';
import { SALIENCE } from '../src/core/digest/salience.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(ROOT, '..', 'shared', 'duc2007');
const DATA = join(SHARED, 'data');
const WORDS = 100;
/** A digest's score moves when it changes by more than this (ROUGE-2). */
const MOVE = 0.005;
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
/** `--ask-words N`: the word budget the digests are asked for (default 100; the score still cuts at 100 words). */
const ASK_WORDS = Number(arg('--ask-words') ?? WORDS);
/**
 * `--budgets 100,200,300`: each digest is asked for and cut at each budget, and its score is the mean of the
 * recalls scaled to 100 words (the dumped digest is the last budget's). A choice that only swaps one point at
 * 100 words moves little here: a steadier check that a change ranks better, not only luckier.
 */
const BUDGETS = arg('--budgets')?.split(',').map(Number);

interface Rouge {
  recallJK(peer: string, models: string[], n: number): number;
  truncateWords(text: string, limit: number): string;
}

interface Topic {
  num: string;
  title: string;
  narr: string;
}

interface Job {
  topic: Topic;
  part: 'A' | 'B' | 'C';
  briefing: Briefing;
  since: string | undefined;
  models: string[];
}

function topicsOf(): Topic[] {
  const text = readFileSync(join(DATA, 'duc2007_UPDATEtopics.sgml'), 'utf8');
  return Array.from(text.matchAll(/<topic>([\s\S]*?)<\/topic>/g), (m) => {
    const get = (tag: string) => (new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(m[1] ?? '')?.[1] ?? '').replace(/\s+/g, ' ').trim();
    return { num: get('num'), title: get('title'), narr: get('narr') };
  });
}

/** The newest `published` date of a part's articles (the runner's `--since` for the next part). */
function newest(topic: string, part: string): string {
  const dir = join(DATA, 'docs', topic, part);
  const dates = readdirSync(dir).map((f) => /^published:\s*(\S+)/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1] ?? '');
  return dates.sort().pop() ?? '';
}

function modelsOf(topic: string, part: string): string[] {
  const dir = join(DATA, 'models');
  const prefix = `${topic.slice(0, 5)}-${part}.`;
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

async function load(work: string, only: Set<string> | undefined): Promise<Job[]> {
  const jobs: Job[] = [];
  for (const topic of topicsOf()) {
    if (only && !only.has(topic.num)) continue;
    const dir = join(work, topic.num);
    if (!existsSync(dir)) throw new Error(`no ${dir}: run scripts/eval-duc.ts --out ${dirname(work)} first`);
    const env = {
      BRIEFING_CONFIG_DIR: join(dir, 'config'),
      BRIEFING_DB: join(dir, 'briefing.db'),
      BRIEFING_DATA_DIR: join(dir, 'data'),
      PATH: process.env.PATH,
    };
    const ctx = createCliContext({ env, io: { err: () => {} } });
    const parts = [
      ['A', 'A', undefined],
      ['B', 'AB', newest(topic.num, 'A')],
      ['C', 'ABC', newest(topic.num, 'B')],
    ] as const;
    for (const [part, corpus, since] of parts) {
      jobs.push({ topic, part, briefing: await ctx.briefing(join(dir, corpus)), since, models: modelsOf(topic.num, part) });
    }
  }
  return jobs;
}

async function main(): Promise<void> {
  if (!existsSync(DATA)) {
    console.log(`no DUC 2007 data at ${DATA}: nothing to measure`);
    return;
  }
  const out = arg('--work');
  if (!out) throw new Error('give --work DIR, the --out folder of an earlier scripts/eval-duc.ts run');
  const rouge = (await import(pathToFileURL(join(SHARED, 'rouge.mjs')).href)) as Rouge;
  const topics = arg('--topics');
  const jobs = await load(join(resolve(out), 'work'), topics ? new Set(topics.split(',')) : undefined);
  const variants = JSON.parse(arg('--variants') ?? '{"base":{}}') as Record<string, Record<string, number>>;
  const dump = arg('--dump');
  if (dump) mkdirSync(dump, { recursive: true });
  const defaults = { ...SALIENCE };
  const trims = { ...COMPRESS };
  const results: Record<string, Record<string, number>> = {};
  /** The first variant's score of each digest: later variants count the digests they raise or lower by more than `MOVE`. */
  let first: number[] | undefined;
  for (const [name, overrides] of Object.entries(variants)) {
    // A key of `COMPRESS` switches a trim; any other is a `SALIENCE` weight.
    Object.assign(SALIENCE, defaults);
    Object.assign(COMPRESS, trims);
    for (const [key, value] of Object.entries(overrides)) Object.assign(key in COMPRESS ? COMPRESS : SALIENCE, { [key]: value });
    const scores: Record<string, number[]> = { A: [], B: [], C: [] };
    const ids: Record<string, string[]> = { A: [], B: [], C: [] };
    const lines: string[] = [];
    for (const j of jobs) {
      const question = `${j.topic.title}${/[.?!]$/.test(j.topic.title) ? '' : '.'} ${j.topic.narr}`;
      let score = 0;
      let items: { text: string; sources: { article: string }[] }[] = [];
      for (const cut of BUDGETS ?? [WORDS]) {
        const r = j.briefing.ask(question, { words: BUDGETS ? cut : ASK_WORDS, ...(j.since ? { since: j.since } : {}) });
        items = r.ok ? r.value.items : [];
        const text = items.map((i) => i.text.replace(/ \[\d{1,2} [A-Z][a-z]+(?: \d{4})?\]/g, '')).join(' ');
        // Recall at a larger budget is scaled to 100 words, so budgets average as like quantities.
        score += ((text ? rouge.recallJK(rouge.truncateWords(text, cut), j.models, 2) : 0) * (WORDS / cut)) / (BUDGETS?.length ?? 1);
      }
      scores[j.part]!.push(score);
      ids[j.part]!.push(`${j.topic.num}-${j.part}`);
      lines.push(`## ${j.topic.num}-${j.part} ${score.toFixed(4)}`, ...items.map((i) => `- ${i.text} [${i.sources.map((s) => s.article).join(', ')}]`), '');
    }
    const each = [...scores.A!, ...scores.B!, ...scores.C!];
    const names = [...ids.A!, ...ids.B!, ...ids.C!];
    first ??= each;
    const moved = each
      .map((v, i) => ({ id: names[i]!, d: v - first![i]! }))
      .filter((x) => Math.abs(x.d) > MOVE)
      .map((x) => `${x.id} ${x.d > 0 ? '+' : ''}${x.d.toFixed(3)}`);
    const up = each.filter((v, i) => v > first![i]! + MOVE).length;
    const down = each.filter((v, i) => v < first![i]! - MOVE).length;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const fig = { A: mean(scores.A!), B: mean(scores.B!), C: mean(scores.C!), all: mean([...scores.A!, ...scores.B!, ...scores.C!]) };
    results[name] = fig;
    console.log(
      `${name.padEnd(24)} A ${fig.A.toFixed(4)}  B ${fig.B.toFixed(4)}  C ${fig.C.toFixed(4)}  all ${fig.all.toFixed(4)}  digests up ${up}, down ${down}`,
    );
    if (moved.length) console.log(`  moved: ${moved.join(', ')}`);
    if (dump) writeFileSync(join(dump, `${name.replace(/[^\w.-]/g, '_')}.md`), lines.join('\n'));
  }
  Object.assign(SALIENCE, defaults);
  Object.assign(COMPRESS, trims);
  console.log(JSON.stringify(results));
}

await main();
