/**
 * `npm run bench`: builds the briefing for the seed corpus and for a generated corpus of 10,000
 * articles, then measures query latency and incremental updates. Prints figures as it goes; the last
 * line is one JSON object of all figures.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config/load-config.ts';
import { buildBriefing, type EngineConfig } from '../src/core/briefing.ts';
import { parseArticle } from '../src/core/corpus/parse-article.ts';
import type { Article } from '../src/core/model.ts';
import { extractStatements } from '../src/core/statements/extract-statements.ts';
import { pino } from 'pino';
import { driveTelegramUpdates, textUpdate } from '../src/platforms/telegram/drive-updates.ts';
import { runCommand } from '../src/commands/run-command.ts';
import { consoleStartFigures } from './console-start.ts';
import { generateCorpus } from './generate-corpus.ts';
import { restartFigures } from './restart-bench.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { engineConfig, openBriefingService } from '../src/app/briefing-service.ts';
import { mergeEvents } from '../src/core/timeline/merge-events.ts';

const N = Number(process.env.BENCH_ARTICLES ?? 10_000);
const figures: Record<string, number> = {};
const log = (label: string, value: number, unit: string) => {
  console.log(`${label.padEnd(34)} ${value.toFixed(unit === 'ms' ? 2 : 0).padStart(12)} ${unit}`);
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function parseAll(files: { file: string; text: string }[]): Article[] {
  const out: Article[] = [];
  for (const f of files) {
    const parsed = parseArticle(f.file, f.text);
    if (parsed.article) out.push(parsed.article);
  }
  return out;
}

/** Builds the briefing and forces every lazy part, so the time is that of a fully built briefing. */
function buildFully(files: { file: string; text: string }[], config: EngineConfig) {
  const articles = parseAll(files);
  const b = buildBriefing(articles, config);
  b.speakers();
  b.timeline();
  for (const t of config.topics) b.digest(t.id);
  return b;
}

const config = await loadConfig('config');
const engine: EngineConfig = engineConfig(config);
const seedDir = path.resolve('briefings/corpus');
const seedFiles = await Promise.all(
  (await readdir(seedDir))
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map(async (f) => ({ file: f, text: await readFile(path.join(seedDir, f), 'utf8') })),
);

let t0 = performance.now();
buildFully(seedFiles, engine);
figures.seed_build_cold_ms = performance.now() - t0;
// Warm up (JIT), then take the median of 20 builds.
for (let i = 0; i < 5; i++) buildFully(seedFiles, engine);
const seedRuns: number[] = [];
for (let i = 0; i < 20; i++) {
  t0 = performance.now();
  buildFully(seedFiles, engine);
  seedRuns.push(performance.now() - t0);
}
seedRuns.sort((a, b) => a - b);
figures.seed_build_ms = percentile(seedRuns, 50);
log('seed build (cold, first in process)', figures.seed_build_cold_ms, 'ms');
log('seed build (median of 20, after 5 warm-up)', figures.seed_build_ms, 'ms');

const generated = generateCorpus(N);
figures.corpus_articles = generated.length;
t0 = performance.now();
const articles = parseAll(generated);
figures.parse_ms = performance.now() - t0;
t0 = performance.now();
const big = buildBriefing(articles, engine);
figures.analyse_ms = performance.now() - t0;
t0 = performance.now();
const speakers = big.speakers();
figures.resolve_speakers_ms = performance.now() - t0;
t0 = performance.now();
big.timeline();
figures.timeline_ms = performance.now() - t0;
figures.build_ms = figures.parse_ms + figures.analyse_ms + figures.resolve_speakers_ms + figures.timeline_ms;
figures.articles_per_s = (generated.length / figures.build_ms) * 1000;
log(`parse ${N} articles`, figures.parse_ms, 'ms');
log('analyse (topics, statements, events)', figures.analyse_ms, 'ms');
log('resolve speakers across corpus', figures.resolve_speakers_ms, 'ms');
log('merge timeline', figures.timeline_ms, 'ms');
log('build total', figures.build_ms, 'ms');
log('articles per second', figures.articles_per_s, '/s');

t0 = performance.now();
let statementCount = 0;
for (const a of articles) statementCount += extractStatements(a).length;
const extractMs = performance.now() - t0;
figures.statements = statementCount;
figures.speakers = speakers.length;
figures.statements_per_s = (statementCount / extractMs) * 1000;
log('statements extracted', statementCount, '');
log('statements per second', figures.statements_per_s, '/s');

const topicIds = engine.topics.map((t) => t.id);
for (const id of topicIds) big.digest(id);
const lat: number[] = [];
for (let i = 0; i < 1000; i++) {
  const id = topicIds[i % topicIds.length] as string;
  t0 = performance.now();
  big.digest(id);
  lat.push(performance.now() - t0);
}
lat.sort((a, b) => a - b);
figures.digest_p50_ms = percentile(lat, 50);
figures.digest_p99_ms = percentile(lat, 99);
log('digest query p50', figures.digest_p50_ms, 'ms');
log('digest query p99', figures.digest_p99_ms, 'ms');

