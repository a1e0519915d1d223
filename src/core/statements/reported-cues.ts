/**
 * Shapes in which a verb that is often no speech verb still reports what someone said, read after the cheap word
 * lookups of cues.ts: `the Herald reported that …`, `…, the agency reported on Tuesday.` (a report with its clause or
 * after what it reports, not `reported higher exports`).
 *
 * General English only: no names.
 */
import type { Token } from './tokens.ts';
import { CALENDAR_WORDS, TIME_WORDS } from './vocabulary.ts';

/** Skips a time phrase right after a verb (`on Tuesday`, `last week`, `Monday`, `earlier`); returns the next index. */
function afterTime(tokens: Token[], k: number, hi: number): number {
  for (let n = 0; n < 3 && k <= hi; n++) {
    const t = tokens[k]!;
    if (/^(earlier|later|yesterday|today|late|again|also|first|previously|recently)$/.test(t.lc)) k++;
    else if (CALENDAR_WORDS.has(t.lc) && t.cap && !/^(may|march)$/.test(t.lc)) k++;
    else if (/^(on|last|this|early)$/.test(t.lc) && (TIME_WORDS.has(tokens[k + 1]?.lc ?? '') || CALENDAR_WORDS.has(tokens[k + 1]?.lc ?? ''))) k += 2;
    else break;
  }
  return k;
}

/**
 * `reported` as speech without a quotation: followed (after a time phrase) by `that` and a clause, or ending what it
 * reports (`…, the agency reported.`, `…, the paper reported on Monday, …`). An object after it is a result reported
 * (`reported a loss`), not speech.
 */
export function reportsClause(tokens: Token[], i: number, hi: number): boolean {
  const k = afterTime(tokens, i + 1, hi);
  if (k > hi) return true;
  const t = tokens[k]!;
  if (t.lc === 'that') return hi - k >= 3;
  return t.type === 'p' && /^(\.|,|;|—|–|--|\))$/.test(t.lc);
}
