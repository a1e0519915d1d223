import type { TopicDef } from '../model.ts';
import { parseQuery } from './query-parser.ts';

/**
 * Whether a free text names a configured topic: its id or title exactly (case, spacing and
 * punctuation aside), or with the same subject words as the title or id (`the sanctions`, `Sanctions?`,
 * `security guarantee`). A longer question is not a topic name; a typo is left to "did you mean".
 */

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The configured topic a free text closely matches, if any. */
export function matchTopic(text: string, topics: readonly TopicDef[]): TopicDef | undefined {
  const q = norm(text);
  if (!q) return undefined;
  const asked = new Set(parseQuery(text).terms.map((t) => t.stem));
  for (const t of topics) {
    if (q === norm(t.id) || q === norm(t.title)) return t;
  }
  if (asked.size === 0) return undefined;
  for (const t of topics) {
    for (const name of [t.title, t.id]) {
      const own = new Set(parseQuery(name).terms.map((x) => x.stem));
      if (own.size === asked.size && [...own].every((s) => asked.has(s))) return t;
    }
  }
  return undefined;
}