// Free-text digests (any question): questions made from the configured topics' descriptions and titles.
{
  const questions = engine.topics.flatMap((t) => [`${t.title}. ${t.description}`, `what was said about ${t.title.toLowerCase()}`]);
  t0 = performance.now();
  big.query(questions[0] as string, { words: 100 });
  figures.query_first_ms = performance.now() - t0;
  for (const q of questions) big.query(q, { words: 100 });
  const qlat: number[] = [];
  for (let i = 0; i < 300; i++) {
    t0 = performance.now();
    big.query(questions[i % questions.length] as string, { words: 100 });
    qlat.push(performance.now() - t0);
  }
  qlat.sort((a, b) => a - b);
  figures.query_p50_ms = percentile(qlat, 50);
  figures.query_p99_ms = percentile(qlat, 99);
  log('free-text digest, first (builds the index)', figures.query_first_ms, 'ms');
  log('free-text digest p50', figures.query_p50_ms, 'ms');
  log('free-text digest p99', figures.query_p99_ms, 'ms');
}

// Incremental: one new article (varied by another seed) into the built 10,000-article briefing.
const extra = generateCorpus(1, 7)[0] as { file: string; text: string };
t0 = performance.now();
const added = parseArticle('added_article.txt', extra.text).article as Article;
const updated = big.withArticles([added]);
figures.incremental_add_ms = performance.now() - t0;
t0 = performance.now();
updated.digest(topicIds[0] as string);
figures.incremental_first_digest_ms = performance.now() - t0;
t0 = performance.now();
updated.speakers();
figures.incremental_first_speakers_ms = performance.now() - t0;
t0 = performance.now();
updated.timeline();
figures.incremental_first_timeline_ms = performance.now() - t0;
log('add one article (parse + update)', figures.incremental_add_ms, 'ms');
log('  then first digest query', figures.incremental_first_digest_ms, 'ms');
log('  then first who-said-what query', figures.incremental_first_speakers_ms, 'ms');
log('  then first timeline query', figures.incremental_first_timeline_ms, 'ms');

// One more article into the grown briefing, then the first answer of every command (what a user waits for
// right after a feed brings an article in).
{
  const next = generateCorpus(1, 11)[0] as { file: string; text: string };
  t0 = performance.now();
  const article = parseArticle('added_second.txt', next.text).article as Article;
  const twice = updated.withArticles([article]);
  const addMs = performance.now() - t0;
  const live = { briefing: () => twice, clock: () => new Date('2026-01-01T00:00:00Z') };
  const who = twice.speakers()[0]?.name ?? 'x';
  const asks: [string, string][] = [
    ['briefing', topicIds[0] as string],
    ['whosaid', who],
    ['timeline', ''],
    ['speakers', ''],
    ['positions', topicIds[0] as string],
    ['sources', ''],
    ['topics', ''],
  ];
  // Every command answered once before the add (as a running bot has), so what follows is the add's own cost.
  for (const [name, args] of asks) await runCommand(live, name, args);
  const third = twice.withArticles([parseArticle('added_third.txt', generateCorpus(1, 13)[0]!.text).article as Article]);
  const fresh = { briefing: () => third, clock: live.clock };
  let three = 0;
  for (const [name, args] of asks) {
    t0 = performance.now();
    await runCommand(fresh, name, args);
    const ms = performance.now() - t0;
    if (name === 'briefing' || name === 'whosaid' || name === 'timeline') three += ms;
    figures[`add_then_${name}_ms`] = ms;
    log(`after an add, first /${name}`, ms, 'ms');
  }
  figures.add_one_article_ms = addMs;
  figures.add_then_briefing_whosaid_timeline_ms = three;
  log('add one article (parse + update)', addMs, 'ms');
  log('  then /briefing + /whosaid + /timeline', three, 'ms');
  // The same for five more articles, added one after another as a feed brings them (each to the briefing the last
  // add made): one add is a single sample of a ~40 ms figure that a collection or a busy neighbour moves by 15 ms.
  const sums = [three];
  let latest = third;
  for (let k = 0; k < 5; k++) {
    const grown = latest.withArticles([parseArticle(`added_next_${k}.txt`, generateCorpus(1, 20 + k)[0]!.text).article as Article]);
    latest = grown;
    const deps = { briefing: () => grown, clock: live.clock };
    let sum = 0;
    for (const [name, args] of asks.slice(0, 3)) {
      t0 = performance.now();
      await runCommand(deps, name, args);
      sum += performance.now() - t0;
    }
    sums.push(sum);
  }
  figures.add_then_briefing_whosaid_timeline_median_ms = percentile(
    sums.sort((a, b) => a - b),
    50,
  );
  log('  the same, median of 6 adds', figures.add_then_briefing_whosaid_timeline_median_ms, 'ms');
}

