/**
 * Reads a corpus folder from disk: every `.txt` and `.md` file, in sorted order. Bad files become
 * one `InputIssue` each (empty, binary, invalid UTF-8, too large, broken front matter, no content)
 * and every other file still loads.
 */
import { mapLimited } from './map-limited.ts';
import { lstatSync } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ArticleAnalysis } from '../core/briefing.ts';
import { articleId, parseArticle } from '../core/corpus/parse-article.ts';
import type { Article, InputIssue } from '../core/model.ts';
import { finish, parsedNow, parsing, type FileStamp, type LoadedFile, type ParseOptions, type ReadFile } from './parse-files.ts';

export { WORKER_THRESHOLD, type FileStamp, type LoadedFile } from './parse-files.ts';

/** Files larger than this are refused without being read (5 MB). */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** File name endings read as articles. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md'] as const;

/** Options of `loadCorpus` and `loadArticleFile` (how files are parsed: `ParseOptions`). */
export interface LoadOptions extends ParseOptions {
  /** Largest file accepted, in bytes. */
  maxBytes?: number;
  /** How many files are read at once. */
  concurrency?: number;
  /**
   * The folder every article must really be in: a symbolic link that leads out of it is refused.
   * Default: the folder that holds the file (for `loadCorpus`, the corpus folder).
   */
  root?: string;
  /**
   * A parse made earlier of the file at this path with exactly this size and these times (the analysis
   * cache), used without reading the file at all.
   */
  known?: (stamp: FileStamp) => LoadedFile | undefined;
}

