/**
 * `npm run eval`: measures the project on the real corpora kept beside it in `../shared/`
 * (PolNeAR for who said what, DUC 2007 for digests and "what's new"). Each part says so and is
 * skipped when its data is missing; the texts are read from there and never copied into the project.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));

interface Part {
  name: string;
  data: string;
  script: string;
}

const parts: Part[] = [
  { name: 'polnear', data: join(shared, 'polnear', 'train'), script: join(root, 'scripts', 'eval-polnear.ts') },
  { name: 'duc2007', data: join(shared, 'duc2007', 'run.mjs'), script: join(root, 'scripts', 'eval-duc.ts') },
];

let failed = false;
for (const part of parts) {
  if (only.length && !only.includes(part.name)) continue;
  process.stdout.write(`\n== ${part.name} ==\n`);
  if (!existsSync(part.data)) {
    process.stdout.write(`${part.name}: skipped, ${part.data} is missing (put the shared data folder beside the project as ../shared)\n`);
    continue;
  }
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const run = spawnSync(tsx, [part.script], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    failed = true;
    process.stderr.write(`${part.name}: ${part.script} exited with ${run.status ?? run.signal}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
