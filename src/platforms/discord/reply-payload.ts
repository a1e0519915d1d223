/** A Reply as a Discord message payload: one embed page, page buttons, a choice menu, and no mentions ever. */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow, type APIEmbed } from 'discord.js';
import type { ReplyChoice } from '../../reply/reply.ts';
import { cut } from '../shared/text-safety.ts';
import { DISCORD_LIMITS } from './discord-limits.ts';
import type { PageSession } from './page-sessions.ts';

/** Mentions parsed from message content: none. */
export const NO_MENTIONS = { parse: [] as [] };

/** A message payload as sent with reply/editReply/update. */
export interface DiscordPayload {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowedMentions: typeof NO_MENTIONS;
}

/** Choices that fit a select menu (unique values of at most 100 characters, at most 25). */
export function selectableChoices(choices: ReplyChoice[]): ReplyChoice[] {
  const seen = new Set<string>();
  return choices
    .filter((c) => c.command.trim().length > 0 && c.command.length <= DISCORD_LIMITS.selectValue && !seen.has(c.command) && seen.add(c.command))
    .slice(0, DISCORD_LIMITS.selectOptions);
}

/** Page `page` of a session, with Previous/Next buttons (when paged) and the choice menu (when any). */
export function sessionPayload(session: PageSession | undefined, pages: APIEmbed[], choices: ReplyChoice[], page = 0): DiscordPayload {
  const n = Math.min(Math.max(0, page), pages.length - 1);
  const components: DiscordPayload['components'] = [];
  if (session && pages.length > 1) {
    components.push({
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Previous', custom_id: `pg:${session.id}:${n - 1}`, disabled: n === 0 },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: `${n + 1}/${pages.length}`, custom_id: `pg:${session.id}:noop`, disabled: true },
        { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Next', custom_id: `pg:${session.id}:${n + 1}`, disabled: n === pages.length - 1 },
      ],
    });
  }
  const selectable = selectableChoices(choices);
  if (session && selectable.length) {
    components.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: `ch:${session.id}`,
          placeholder: 'Pick one',
          options: selectable.map((c) => ({ label: cut(c.label.trim(), DISCORD_LIMITS.selectLabel) || cut(c.command.trim(), 100), value: c.command })),
        },
      ],
    });
  }
  return { embeds: pages.length ? [pages[n]!] : [], components, allowedMentions: NO_MENTIONS };
}