function fail(file: string, code: InputIssue['code'], message: string): LoadedFile {
  return { issues: [{ file, code, message, severity: 'error' }] };
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/** True when the bytes look like binary data: a NUL byte, or many control characters. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Byte offset of the first invalid UTF-8 sequence, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}

/**
 * Loads one article file: checks its size before reading it, refuses binary data, invalid UTF-8 and
 * symbolic links out of its folder, strips a BOM, parses it, and sets `addedAt` from the file's
 * modification time. Issues name the file by its base name.
 */
export async function loadArticleFile(path: string, options: LoadOptions = {}): Promise<LoadedFile> {
  const read = await readArticleFile(path, options);
  if (!('raw' in read)) return read;
  const reused = options.reuse?.(read.file, read.raw, read.stamp);
  return finish(read, reused ?? parsedNow(read, parseArticle(read.file, read.raw, options.limits), options));
}

/** Reads and checks one article file (everything `loadArticleFile` does but parsing). */
async function readArticleFile(path: string, options: LoadOptions, plain?: string): Promise<ReadFile | LoadedFile> {
  const file = basename(path);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!isArticleFile(file)) {
    return fail(file, 'unreadable', `only .txt and .md files are read as articles; rename ${file} or convert it to plain text`);
  }
  let info: Awaited<ReturnType<typeof stat>>;
  let real: string;
  try {
    // `plain`: the folder listing said this is a regular file (no link) in the resolved corpus folder.
    const listed = plain ? await lstat(plain) : undefined;
    // Replaced by a link since the listing: resolved and checked like any link.
    if (!listed?.isFile()) plain = undefined;
    real = plain ?? (await realpath(path));
    info = plain && listed ? listed : await stat(real);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(file, 'unreadable', code === 'ENOENT' ? `no such file at ${path}` : `cannot be read (${code ?? String(err)})`);
  }
  if (!plain && !(await isInside(options.root ?? dirname(path), real))) {
    return fail(
      file,
      'unreadable',
      `${file} is a symbolic link to a file outside the corpus folder, which is not read; copy the article into the folder instead`,
    );
  }
  if (!info.isFile()) return fail(file, 'unreadable', `${path} is not a regular file; give the path of a .txt or .md article`);
  if (info.size === 0) return fail(file, 'empty', 'the file is empty; an article needs at least a sentence of text');
  if (info.size > maxBytes) {
    return fail(
      file,
      'too_large',
      `the file is ${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} limit for one article; split it or remove what is not article text`,
    );
  }
  const stamp: FileStamp = { path: real, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs };
  const known = options.known?.(stamp);
  if (known) return finish(info, known);
  let bytes: Uint8Array;
  try {
    const handle = await open(real, 'r');
    try {
      // Read at most maxBytes + 1 even if the file grew since stat.
      const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      if (bytesRead > maxBytes) {
        return fail(file, 'too_large', `the file is over the ${formatBytes(maxBytes)} limit for one article; split it or remove what is not article text`);
      }
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    return fail(file, 'unreadable', `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail(file, 'invalid_utf8', 'the file is UTF-16 text, not UTF-8; re-save it with UTF-8 encoding');
  }
  if (looksBinary(bytes)) return fail(file, 'binary', 'the file holds binary data, not text; save the article as plain UTF-8 text');
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return fail(file, 'invalid_utf8', `the file is not valid UTF-8${at >= 0 ? ` (first bad byte at offset ${at})` : ''}; re-save it with UTF-8 encoding`);
  }
  if (raw.replace(/^\uFEFF/, '').trim() === '') return fail(file, 'empty', 'the file holds only white space; an article needs at least a sentence of text');
  return { file, raw, mtime: info.mtime, stamp };
}

/** True when `target` (a resolved path) lies inside the folder `root` once both are resolved. */
async function isInside(root: string, target: string): Promise<boolean> {
  const base = await realpath(root).catch(() => resolve(root));
  const rel = relative(base, target);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** True for file names read as articles (`.txt`, `.md`, any case; hidden files skipped). */
export function isArticleFile(name: string): boolean {
  const lower = name.toLowerCase();
  return !name.startsWith('.') && ARTICLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** What `loadCorpus` gives. */
export interface LoadedCorpus {
  articles: Article[];
  issues: InputIssue[];
  /** With `analyse`: the analyses the workers made, by article id (of articles parsed in a worker). */
  analyses?: Map<string, ArticleAnalysis>;
}

/**
 * Loads every `.txt` and `.md` file of `dir`, in sorted file-name order. Returns the articles that
 * loaded and one issue per bad file; a missing folder is one `missing_folder` issue. Two files
 * with the same id (`a.txt`, `a.md`) keep distinct ids: the second gets its extension appended.
 */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<LoadedCorpus> {
  let names: string[];
  let plain: Set<string>;
  let base: string;
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) {
      return {
        articles: [],
        issues: [
          {
            file: dir,
            code: 'missing_folder',
            severity: 'error',
            message: `${dir} is a file, not a folder; give the folder that holds the .txt and .md articles`,
          },
        ],
      };
    }
    const entries = await readdir(dir, { withFileTypes: true });
    plain = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
    names = entries
      .map((e) => e.name)
      .filter(isArticleFile)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    base = await realpath(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(err)})`;
    return {
      articles: [],
      issues: [
        { file: dir, code: 'missing_folder', severity: 'error', message: `corpus folder ${dir} ${why}; give an existing folder of .txt or .md articles` },
      ],
    };
  }
  // A file whose stamp the cache knows is not read: stamps are taken in one synchronous pass (a status
  // call costs microseconds; queued on the thread pool, each costs far more).
  const known = new Map<string, LoadedFile>();
  if (options.known) {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    for (const name of names) {
      if (!plain.has(name)) continue;
      const real = join(base, name);
      const info = lstatSync(real, { throwIfNoEntry: false });
      if (!info?.isFile() || info.size === 0 || info.size > maxBytes) continue;
      const hit = options.known({ path: real, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs });
      if (hit) known.set(name, finish(info, hit));
    }
  }
  // A regular file listed in the folder is in it: only links need resolving and checking. Each file read is
  // handed to the parse at once (to a worker, once they run), so reading and parsing overlap.
  const parse = parsing(options);
  const reads = await mapLimited(names, options.concurrency ?? 16, async (name) => {
    const read = known.get(name) ?? (await readArticleFile(join(dir, name), { root: dir, ...options }, plain.has(name) ? join(base, name) : undefined));
    return { loaded: 'raw' in read ? parse.take(read) : read };
  });
  await parse.done();
  const loaded = await Promise.all(reads.map((r) => r.loaded));
  const articles: Article[] = [];
  const issues: InputIssue[] = [];
  const analyses = new Map<string, ArticleAnalysis>();
  const ids = new Set<string>();
  for (const r of loaded) {
    issues.push(...r.issues);
    if (!r.article) continue;
    let article = r.article;
    // (An article given another id is analysed again: its statements name it by its id.)
    if (ids.has(article.id)) article = { ...article, id: `${articleId(article.file)}-${article.file.slice(article.file.lastIndexOf('.') + 1).toLowerCase()}` };
    else if (r.analysis) analyses.set(article.id, r.analysis);
    ids.add(article.id);
    articles.push(article);
  }
  return options.analyse ? { articles, issues, analyses } : { articles, issues };
}
