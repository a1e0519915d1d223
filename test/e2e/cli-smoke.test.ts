/** Two real subprocess runs of the command line, as scripts call it; everything else runs in-process. */
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBriefing } from '../helpers/run-cli.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('briefing as a process', { timeout: 120_000 }, () => {
  it('bin/briefing.mjs --version prints the package version', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/briefing.mjs'), '--version'], { cwd: root, encoding: 'utf8', timeout: 110_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('digest --corpus DIR --json prints one JSON document and nothing else on stdout', () => {
    const r = runBriefing(['digest', 'summits', '--corpus', 'briefings/corpus', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { topic: string }).topic).toBe('summits');
  });
});
