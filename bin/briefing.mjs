#!/usr/bin/env node
// The `briefing` command. In a development install (tsx present) it runs the TypeScript source, so it is
// never stale; in a production install (`npm ci --omit=dev`, the Docker image) it runs the compiled
// JavaScript from `npm run build`.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const compiled = new URL('../dist/src/cli.js', import.meta.url);
let tsx;
try {
  tsx = require.resolve('tsx/esm/api');
} catch {
  tsx = undefined;
}
if (tsx) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
} else if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  process.stderr.write('briefing: no compiled JavaScript in dist/ and no tsx to run the source; run "npm run build" first\n');
  process.exit(1);
}
