/** Slash-command JSON derived from the command definitions (for `npm run deploy-commands` and tests). */
import { ApplicationCommandOptionType, PermissionFlagsBits, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { CommandDefinition } from '../../commands/command.ts';
import { COMMANDS } from '../../commands/registry.ts';

const AUTOCOMPLETED = new Set(['topic', 'person', 'schedule', 'timezone', 'id']);

/** One command as Discord's application-command JSON: typed string options, autocomplete where useful. */
export function toSlashCommand(def: CommandDefinition): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const options = [...def.options]
    .sort((a, b) => Number(b.required) - Number(a.required))
    .map((o) => ({
      type: ApplicationCommandOptionType.String as const,
      name: o.name,
      description: o.description.slice(0, 100),
      required: o.required,
      max_length: o.maxLength,
      ...(AUTOCOMPLETED.has(o.kind) ? { autocomplete: true } : {}),
    }));
  return {
    name: def.name,
    description: def.description.slice(0, 100),
    ...(options.length ? { options } : {}),
    ...(def.admin ? { default_member_permissions: String(PermissionFlagsBits.ManageChannels) } : {}),
  };
}

/** Every command as slash-command JSON. */
export function slashCommands(defs: readonly CommandDefinition[] = COMMANDS): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return defs.map(toSlashCommand);
}
