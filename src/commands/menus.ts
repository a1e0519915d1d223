/** Menus offered when an argument is missing: the topics, the speakers. */
import type { Briefing } from '../core/briefing.ts';
import type { ReplyChoice } from '../reply/reply.ts';
import { clip } from './reply-helpers.ts';

/** One choice per topic, running `/command topic-id`. */
export function topicChoices(briefing: Briefing, command: string): ReplyChoice[] {
  return briefing
    .topics()
    .slice(0, 25)
    .map((t) => ({ label: clip(t.title || t.id, 80), command: `/${command} ${t.id}` }));
}

/** One choice per speaker (most quoted first), running `/command Name`. */
export function speakerChoices(briefing: Briefing, command: string, max = 25): ReplyChoice[] {
  return [...briefing.speakers()]
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, max)
    .map((s) => ({ label: clip(s.name, 80), command: `/${command} ${s.name}` }));
}
