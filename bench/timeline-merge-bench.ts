/**
 * `npx tsx bench/timeline-merge-bench.ts [3000 10000 30000]`: the timeline merge alone (`mergeEvents`) over
 * the events of the first k generated articles, for each k given, with wall and CPU time (user + sys) and
 * a fingerprint of the merged timeline (so two versions of the merge can be compared for what they decide).
 * Then, the incremental path: the next 21 articles added one by one to a merger of the k, each followed by its
 * timeline (`EventMerger.add` + `events`), median. The events are extracted once and kept in the system's temporary directory (TIMELINE_BENCH_FRESH=1
 * extracts them again); BENCH_REPEAT=n takes the median of n merges.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config/load-config.ts';
import { parseArticle } from '../src/core/corpus/parse-article.ts';
import { extractEvents, type ExtractedEvent } from '../src/core/timeline/extract-events.ts';
import { EventMerger, mergeEvents } from '../src/core/timeline/merge-events.ts';
import { compileTopics } from '../src/core/topics/topic-scorer.ts';
import { engineConfig } from '../src/app/briefing-service.ts';
import { generateCorpus } from './generate-corpus.ts';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
if (sizes.length === 0) sizes.push(3000, 10_000, 30_000);
const max = Math.max(...sizes) + 21;
const repeat = Number(process.env.BENCH_REPEAT ?? 1);

/** The events of each of the first `max` generated articles (seed 42, as `npm run bench`), 21 more than the largest size. */
async function eventsByArticle(): Promise<ExtractedEvent[][]> {
  const file = path.join(os.tmpdir(), `timeline-merge-bench-${max}.json`);
  if (process.env.TIMELINE_BENCH_FRESH !== '1' && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ExtractedEvent[][];
  const compiled = compileTopics(engineConfig(await loadConfig('config')).topics);
  const t0 = performance.now();
  const out: ExtractedEvent[][] = [];
  for (const g of generateCorpus(max)) {
    const article = parseArticle(g.file, g.text).article;
    if (article) out.push(extractEvents(article, compiled));
  }
  console.log(`extracted events of ${max} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s (kept in ${file})`);
  writeFileSync(file, JSON.stringify(out));
  return out;
}

const byArticle = await eventsByArticle();
for (const k of sizes) {
  const events = byArticle.slice(0, k).flat();
  const walls: number[] = [];
  const cpus: number[] = [];
  let merged: ReturnType<typeof mergeEvents> = [];
  for (let i = 0; i < repeat; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    merged = mergeEvents(events);
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  // The incremental path: a merger of the first k articles takes the next articles one by one, each followed by its timeline.
  const merger = new EventMerger();
  merger.add(events);
  merger.events();
  const adds: number[] = [];
  for (const next of byArticle.slice(k, k + 21)) {
    const t0 = performance.now();
    merger.add(next);
    merger.events();
    adds.push(performance.now() - t0);
  }
  const fingerprint = createHash('sha256').update(JSON.stringify(merged)).digest('hex').slice(0, 12);
  console.log(
    `timeline merge, ${String(k).padStart(6)} articles, ${String(events.length).padStart(7)} events -> ${String(merged.length).padStart(6)}: ` +
      `wall ${median(walls).toFixed(0).padStart(6)} ms, cpu ${median(cpus).toFixed(0).padStart(6)} ms, fingerprint ${fingerprint}; ` +
      `then one article added and its timeline: ${adds.length ? median(adds).toFixed(2) : '-'} ms (median of ${adds.length})`,
  );
}
