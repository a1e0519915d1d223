/**
 * The start-up figures of `npm run bench`: a generated corpus written to a temporary folder, then the bot's
 * briefing opened over it in fresh processes (`bench/first-answer.ts`), first with an empty analysis cache
 * (a cold build) and then three times with the cache it left (warm restarts, the median taken).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCorpus } from './generate-corpus.ts';

/** What one start printed. */
interface Start {
  articles: number;
  since_process_start_ms: number;
  first_answer_ms: number;
  first_answer_cpu_ms: number;
  whosaid_ms: number;
  timeline_ms: number;
  cache_written_ms: number;
  retained_bytes_per_article: number;
  retained_beyond_stored_text_per_article: number;
  peak_rss_mb: number;
  cache_bytes: number;
  analysis_hits: number;
  stamp_hits: number;
}

function start(corpus: string, cache: string): Start {
  const script = path.resolve('bench/first-answer.ts');
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, corpus, cache], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Cold build and warm restarts over `n` generated articles; figures named with the prefix `restart_<n>_`. */
export function restartFigures(n: number, log: (label: string, value: number, unit: string) => void): Record<string, number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-'));
  try {
    const corpus = path.join(dir, 'corpus');
    const cache = path.join(dir, 'cache');
    mkdirSync(corpus);
    for (const f of generateCorpus(n)) writeFileSync(path.join(corpus, f.file), f.text);
    const cold = start(corpus, cache);
    const warm = [start(corpus, cache), start(corpus, cache), start(corpus, cache)];
    const p = `restart_${n}_`;
    const figures: Record<string, number> = {
      [`${p}cold_first_answer_ms`]: cold.first_answer_ms,
      [`${p}cold_cache_write_ms`]: cold.cache_written_ms,
      [`${p}cold_then_timeline_ms`]: cold.timeline_ms,
      [`${p}warm_first_answer_ms`]: median(warm.map((w) => w.first_answer_ms)),
      [`${p}warm_first_answer_cpu_ms`]: median(warm.map((w) => w.first_answer_cpu_ms)),
      [`${p}warm_since_process_start_ms`]: median(warm.map((w) => w.since_process_start_ms)),
      [`${p}warm_then_whosaid_ms`]: median(warm.map((w) => w.whosaid_ms)),
      [`${p}warm_then_timeline_ms`]: median(warm.map((w) => w.timeline_ms)),
      [`${p}warm_analysis_hits`]: warm[0]?.analysis_hits ?? 0,
      // Files younger than the stamp margin at the cold start are read by the first warm start, then found by stamp.
      [`${p}warm_stamp_hits`]: warm[2]?.stamp_hits ?? 0,
      [`${p}cache_bytes_per_article`]: (warm[0]?.cache_bytes ?? 0) / n,
      [`${p}retained_bytes_per_article`]: median(warm.map((w) => w.retained_bytes_per_article)),
      [`${p}retained_beyond_stored_text_per_article`]: median(warm.map((w) => w.retained_beyond_stored_text_per_article)),
      [`${p}warm_peak_rss_mb`]: median(warm.map((w) => w.peak_rss_mb)),
      [`${p}cold_peak_rss_mb`]: cold.peak_rss_mb,
    };
    log(`${n}: cold build, first /briefing`, cold.first_answer_ms, 'ms');
    log(`${n}:   then first /timeline (the whole merge)`, cold.timeline_ms, 'ms');
    log(`${n}: warm restart, first /briefing`, figures[`${p}warm_first_answer_ms`]!, 'ms');
    log(`${n}:   CPU to it`, figures[`${p}warm_first_answer_cpu_ms`]!, 'ms');
    log(`${n}:   from process start`, figures[`${p}warm_since_process_start_ms`]!, 'ms');
    log(`${n}:   then first /whosaid`, figures[`${p}warm_then_whosaid_ms`]!, 'ms');
    log(`${n}:   then first /timeline`, figures[`${p}warm_then_timeline_ms`]!, 'ms');
    log(`${n}: cache on disk per article`, figures[`${p}cache_bytes_per_article`]!, 'B');
    log(`${n}: heap retained per article beyond text`, figures[`${p}retained_bytes_per_article`]!, 'B');
    log(`${n}:   beyond the text as V8 stores it (2 B a character in two-byte strings)`, figures[`${p}retained_beyond_stored_text_per_article`]!, 'B');
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
