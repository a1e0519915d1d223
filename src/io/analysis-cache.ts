/**
 * The analysis cache: each article file's parse and analysis, kept in one file of the data folder so a
 * restart loads what it already knows and analyses only new or changed articles.
 *
 * Keys. A record is found by a hash of the file's name and exact text (and the read limits) under the
 * parser's fingerprint, or, without reading the file, by the file's stamp (path, size, modification and
 * change times: a write changes the change time, which no tool sets back) when it was recorded at least
 * `stampMarginMs` after both times (a file written again within the clock's tick is not trusted); its analysis is used only when it was made by the same engine (fingerprint of the
 * engine's code) with the same topics and parties (the config that changes a per-article analysis: the
 * speaker aliases and `maxPoints` are applied across the corpus, not per article) for the same article id.
 * So an engine change re-parses and re-analyses everything, a topic change re-analyses without re-parsing,
 * and a changed file re-does that file only.
 *
 * Format. Text lines: a header `briefing-analysis-cache <format>`, then one record per line,
 * `<crc32 of the JSON, 8 hex digits> <JSON>`. A record whose checksum, JSON or shape is wrong (a truncated
 * write, a damaged disk) is dropped and its article analysed again; a file with a wrong header is ignored
 * whole. New records are appended; the file is rewritten (to a temporary file, then renamed) when it holds
 * damaged or many stale records. Writing never fails the bot: a failure is logged and the cache is skipped.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Logger } from 'pino';
import type { ArticleAnalysis, EngineConfig } from '../core/briefing.ts';
import type { ParseLimits } from '../core/corpus/limits.ts';
import type { Article, InputIssue } from '../core/model.ts';
import { decodeAnalysis, decodeArticle, encodeAnalysis, encodeArticle, takeStoredForm, type StoredAnalysis, type StoredParse } from './analysis-codec.ts';
import { engineFingerprint, type EngineFingerprint } from './engine-fingerprint.ts';
import type { FileStamp, LoadedFile } from './load-corpus.ts';
import { timeSlices } from './time-slices.ts';

/** The format of the file; a file of another format is ignored and rewritten. */
export const CACHE_FORMAT = 3;
const HEADER = `briefing-analysis-cache ${CACHE_FORMAT}`;
/** The cache file's name in its folder. */
export const CACHE_FILE = 'analyses.jsonl';
/** Share of stale records (files gone or changed) above which the file is rewritten. */
const STALE_SHARE = 0.25;

/** One record as stored. */
interface StoredRecord {
  k: string;
  p: StoredParse;
  a?: { f: string; id: string; d: StoredAnalysis };
  /** The file's stamp when read: path, size, modification and change time (ms). */
  st?: [string, number, number, number];
}

/** One file's entry while the process runs: live objects, encoded only when written. */
interface Entry {
  key: string;
  issues: InputIssue[];
  article?: Article | undefined;
  /** The record read, until the first write (then undefined: fields are assigned, never deleted, so entries keep one small shape). */
  stored?: StoredRecord | undefined;
  analysis?: ArticleAnalysis | undefined;
  /** The file's stamp, once trusted to name this text. */
  stamp?: StoredRecord['st'] | undefined;
  /** Not yet in the file. */
  dirty: boolean;
  /** The file holds a record of it (an older one, once it is dirty again). */
  inFile: boolean;
}

/** What the cache found and did, for logs and the benchmark. */
export interface CacheStats {
  /** Sound records read. */
  records: number;
  /** Records dropped as damaged (checksum, JSON or shape wrong). */
  corrupt: number;
  /** Parses and analyses taken from the cache. */
  parseHits: number;
  /** Of the parses, those found by the file's stamp without reading it. */
  stampHits: number;
  analysisHits: number;
  /** Bytes of the file as read. */
  bytes: number;
}

