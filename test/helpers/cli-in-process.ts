/** Runs the `briefing` command line in this process (the same commander program as `bin/briefing.mjs`), capturing its output. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/program.ts';

/** What one run printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of one run. */
export interface CliRunOptions {
  /** Variables on top of a clean environment (no tokens; the data folder in a fresh temporary folder). */
  env?: Record<string, string | undefined>;
  apiRoots?: Record<string, string | undefined>;
  now?: () => Date;
}

/** A fresh temporary data folder (removed by the caller or left to the OS). */
export function tempDataDir(prefix = 'briefing-data-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Runs `briefing ARGV` in-process; never touches `./data` unless told to. */
export async function cli(argv: string[], opts: CliRunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const env = { PATH: process.env.PATH, BRIEFING_DATA_DIR: opts.env?.BRIEFING_DATA_DIR ?? tempDataDir(), ...opts.env };
  const code = await runCli(argv, {
    env,
    io: {
      out: (t) => {
        stdout += t;
      },
      err: (t) => {
        stderr += t;
      },
    },
    ...(opts.apiRoots ? { apiRoots: opts.apiRoots } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  return { code, stdout, stderr };
}
