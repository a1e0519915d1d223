import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';

/** The tsx command line (what `npm start` runs), resolved from its package so no npm process sits in between. */
const require = createRequire(import.meta.url);
const tsxPkg = require.resolve('tsx/package.json');
const tsxBin = (JSON.parse(readFileSync(tsxPkg, 'utf8')) as { bin: string | Record<string, string> }).bin;
const TSX_CLI = path.join(path.dirname(tsxPkg), typeof tsxBin === 'string' ? tsxBin : tsxBin.tsx!);

const CLEAN_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|TELEGRAM_|BRIEFING_|LOG_|RATE_LIMIT)/.test(k))) as Record<
  string,
  string
>;

/** A fresh data folder per run: the bot never writes into the repository. */
const dataDir = () => mkdtempSync(path.join(os.tmpdir(), 'console-data-'));

/** Runs `tsx src/main.ts` (as `npm start` does) with piped stdin; resolves with its output and exit code. */
function runMain(input: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX_CLI, 'src/main.ts'], {
      env: { ...CLEAN_ENV, LOG_FORMAT: 'json', BRIEFING_DATA_DIR: dataDir(), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += String(d)));
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('console end to end (npm start with no tokens, piped)', { timeout: 90_000 }, () => {
  it('answers piped commands in plain text, logs only to stderr, and exits 0 at end of input', async () => {
    const { code, stdout, stderr } = await runMain('/topics\n/briefing\n/sources\n/nonsense\n/help\n', { LOG_LEVEL: 'info' });
    expect(code).toBe(0);
    expect(stdout).toContain('== Topics ==');
    expect(stdout).toContain('== Pick a topic ==');
    expect(stdout).toContain('== Sources ==');
    expect(stdout).toContain('! No command /nonsense');
    expect(stdout).toContain('== Commands ==');
    expect(stdout).not.toMatch(/"level":|^> /m);
    expect(stderr).toMatch(/"level":30/);
  });

  it('runs a topic digest with citations in brackets, logging nothing at info', async () => {
    const topic = (await loadConfig('config')).briefing.topics[0]!.id;
    const run = await runMain(`/briefing ${topic}\n`);
    expect(run.code).toBe(0);
    // Console mode logs at warn unless asked: nothing at info interleaves with the chat.
    expect(run.stderr).not.toMatch(/"level":30/);
    const points = run.stdout.split('\n').filter((l) => l.startsWith('  * '));
    expect(points.length).toBeGreaterThan(0);
    for (const p of points) expect(p).toMatch(/\[[^\]]+\]$/);
  });

  it('stops with one line naming a malformed variable, without echoing it', async () => {
    const { code, stderr, stdout } = await runMain('', { TELEGRAM_TOKEN: 'not-a-token-secret-value' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/TELEGRAM_TOKEN is malformed/);
    expect(stderr).not.toContain('not-a-token-secret-value');
  });

  it('stops cleanly on SIGTERM while waiting for input', async () => {
    // Node itself with tsx's loader, not tsx's CLI: the CLI relays a signal through a second process and
    // SIGKILLs the bot when it has not acknowledged within 30 ms, which a loaded machine can miss.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...CLEAN_ENV, LOG_FORMAT: 'json', LOG_LEVEL: 'info', BRIEFING_DATA_DIR: dataDir() },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    const running = new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += String(d);
        if (stderr.includes('briefing bot running')) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await running;
    child.kill('SIGTERM');
    const code = await exited;
    expect(stderr).toContain('"signal":"SIGTERM"');
    expect(code).toBe(0);
  });

  it('with LOG_FILE, the console chat logs to that file and nothing to the terminal', async () => {
    const data = dataDir();
    const logFile = path.join(data, 'logs', 'bot.log');
    const { code, stdout, stderr } = await runMain('/topics\n', { LOG_LEVEL: 'info', LOG_FILE: logFile, BRIEFING_DATA_DIR: data });
    expect(code).toBe(0);
    expect(stdout).toContain('== Topics ==');
    expect(stderr).toBe('');
    expect(existsSync(logFile)).toBe(true);
    expect(readFileSync(logFile, 'utf8')).toContain('briefing bot running');
    expect(existsSync(path.join(data, 'briefing.db'))).toBe(true);
    expect(existsSync(path.join(data, 'corpus'))).toBe(true);
  });
});