/** A running cache over one file. */
export interface AnalysisCache {
  readonly file: string;
  readonly stats: CacheStats;
  /** The stored parse of a file's text, if sound (for `loadCorpus`'s `reuse`). */
  parsed(file: string, raw: string, stamp?: FileStamp): LoadedFile | undefined;
  /** Records a parse made now (for `loadCorpus`'s `onParsed`). */
  noteParse(file: string, raw: string, result: LoadedFile, stamp?: FileStamp): void;
  /** The stored parse of the file with this stamp, if sound (for `loadCorpus`'s `known`). */
  known(stamp: FileStamp): LoadedFile | undefined;
  /** The stored analysis of a loaded article, if made by this engine with this config for this id. */
  analysis(article: Article): ArticleAnalysis | undefined;
  /** Records an analysis made now (its article must have come through `parsed` or `noteParse`). */
  put(analysis: ArticleAnalysis): void;
  /** Writes what is new: appended, or the whole file rewritten when it holds damaged or stale records. */
  persist(): Promise<void>;
  /** The engine and config an analysis is valid for, as one key (what corpus-wide state kept beside it is keyed by too). */
  readonly analysisKey: string;
  /** The key of the file an article (by id) was last loaded from: its name, exact text and parser. */
  keyOf(articleId: string): string | undefined;
}

/** How long making the lines of a write runs before it lets the event loop run (milliseconds). */
const WRITE_SLICE_MS = 15;

const crc = (s: string | Buffer): string => (zlib.crc32(s) >>> 0).toString(16).padStart(8, '0');

/** The config that changes a per-article analysis, as one hash. */
function configHash(config: EngineConfig): string {
  return createHash('sha256')
    .update(JSON.stringify({ topics: config.topics, parties: config.parties ?? [] }))
    .digest('hex')
    .slice(0, 16);
}

function isRecord(x: unknown): x is StoredRecord {
  const r = x as StoredRecord;
  if (typeof r !== 'object' || r === null || typeof r.k !== 'string' || typeof r.p !== 'object' || r.p === null || !Array.isArray(r.p.issues)) return false;
  const st = r.st;
  return st === undefined || (Array.isArray(st) && st.length === 4 && typeof st[0] === 'string' && st.slice(1).every((n) => typeof n === 'number'));
}

const stampKey = (st: NonNullable<StoredRecord['st']>): string => st.join('\u0000');

/** Reads the sound records of a cache file; counts the damaged ones. */
async function readRecords(file: string, stats: CacheStats, logger?: Logger): Promise<{ records: Map<string, StoredRecord>; sound: boolean; lines?: number }> {
  const records = new Map<string, StoredRecord>();
  let lines = 0;
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') logger?.warn({ file, err }, 'analysis cache unreadable; analysing afresh');
    return { records, sound: (err as NodeJS.ErrnoException).code === 'ENOENT' };
  }
  stats.bytes = buf.length;
  let at = buf.indexOf(10);
  if (at < 0 || buf.toString('utf8', 0, at) !== HEADER) {
    if (buf.length > 0) logger?.warn({ file }, 'analysis cache has another format; it is rebuilt');
    return { records, sound: false };
  }
  at++;
  while (at < buf.length) {
    let end = buf.indexOf(10, at);
    const complete = end >= 0;
    if (!complete) end = buf.length;
    const line = buf.subarray(at, end);
    at = end + 1;
    if (line.length === 0) continue;
    const json = line.subarray(9);
    if (!complete || line[8] !== 32 || line.toString('latin1', 0, 8) !== crc(json)) {
      stats.corrupt++;
      continue;
    }
    try {
      const record: unknown = JSON.parse(json.toString('utf8'));
      if (!isRecord(record)) throw new Error('not a record');
      records.set(record.k, record);
      lines++;
    } catch {
      stats.corrupt++;
    }
  }
  stats.records = records.size;
  if (stats.corrupt) logger?.warn({ file, corrupt: stats.corrupt }, 'analysis cache had damaged records; they are analysed again and the file rewritten');
  return { records, sound: stats.corrupt === 0, lines };
}

/** Options of `openAnalysisCache`. */
export interface AnalysisCacheOptions {
  /** The folder of the cache file (created when first written). */
  dir: string;
  config: EngineConfig;
  limits?: ParseLimits;
  logger?: Logger;
  /** The engine's fingerprints (default: of the code this process runs; tests give others). */
  fingerprint?: EngineFingerprint;
  /** How long after a file's last write its stamp is trusted (default 2 s, past coarse file-time ticks). */
  stampMarginMs?: number;
}

