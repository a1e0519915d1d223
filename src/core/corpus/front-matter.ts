/**
 * Optional YAML front matter at the top of an article (`---` … `---`): title, source, published, url.
 * Unknown keys are allowed and ignored.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** `YYYY-MM-DD`, optionally followed by a time and zone (`2025-08-26T10:00:00Z`). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function isRealDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

const text = (field: string) => z.union([z.string(), z.number()], { error: `"${field}" must be text` }).transform((v) => String(v).trim());

/** The recognised front matter fields; every one optional, unknown keys kept but unused. */
export const FrontMatterSchema = z.looseObject({
  title: text('title').optional(),
  source: text('source').optional(),
  published: z
    .union([z.string(), z.date()], { error: '"published" must be an ISO date such as 2025-08-26' })
    .transform((v) => (v instanceof Date ? v.toISOString() : v.trim()))
    .refine(isRealDate, { error: '"published" must be an ISO date such as 2025-08-26 (or 2025-08-26T10:00:00Z)' })
    .transform((v) => v.slice(0, 10))
    .optional(),
  url: z
    .string({ error: '"url" must be text' })
    .trim()
    .regex(/^https?:\/\/\S+$/i, { error: '"url" must be an http(s) address such as https://example.com/story' })
    .optional(),
});

/** Validated front matter. */
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/** The result of splitting front matter from an article: the body and where it starts in the raw text. */
export type FrontMatterResult = { ok: true; data: FrontMatter; body: string; bodyStart: number } | { ok: false; message: string };

/** Longest front matter read, in characters: a few fields need far less, and YAML parsing is not free. */
const MAX_FRONT_MATTER = 16 * 1024;

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/**
 * Splits optional front matter from `raw` (BOM already stripped) and validates it.
 * Without front matter the whole text is the body. `message` names the field and what is valid.
 */
export function splitFrontMatter(raw: string): FrontMatterResult {
  const open = OPEN.exec(raw);
  if (!open) return { ok: true, data: {}, body: raw, bodyStart: 0 };
  const rest = raw.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) {
    return { ok: false, message: 'front matter opened with "---" on line 1 is never closed; end it with a line "---"' };
  }
  if (close.index > MAX_FRONT_MATTER) {
    return { ok: false, message: `front matter is over ${MAX_FRONT_MATTER / 1024} KB; keep it to a few "key: value" lines (title, source, published, url)` };
  }
  const yamlText = rest.slice(0, close.index);
  const bodyStart = open[0].length + close.index + close[0].length;
  let parsed: unknown;
  try {
    parsed = parseYaml(yamlText);
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { ok: false, message: `front matter is not valid YAML (${detail}); write it as "key: value" lines` };
  }
  if (parsed === null || parsed === undefined) return { ok: true, data: {}, body: raw.slice(bodyStart), bodyStart };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, message: 'front matter must be a YAML mapping of keys such as title, source, published, url' };
  }
  const result = FrontMatterSchema.safeParse(parsed);
  if (!result.success) {
    const first = result.error.issues[0];
    const field = first?.path.join('.') ?? '';
    const msg = first?.message ?? 'is invalid';
    const given = first?.path.length === 1 ? (parsed as Record<string, unknown>)[String(first.path[0])] : undefined;
    const shown = given === undefined ? '' : ` is ${JSON.stringify(given)}`;
    return { ok: false, message: `front matter field "${field}"${shown}: ${msg}` };
  }
  return { ok: true, data: result.data, body: raw.slice(bodyStart), bodyStart };
}
