/**
 * One start of the bot's briefing, in a fresh process (run by `bench/bench.ts`): opens the live briefing
 * over a corpus folder with an analysis cache folder, answers one `/briefing`, then one `/whosaid` and one
 * `/timeline`, and prints one JSON line of figures: time to the first answer from the process's start and
 * from the open, memory retained per article, the cache's findings.
 *
 * With `BENCH_DIST=1` (as `npm run bench` runs it, after building) it runs the compiled engine in `dist/`,
 * as `npm start` does, so neither this thread nor the analysis workers compile TypeScript.
 *
 * Usage: `[BENCH_DIST=1] node --expose-gc --import tsx bench/first-answer.ts CORPUS_DIR CACHE_DIR`
 */
import { performance } from 'node:perf_hooks';

const dist = process.env.BENCH_DIST === '1';
const from = (module: string): string => (dist ? `../dist/src/${module}.js` : `../src/${module}.ts`);
const { openBriefingService } = (await import(from('app/briefing-service'))) as typeof import('../src/app/briefing-service.ts');
const { runCommand } = (await import(from('commands/run-command'))) as typeof import('../src/commands/run-command.ts');
const { loadConfig } = (await import(from('config/load-config'))) as typeof import('../src/config/load-config.ts');

const [corpusDir, cacheDir] = process.argv.slice(2);
if (!corpusDir || !cacheDir) throw new Error('usage: first-answer.ts CORPUS_DIR CACHE_DIR');
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const config = await loadConfig('config');
const service = await openBriefingService({ config, corpusDirs: [corpusDir], cacheDir });
const opened = performance.now();
const deps = { briefing: () => service.current(), clock: () => new Date('2026-01-01T00:00:00Z') };
const topic = config.briefing.topics[0]?.id ?? 'x';
await runCommand(deps, 'briefing', topic);
const first = performance.now();
// CPU time of every thread from the open to the first answer: steadier than the wall clock on a loaded machine.
const cpu = process.cpuUsage(cpu0);
const speaker = service.current().speakers()[0]?.name ?? 'x';
await runCommand(deps, 'whosaid', speaker);
const whosaid = performance.now();
await runCommand(deps, 'timeline', '');
const timeline = performance.now();
await service.settled();
const settled = performance.now();
gc?.();
const heapAfter = process.memoryUsage().heapUsed;
const articles = service.current().articles;
const textBytes = articles.reduce((n, a) => n + a.text.length, 0);
// V8 keeps a string with any character above U+00FF (curly quotes, dashes) at two bytes per character: what the
// texts themselves occupy, so that "beyond the text" does not count half of a text as engine memory.
const storedTextBytes = articles.reduce((n, a) => n + a.text.length * (/[^\u0000-\u00ff]/.test(a.text) ? 2 : 1), 0);
const stats = service.cacheStats();
console.log(
  JSON.stringify({
    articles: articles.length,
    since_process_start_ms: first,
    open_ms: opened - t0,
    first_answer_ms: first - t0,
    first_answer_cpu_ms: (cpu.user + cpu.system) / 1000,
    whosaid_ms: whosaid - first,
    timeline_ms: timeline - whosaid,
    cache_written_ms: settled - timeline,
    retained_bytes_per_article: (heapAfter - heapBefore - textBytes) / Math.max(1, articles.length),
    retained_beyond_stored_text_per_article: (heapAfter - heapBefore - storedTextBytes) / Math.max(1, articles.length),
    heap_mb: heapAfter / 1024 / 1024,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    cache_bytes: stats?.bytes ?? 0,
    parse_hits: stats?.parseHits ?? 0,
    stamp_hits: stats?.stampHits ?? 0,
    analysis_hits: stats?.analysisHits ?? 0,
  }),
);
service.close();
