/** Loads the seed corpus articles for the corpus tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../../../src/core/corpus/parse-article.ts';
import type { Article } from '../../../src/core/model.ts';

/** The seed corpus folder. */
export const SEED_DIR = join(import.meta.dirname, '../../../briefings/corpus');

/** Raw text of a seed file whose name starts with `prefix` (`'002'`). */
export function seedRaw(prefix: string): { file: string; raw: string } {
  const file = readdirSync(SEED_DIR).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed file starting with ${prefix} in ${SEED_DIR}`);
  return { file, raw: readFileSync(join(SEED_DIR, file), 'utf8') };
}

/** The parsed seed article whose file name starts with `prefix`. */
export function seed(prefix: string): Article {
  const { file, raw } = seedRaw(prefix);
  const parsed = parseArticle(file, raw);
  if (!parsed.article) throw new Error(`seed ${file} did not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.article;
}

/** Parses text that must give an article. */
export function parse(raw: string, file = 'sample.txt'): Article {
  const parsed = parseArticle(file, raw);
  if (!parsed.article) throw new Error(`did not parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.article;
}
