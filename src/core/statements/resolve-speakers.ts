import type { SpeakersConfig } from '../../config/briefing-config.schema.ts';
import type { Speaker, Statement } from '../model.ts';
import type { ExtractedStatement } from './extract-statements.ts';

/** Merges speakers across articles and spellings and gives each statement its canonical speaker. */
export function resolveSpeakers(
  extracted: ExtractedStatement[],
  aliases?: SpeakersConfig,
): { statements: Omit<Statement, 'topics'>[]; speakers: Speaker[] } {
  // STUB: replaced by the statements implementation.
  void aliases;
  return {
    statements: extracted.map(({ mention, ...s }) => ({ ...s, speaker: mention?.name ?? null, speakerId: mention?.name ?? null })),
    speakers: [],
  };
}

/** Finds a speaker by a loose name (`zakharova`, `Zelenskyy`): the match, or the closest names. */
export function matchSpeaker(speakers: Speaker[], query: string): { speaker?: Speaker; suggestions: string[] } {
  // STUB
  const q = query.toLowerCase();
  const speaker = speakers.find((s) => s.name.toLowerCase().includes(q));
  return speaker ? { speaker, suggestions: [] } : { suggestions: speakers.slice(0, 3).map((s) => s.name) };
}
