/**
 * Fingerprints of the engine's code, so a stored analysis is used only by the engine that made it: the
 * parser's (`core/corpus/` and the model) for stored parses, the whole engine's for stored analyses.
 * They hash the engine's own source files (the TypeScript under tsx, the compiled JavaScript in a build),
 * so any change to the code invalidates exactly what it produced, with no version number to forget;
 * `ANALYSIS_VERSION` is bumped by hand for what the files do not show (a dependency's new behaviour).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANALYSIS_VERSION } from '../core/analyse-article.ts';

/** The two fingerprints. */
export interface EngineFingerprint {
  /** Changes when the parser (or the model) changes. */
  parser: string;
  /** Changes when anything in the engine changes. */
  engine: string;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(full)));
    else if (/\.(ts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

let cached: Promise<EngineFingerprint> | undefined;

/** The fingerprints of the engine this process runs (computed once). */
export function engineFingerprint(): Promise<EngineFingerprint> {
  cached ??= (async () => {
    const core = fileURLToPath(new URL('../core/', import.meta.url));
    const files = await sourceFiles(core);
    const parser = createHash('sha256').update(`v${ANALYSIS_VERSION}`);
    const engine = createHash('sha256').update(`v${ANALYSIS_VERSION}`);
    for (const file of files) {
      const rel = path.relative(core, file).split(path.sep).join('/');
      const body = await readFile(file);
      engine.update(rel).update(body);
      if (rel.startsWith('corpus/') || /^model\.(ts|js)$/.test(rel)) parser.update(rel).update(body);
    }
    return { parser: parser.digest('hex').slice(0, 16), engine: engine.digest('hex').slice(0, 16) };
  })();
  return cached;
}
