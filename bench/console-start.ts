/**
 * The bot as `npm start` runs it (compiled JavaScript, `dist/src/main.js`, no chat tokens: the local
 * console on the bundled corpus), started in a fresh process with a fresh data folder, sent one
 * `/briefing` on stdin: the time from the spawn to the first line of the answer on stdout. The first start
 * fills the analysis cache; the median of the next five is the figure (a restart, as users meet it).
 *
 * Needs `npm run build` first (`npm run bench` runs it). Usage: `tsx bench/console-start.ts [TOPIC]`
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const MAIN = path.resolve('dist/src/main.js');

/** Milliseconds from the spawn to the answer's first line; rejects when none comes within `limitMs`. */
function firstAnswer(dataDir: string, command: string, limitMs = 60_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, BRIEFING_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    delete env.DISCORD_TOKEN;
    delete env.TELEGRAM_BOT_TOKEN;
    const t0 = performance.now();
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no answer from ${MAIN} within ${limitMs / 1000} s; stderr: ${err.slice(-500)}`));
    }, limitMs);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (!out.includes('\n')) return;
      const ms = performance.now() - t0;
      clearTimeout(timer);
      child.kill('SIGTERM');
      resolve(ms);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      if (out.includes('\n')) return;
      clearTimeout(timer);
      reject(new Error(`${MAIN} exited (${code}) before answering; stderr: ${err.slice(-500)}`));
    });
    child.stdin.end(`${command}\n`);
  });
}

/** The console start figures: first start (cache filled) and the median restart. */
export async function consoleStartFigures(topic: string, log: (label: string, value: number, unit: string) => void): Promise<Record<string, number>> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'briefing-console-bench-'));
  try {
    const first = await firstAnswer(dataDir, `/briefing ${topic}`);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(await firstAnswer(dataDir, `/briefing ${topic}`));
    runs.sort((a, b) => a - b);
    const figures = { console_first_start_ms: first, console_restart_first_answer_ms: runs[2] ?? 0 };
    log('npm start (console, seed): first start', first, 'ms');
    log('  restart, first /briefing answered', figures.console_restart_first_answer_ms, 'ms');
    return figures;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await consoleStartFigures(process.argv[2] ?? 'peace-talks', (label, value, unit) =>
    console.log(`${label.padEnd(40)} ${value.toFixed(0).padStart(8)} ${unit}`),
  );
  console.log(JSON.stringify(figures));
}