// The timeline merge alone, over the events of the first 3,000 and 10,000 articles (30,000 with BENCH_ARTICLES=30000;
// the 30,000-article restart below also times its first /timeline after a cold build, which is that merge).
for (const k of [3000, 10_000, 30_000]) {
  if (k > big.articles.length) continue;
  const events = big.articles.slice(0, k).flatMap((a) => big.analysisOf(a.id)?.events ?? []);
  t0 = performance.now();
  mergeEvents(events);
  figures[`timeline_merge_${k}_ms`] = performance.now() - t0;
  log(`timeline merge, ${k} articles`, figures[`timeline_merge_${k}_ms`]!, 'ms');
}

// Through the command layer, on the built 10,000-article briefing.
const deps = { briefing: () => big, clock: () => new Date('2026-01-01T00:00:00Z') };
const speakerNames = speakers.slice(0, 20).map((s) => s.name);
await runCommand(deps, 'whosaid', speakerNames[0] ?? 'x');
for (const [name, args] of [
  ['briefing', (i: number) => topicIds[i % topicIds.length] as string],
  ['whosaid', (i: number) => speakerNames[i % speakerNames.length] ?? 'x'],
] as const) {
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    t0 = performance.now();
    await runCommand(deps, name, args(i));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  figures[`cmd_${name}_p50_ms`] = percentile(times, 50);
  figures[`cmd_${name}_p99_ms`] = percentile(times, 99);
  log(`/${name} through the command layer p50`, percentile(times, 50), 'ms');
  log(`/${name} through the command layer p99`, percentile(times, 99), 'ms');
}

// 1,000 concurrent commands through the real Telegram handlers (bot.handleUpdate, captured API calls).
const updates = Array.from({ length: 1000 }, (_, i) =>
  textUpdate(i, i % 2 ? `/briefing ${topicIds[i % topicIds.length]}` : `/whosaid ${speakerNames[i % speakerNames.length]}`),
);
const drove = await driveTelegramUpdates({ deps, updates, logger: pino({ level: 'silent' }) });
figures.telegram_concurrent = updates.length;
figures.telegram_answered = drove.messagesByChat.size;
figures.telegram_failed = drove.failed;
figures.telegram_concurrent_ms = drove.ms;
log('1,000 concurrent Telegram commands', drove.ms, 'ms');
log('  chats answered', drove.messagesByChat.size, '');
log('  failed', drove.failed, '');

figures.peak_rss_mb = process.resourceUsage().maxRSS / 1024;
log('peak RSS', figures.peak_rss_mb, 'MB');

// The seed corpus opened as the bot opens it, with its analysis cache warm: median of 20 opens and first answers.
{
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'briefing-seed-cache-'));
  const open = async () => {
    const s = await openBriefingService({ config, corpusDirs: [seedDir], cacheDir, awaitCache: true });
    await runCommand({ briefing: () => s.current(), clock: () => new Date('2026-01-01T00:00:00Z') }, 'briefing', topicIds[0] as string);
    s.close();
  };
  await open();
  const runs: number[] = [];
  for (let i = 0; i < 20; i++) {
    t0 = performance.now();
    await open();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  figures.seed_warm_open_ms = percentile(runs, 50);
  log('seed corpus, warm cache: open + first /briefing', figures.seed_warm_open_ms, 'ms');
  rmSync(cacheDir, { recursive: true, force: true });
}

// The bot as `npm start` runs it (compiled, console, seed corpus): spawn to the first answer, in fresh processes.
Object.assign(figures, await consoleStartFigures(topicIds[0] as string, log));

// Cold build and warm restart in fresh processes (time to first answer), at N and at 30,000 (BENCH_30K=0 skips it),
// on the compiled engine as `npm start` runs it when BENCH_DIST=1 (`npm run bench` builds it and sets that).
console.log('-- start-up, in fresh processes --');
Object.assign(figures, restartFigures(N, log));
if (process.env.BENCH_30K !== '0' && N !== 30_000) {
  Object.assign(figures, restartFigures(30_000, log));
  // What each further article retains: the per-article figures above also spread the engine's fixed heap (code,
  // the tagger model loaded by the first /briefing, bounded caches) over the articles.
  const at = (n: number) => (figures[`restart_${n}_retained_bytes_per_article`] ?? 0) * n;
  figures.restart_marginal_retained_bytes_per_article = (at(30_000) - at(N)) / (30_000 - N);
  log(`${N} -> 30000: heap retained per further article beyond text`, figures.restart_marginal_retained_bytes_per_article, 'B');
}

const rounded = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Math.round(v * 100) / 100]));
console.log(JSON.stringify(rounded));
