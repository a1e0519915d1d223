/** Autocomplete suggestions for an option being typed: topics, people, schedules, time zones. */
import type { Briefing } from '../../core/briefing.ts';
import type { OptionKind } from '../../commands/command.ts';
import { SCHEDULE_WORDS } from '../../commands/defs/subscribe.ts';
import { cut } from '../shared/text-safety.ts';
import { DISCORD_LIMITS } from './discord-limits.ts';

/** One autocomplete choice (`name` shown, `value` sent). */
export interface AutocompleteChoice {
  name: string;
  value: string;
}

const SCHEDULE_EXAMPLES = ['daily 08:00', 'weekdays 08:00', 'weekdays 18:30', 'weekends 10:00', 'weekly mon 09:00', 'hourly', '0 8 * * 1-5'];
const ZONE_EXAMPLES = ['UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Sydney'];

function rank(values: AutocompleteChoice[], typed: string): AutocompleteChoice[] {
  const q = typed.trim().toLowerCase();
  const scored = values
    .map((v) => {
      const name = v.name.toLowerCase();
      const value = v.value.toLowerCase();
      const score = !q ? 1 : name.startsWith(q) || value.startsWith(q) ? 3 : name.includes(q) || value.includes(q) ? 2 : 0;
      return { v, score };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  return scored.slice(0, DISCORD_LIMITS.autocompleteChoices).map((x) => ({
    name: cut(x.v.name, DISCORD_LIMITS.choiceName) || x.v.value.slice(0, 100),
    value: x.v.value.slice(0, DISCORD_LIMITS.choiceValue),
  }));
}

/** Suggestions for an option of `kind` given what was typed so far (at most 25, each within Discord's limits). */
export function autocomplete(briefing: Briefing, kind: OptionKind, typed: string): AutocompleteChoice[] {
  switch (kind) {
    case 'topic': {
      // For multi-topic options, complete the last word and keep the earlier ones.
      const words = typed.split(/[\s,]+/);
      const last = words.pop() ?? '';
      const prefix = words.filter(Boolean).join(' ');
      return rank(
        briefing.topics().map((t) => ({ name: `${t.title} (${t.id})`, value: t.id })),
        last,
      ).map((c) => (prefix ? { name: cut(`${prefix} ${c.value}`, 100), value: `${prefix} ${c.value}`.slice(0, 100) } : c));
    }
    case 'person':
      return rank(
        [...briefing.speakers()]
          .sort((a, b) => b.count - a.count)
          .map((s) => ({
            name:
              s.aliases.length > 1
                ? `${s.name} (${s.aliases
                    .filter((a) => a !== s.name)
                    .slice(0, 2)
                    .join(', ')})`
                : s.name,
            value: s.name,
          })),
        typed,
      );
    case 'schedule':
      return rank(
        [...SCHEDULE_EXAMPLES, ...SCHEDULE_WORDS].map((s) => ({ name: s, value: s })),
        typed,
      );
    case 'timezone': {
      const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ZONE_EXAMPLES;
      return rank(
        (typed.trim() ? ['UTC', ...all] : ZONE_EXAMPLES).map((z) => ({ name: z, value: z })),
        typed,
      );
    }
    default:
      return [];
  }
}
