/** The target parser the composition builds, from the platform registry, for tests that make services directly. */
import { PLATFORMS } from '../../src/platforms/index.ts';
import { targetParser, type Target } from '../../src/scheduler/target.ts';

/** Parses targets of every registered platform. */
export const parseTarget = targetParser(PLATFORMS.flatMap((p) => (p.target ? [p.target] : [])));

/** A parsed target, or a thrown error (for fixtures). */
export function target(raw: string): Target {
  const t = parseTarget(raw);
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}
