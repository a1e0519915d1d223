import type { Statement } from '../core/model.ts';

/**
 * One statement as a reader expects it: a direct quote in quotation marks after the speaker; reported
 * speech as the speaker, the speech verb and what was said (`Anna Novak dismissed the idea outright`),
 * falling back to `speaker: text` where the cue is no finite verb (`according to`, `stating`).
 */
export function statementLine(s: Pick<Statement, 'speaker' | 'kind' | 'text' | 'cue'>): string {
  const who = s.speaker ?? 'Unknown speaker';
  if (s.kind === 'direct') return `${who}: “${s.text}”`;
  const cue = s.cue.trim();
  const finite = cue !== '' && !/^(according|as reported)\b/i.test(cue) && !/ing$/i.test(cue.split(/\s+/)[0] ?? '');
  return finite ? `${who} ${cue} ${s.text}` : `${who}: ${s.text}`;
}