/** Opens (reads) the cache of a data folder. Never throws for a bad or missing file: it starts empty. */
export async function openAnalysisCache(options: AnalysisCacheOptions): Promise<AnalysisCache> {
  const { dir, config, logger } = options;
  const file = path.join(dir, CACHE_FILE);
  const fp = options.fingerprint ?? (await engineFingerprint());
  const parseSalt = `${fp.parser}\u0000${JSON.stringify(options.limits ?? null)}`;
  const analysisKey = `${fp.engine}:${configHash(config)}`;
  const topicIds = config.topics.map((t) => t.id);
  const stats: CacheStats = { records: 0, corrupt: 0, parseHits: 0, stampHits: 0, analysisHits: 0, bytes: 0 };
  const margin = options.stampMarginMs ?? 2000;
  /** A stamp to keep: only once the file has been still for the margin. */
  const settledStamp = (st: FileStamp | undefined): StoredRecord['st'] =>
    st && Date.now() - Math.max(st.mtimeMs, st.ctimeMs) >= margin ? [st.path, st.size, st.mtimeMs, st.ctimeMs] : undefined;
  let byStamp: Map<string, StoredRecord> | undefined;
  const read = await readRecords(file, stats, logger);
  let stored: Map<string, StoredRecord> | undefined = read.records;
  // A new file is written whole (with its header); a damaged one is rewritten.
  let rewrite = !read.sound || stats.bytes === 0;
  const entries = new Map<string, Entry>();
  const byArticle = new WeakMap<Article, Entry>();
  const byId = new Map<string, Entry>();
  let writing: Promise<void> = Promise.resolve();
  let broken = false;
  /** Stale lines appended since the file was last written whole. */
  let superseded = 0;
  /** Sound lines read (a key written twice counts twice: the older line is stale). */
  let readLines = read.lines ?? 0;

  const keyOf = (name: string, raw: string) =>
    createHash('sha1').update(parseSalt).update('\u0000').update(path.basename(name)).update('\u0000').update(raw).digest('base64url');

  const remember = (key: string, result: LoadedFile, record: StoredRecord | undefined, stamp: StoredRecord['st']): void => {
    const entry: Entry = {
      key,
      issues: result.issues,
      article: undefined,
      stored: record,
      analysis: undefined,
      stamp,
      dirty: !record,
      inFile: Boolean(record),
    };
    // A file read again under another stamp (copied, touched) is written again with it.
    if (record && stamp && (!record.st || stampKey(record.st) !== stampKey(stamp))) entry.dirty = true;
    if (result.article) {
      entry.article = result.article;
      byArticle.set(result.article, entry);
      byId.set(result.article.id, entry);
    }
    entries.set(key, entry);
  };

  /** `decode()`, or undefined when the stored part is malformed: counted, and the file is rewritten without it. */
  const trusted = <T>(decode: () => T): T | undefined => {
    try {
      return decode();
    } catch {
      stats.corrupt++;
      rewrite = true;
      return undefined;
    }
  };

  /** A stored parse, decoded; undefined (and the file rewritten) when malformed. */
  const decodeParse = (record: StoredRecord): LoadedFile | undefined => {
    const result = trusted((): LoadedFile => ({ issues: record.p.issues, ...(record.p.article ? { article: decodeArticle(record.p.article) } : {}) }));
    if (result) stats.parseHits++;
    return result;
  };

  const encode = (e: Entry): StoredRecord => {
    const p: StoredParse = { issues: e.issues, ...(e.article ? { article: encodeArticle(e.article) } : {}) };
    const a = e.analysis
      ? { f: analysisKey, id: e.analysis.article.id, d: takeStoredForm(e.analysis, topicIds) ?? encodeAnalysis(e.analysis, topicIds) }
      : e.stored?.a?.f === analysisKey
        ? e.stored.a
        : undefined;
    return { k: e.key, p, ...(a ? { a } : {}), ...(e.stamp ? { st: e.stamp } : {}) };
  };
  const line = (e: Entry): string => {
    const json = JSON.stringify(encode(e));
    return `${crc(json)} ${json}\n`;
  };
  /** The lines of these entries (noted in `written` with the analysis each line holds), made in slices that let the event loop run between them (a command waits less). */
  const lines = async (list: readonly Entry[], written: Map<Entry, ArticleAnalysis | undefined>): Promise<string[]> => {
    const out: string[] = [];
    const pause = timeSlices(WRITE_SLICE_MS);
    for (const e of list) {
      written.set(e, e.analysis);
      out.push(line(e));
      const paused = pause();
      if (paused) await paused;
    }
    return out;
  };

  return {
    file,
    stats,
    analysisKey,
    keyOf: (id) => byId.get(id)?.key,
    parsed(name, raw, stamp) {
      const key = keyOf(name, raw);
      const record = stored?.get(key);
      if (!record) return undefined;
      const result = decodeParse(record);
      if (!result) return undefined;
      remember(key, result, record, settledStamp(stamp));
      return result;
    },
    noteParse(name, raw, result, stamp) {
      remember(keyOf(name, raw), result, undefined, settledStamp(stamp));
    },
    known(stamp) {
      if (!stored) return undefined;
      if (!byStamp) {
        byStamp = new Map();
        for (const r of stored.values()) if (r.st) byStamp.set(stampKey(r.st), r);
      }
      const st: NonNullable<StoredRecord['st']> = [stamp.path, stamp.size, stamp.mtimeMs, stamp.ctimeMs];
      const record = byStamp.get(stampKey(st));
      if (!record) return undefined;
      const result = decodeParse(record);
      if (!result) return undefined;
      stats.stampHits++;
      remember(record.k, result, record, st);
      return result;
    },
    analysis(article) {
      const e = byArticle.get(article);
      const a = e?.stored?.a;
      if (!e || !a || a.f !== analysisKey || a.id !== article.id || e.article?.text !== article.text) return undefined;
      const analysis = trusted(() => decodeAnalysis(a.d, article, topicIds));
      if (!analysis) return undefined;
      e.analysis = analysis;
      stats.analysisHits++;
      return analysis;
    },
    put(analysis) {
      const e = byArticle.get(analysis.article) ?? byId.get(analysis.article.id);
      if (!e || e.article?.text !== analysis.article.text) return;
      e.analysis = analysis;
      e.dirty = true;
    },
    persist() {
      const run = async () => {
        if (broken) return;
        const dirty = [...entries.values()].filter((e) => e.dirty);
        // Records of files gone or changed, and older records of entries written again, are stale.
        const stale = Math.max(0, readLines - stats.parseHits) + dirty.filter((e) => e.inFile).length + superseded;
        readLines = 0;
        if (stale > STALE_SHARE * Math.max(1, entries.size)) rewrite = true;
        stored = undefined; // only what this process saw is kept from here on
        byStamp = undefined;
        // What was read is kept no longer than needed: the live objects can re-encode it.
        for (const e of entries.values()) e.stored = undefined;
        if (!rewrite && dirty.length === 0) return;
        const written = new Map<Entry, ArticleAnalysis | undefined>();
        try {
          await mkdir(dir, { recursive: true });
          if (rewrite) {
            const tmp = `${file}.${process.pid}.tmp`;
            const parts = [`${HEADER}\n`, ...(await lines([...entries.values()], written))];
            await writeFile(tmp, parts.join(''));
            await rename(tmp, file).catch(async (err: unknown) => {
              await rm(tmp, { force: true });
              throw err;
            });
          } else {
            await appendFile(file, (await lines(dirty, written)).join(''));
          }
          if (rewrite) superseded = 0;
          else superseded += dirty.filter((e) => e.inFile).length;
          // An entry given a new analysis while its line was being made or written stays to be written.
          for (const [e, analysis] of written) {
            if (e.analysis !== analysis) continue;
            e.dirty = false;
            e.inFile = true;
          }
          rewrite = false;
        } catch (err) {
          broken = true;
          logger?.warn({ file, err }, 'analysis cache could not be written; the bot runs without it');
        }
      };
      writing = writing.then(run);
      return writing;
    },
  };
}
