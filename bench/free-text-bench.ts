/**
 * `npx tsx bench/free-text-bench.ts`: free-text digest latency on a generated corpus of 10,000 articles
 * (`BENCH_ARTICLES` to change it): the first question (which builds the retrieval index), then p50 and
 * p99 over 300 questions made from the configured topics' titles and descriptions, each with a 100-word
 * budget, and the same with `since`. `--profile` prints where the time of the questions goes (CPU
 * profile, self time per function). The last line is one JSON object of the figures.
 */
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { engineConfig } from '../src/app/briefing-service.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { buildBriefing, type EngineConfig } from '../src/core/briefing.ts';
import { parseArticle } from '../src/core/corpus/parse-article.ts';
import type { Article } from '../src/core/model.ts';
import { generateCorpus } from './generate-corpus.ts';

const N = Number(process.env.BENCH_ARTICLES ?? 10_000);
const RUNS = 300;
const figures: Record<string, number> = {};
const log = (label: string, value: number) => console.log(`${label.padEnd(44)} ${value.toFixed(2).padStart(10)} ms`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const config = await loadConfig('config');
const engine: EngineConfig = engineConfig(config);
const articles: Article[] = generateCorpus(N).flatMap((f) => parseArticle(f.file, f.text).article ?? []);
let t0 = performance.now();
const big = buildBriefing(articles, engine);
log(`build ${articles.length} articles`, performance.now() - t0);

const questions = engine.topics.flatMap((t) => [`${t.title}. ${t.description}`, `what was said about ${t.title.toLowerCase()}`]);
t0 = performance.now();
big.query(questions[0]!, { words: 100 });
figures.query_first_ms = performance.now() - t0;
log('first question (builds the index)', figures.query_first_ms);
for (const q of questions) big.query(q, { words: 100 });

const profile = process.argv.includes('--profile');
const session = profile ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const measure = (name: string, options: { words: number; since?: string }) => {
  const lat: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    big.query(questions[i % questions.length]!, options);
    lat.push(performance.now() - start);
  }
  lat.sort((a, b) => a - b);
  figures[`${name}_p50_ms`] = percentile(lat, 50);
  figures[`${name}_p99_ms`] = percentile(lat, 99);
  log(`${name} p50`, figures[`${name}_p50_ms`]!);
  log(`${name} p99`, figures[`${name}_p99_ms`]!);
};
measure('query', { words: 100 });
measure('query_since', { words: 100, since: '2025-06-01' });

if (session) {
  const { profile: p } = await session.post('Profiler.stop');
  const self = new Map<string, number>();
  const dt = p.timeDeltas ?? [];
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  (p.samples ?? []).forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((ms / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
}
console.log(JSON.stringify(figures));
