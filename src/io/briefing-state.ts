/**
 * The briefing's corpus-wide state kept next to the analysis cache (`briefing-state.json` in its folder),
 * so a restart does not recompute what the last process computed over the same articles: the topic
 * index, the merged disputes and the timeline merge (`Briefing.saved`).
 *
 * Keys. The file names the engine and config it was made with (the analysis cache's key) and, for every
 * article it covers, the analysis cache's key of that article's file (its name, exact text and parser).
 * It is used only when all of those still hold: one article changed, gone or now a duplicate, another
 * engine or another topic config, and it is ignored whole (the state is computed afresh and written
 * again). Articles that are new since are added to it as a running bot adds them.
 *
 * Format. Two text lines: a header `briefing-state <format>`, then `<crc32 of the JSON, 8 hex digits>
 * <JSON>`. A wrong header, checksum, JSON or shape is never trusted: it is logged and the state rebuilt.
 * Written to a temporary file, then renamed. Writing never fails the bot: a failure is logged.
 */
import { readFile, rename, rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { SavedBriefing } from '../core/briefing.ts';

/** The format of the file; a file of another format is ignored and rewritten. */
export const STATE_FORMAT = 1;
const HEADER = `briefing-state ${STATE_FORMAT}`;
/** The state file's name in the cache folder. */
export const STATE_FILE = 'briefing-state.json';

const crc = (s: string | Buffer): string => (zlib.crc32(s) >>> 0).toString(16).padStart(8, '0');

const span = z.object({ start: z.number(), end: z.number() });
const evidence = z.object({ article: z.string(), sentence: z.number().int(), span });
const side = z
  .object({
    text: z.string(),
    speaker: z.string().nullable(),
    speakerId: z.string().nullable(),
    evidence: z.array(evidence),
    articles: z.array(z.string()),
  })
  .passthrough();
const candidate = z.object({
  a: z.string(),
  s: z.number().int().nonnegative(),
  sc: z.number(),
  r: z.number(),
  t: z.string(),
  sp: z.tuple([z.number(), z.number()]),
  st: z.array(z.string()),
  w: z.literal(1).optional(),
  l: z.number().optional(),
});
const schema = z.object({
  key: z.string(),
  articles: z.array(z.tuple([z.string(), z.string()])),
  saved: z.object({
    covered: z.array(z.string()),
    articles: z.array(z.string()).optional(),
    duplicates: z
      .object({
        copies: z.array(z.tuple([z.string(), z.string()])),
        issues: z.array(z.object({ file: z.string(), code: z.string(), severity: z.string(), message: z.string() }).passthrough()),
      })
      .optional(),
    topicIndex: z
      .object({
        format: z.number(),
        minScore: z.number().optional(),
        basis: z.number(),
        df: z.array(z.tuple([z.string(), z.number()])),
        count: z.number(),
        topics: z.array(z.object({ id: z.string(), candidates: z.array(candidate), clusters: z.array(z.array(z.number().int())) })),
      })
      .optional(),
    disputes: z
      .object({
        merged: z.array(
          z.object({
            dispute: z.object({ claim: side, counter: side, cue: z.string(), topics: z.array(z.string()) }).passthrough(),
            claimWords: z.array(z.string()),
          }),
        ),
      })
      .optional(),
    // Checked part by part when restored (`restoreTimeline`): a malformed one is merged afresh.
    timeline: z.object({ format: z.number() }).passthrough().optional(),
  }),
});

/** The state file as read: the engine/config key, each covered article's file key, and the state. */
export interface StoredState {
  key: string;
  /** `[article id, analysis-cache key of its file]`. */
  articles: [string, string][];
  saved: SavedBriefing;
}

/** Reads the state file of a cache folder; undefined when missing, or (logged) when it cannot be trusted. */
export async function readBriefingState(dir: string, logger?: Logger): Promise<StoredState | undefined> {
  const file = path.join(dir, STATE_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') logger?.warn({ file, err }, 'briefing state unreadable; it is computed afresh');
    return undefined;
  }
  const bad = (why: string) => {
    logger?.warn({ file }, `briefing state ${why}; it is computed afresh`);
    return undefined;
  };
  const nl = text.indexOf('\n');
  if (nl < 0 || text.slice(0, nl) !== HEADER) return bad('has another format');
  const body = text.slice(nl + 1).replace(/\n$/, '');
  const json = body.slice(9);
  if (body[8] !== ' ' || body.slice(0, 8) !== crc(json)) return bad('is damaged (checksum)');
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    if (!parsed.success) return bad('has a wrong shape');
    return parsed.data as unknown as StoredState;
  } catch {
    return bad('is damaged (JSON)');
  }
}

/** Writes the state file (temporary file, then rename); a failure is logged, never thrown. */
export async function writeBriefingState(dir: string, state: StoredState, logger?: Logger): Promise<boolean> {
  const file = path.join(dir, STATE_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const json = JSON.stringify(state);
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, `${HEADER}\n${crc(json)} ${json}\n`);
    await rename(tmp, file);
    return true;
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    logger?.warn({ file, err }, 'briefing state could not be written; the next start computes it afresh');
    return false;
  }
}

/**
 * The saved state to start from, when `stored` still holds: same engine and config key, and every
 * article it covers still loaded from the same file text (`keyOf` gives the current key of an article id).
 */
export function usableState(stored: StoredState | undefined, key: string, keyOf: (id: string) => string | undefined): SavedBriefing | undefined {
  if (!stored || stored.key !== key) return undefined;
  const keys = new Map(stored.articles);
  for (const id of [...stored.saved.covered, ...(stored.saved.articles ?? [])]) {
    const k = keys.get(id);
    if (k === undefined || keyOf(id) !== k) return undefined;
  }
  return stored.saved;
}
