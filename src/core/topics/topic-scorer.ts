import type { TopicDef } from '../model.ts';

/** Topics compiled for fast scoring of many sentences. */
export interface CompiledTopics {
  defs: TopicDef[];
}

/** Compiles topic definitions once, for scoring many texts. */
export function compileTopics(defs: TopicDef[]): CompiledTopics {
  // STUB: replaced by the topics implementation.
  return { defs };
}

/** Scores a text against every topic: topic id → relevance (0 = unrelated). */
export function scoreText(compiled: CompiledTopics, text: string): Record<string, number> {
  // STUB
  const out: Record<string, number> = {};
  const lower = text.toLowerCase();
  for (const t of compiled.defs) out[t.id] = t.terms.reduce((n, x) => n + (lower.includes(x.term.toLowerCase()) ? x.weight : 0), 0);
  return out;
}
