/** The version of this package, read from its `package.json` (found from the source or the compiled file). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The `version` of the nearest `package.json` above this file. */
export function packageVersion(): string {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) return String((JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '0.0.0');
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}
