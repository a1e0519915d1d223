import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The result of running the `briefing` command line. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const root = path.resolve(import.meta.dirname, '../..');

/** Runs `briefing ARGS` in a child process from the project root, as a user would. */
export function runBriefing(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 110_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
