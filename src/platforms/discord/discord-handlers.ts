/** The Discord adapter's interaction handling: slash commands, autocomplete, page buttons, choice menus. */
import {
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Logger } from 'pino';
import type { CommandContext, CommandDeps } from '../../commands/command.ts';
import { gate } from '../../commands/invoke.ts';
import { parseCommandLine } from '../../commands/parse-text.ts';
import { findCommand } from '../../commands/registry.ts';
import type { Reply } from '../../reply/reply.ts';
import { errorReply } from '../../commands/reply-helpers.ts';
import { runCommand } from '../../commands/run-command.ts';
import type { RateLimiter } from '../../rate-limit.ts';
import { autocomplete } from './autocomplete.ts';
import { createPageSessions, type PageSessions } from './page-sessions.ts';
import { NO_MENTIONS, selectableChoices, sessionPayload } from './reply-payload.ts';
import { normaliseReply } from '../shared/normalise-reply.ts';
import { renderEmbeds } from './render-embeds.ts';

/** What the handlers need. */
export interface DiscordHandlerOptions {
  deps: CommandDeps;
  logger: Logger;
  limiter?: RateLimiter;
  sessions?: PageSessions;
}

type Repliable = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction;

const APOLOGY = errorReply('Sorry, something went wrong', 'That did not work on our side. Please try again in a moment.');
const EXPIRED = errorReply('This answer has expired', 'Run the command again for a fresh one.');
const NOT_YOURS = errorReply('Not your answer', 'Only the person who asked can use these buttons. Run the command yourself to get your own.');

function context(i: Interaction): CommandContext {
  return { target: `discord:${i.channelId ?? i.user.id}`, user: `discord:${i.user.id}` };
}

function mayManage(i: Interaction): () => Promise<boolean> {
  return async () => !i.inGuild() || (i.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false);
}

/** Sends an error only the asker sees; after a public deferral, the placeholder is removed first. */
async function sendEphemeral(i: Repliable, reply: Reply): Promise<void> {
  const payload = { embeds: renderEmbeds(reply).slice(0, 1), allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral as const };
  if (i.deferred && !i.replied) {
    await i.deleteReply();
    await i.followUp(payload);
  } else if (i.replied) await i.followUp(payload);
  else await i.reply(payload);
}

/** Sends an answer: first page plus buttons and menu, remembered for the asker. */
async function sendAnswer(i: Repliable, input: Reply, sessions: PageSessions, mode: 'reply' | 'update'): Promise<void> {
  const reply = normaliseReply(input);
  if (reply.kind === 'error' || reply.ephemeral) return sendEphemeral(i, reply);
  const pages = renderEmbeds(reply);
  const choices = reply.choices ?? [];
  const session = pages.length > 1 || selectableChoices(choices).length ? sessions.create(i.user.id, pages, choices) : undefined;
  const payload = sessionPayload(session, pages, choices, 0);
  if (mode === 'update' && !i.isChatInputCommand()) await i.update(payload);
  else if (i.deferred) await i.editReply(payload);
  else await i.reply(payload);
}

async function onCommand(i: ChatInputCommandInteraction, o: Required<Omit<DiscordHandlerOptions, 'limiter'>> & DiscordHandlerOptions): Promise<void> {
  const args = Object.fromEntries(i.options.data.map((d) => [d.name, d.value === undefined ? undefined : String(d.value)]));
  const inv = { name: i.commandName, args, ctx: context(i), mayManage: mayManage(i) };
  const refusal = await gate(o.limiter, inv);
  if (refusal === null) return;
  if (refusal) return sendEphemeral(i, refusal);
  // Defer at once: under load any answer may take longer than Discord's 3 s, and a deferred one has 15 minutes.
  await i.deferReply();
  o.logger.debug({ command: i.commandName, guild: i.guildId }, 'discord command');
  await sendAnswer(i, await runCommand(o.deps, i.commandName, args, inv.ctx), o.sessions, 'reply');
}

async function onAutocomplete(i: AutocompleteInteraction, o: DiscordHandlerOptions): Promise<void> {
  const focused = i.options.getFocused(true);
  const kind = findCommand(i.commandName)?.options.find((x) => x.name === focused.name)?.kind;
  await i.respond(kind ? autocomplete(o.deps.briefing(), kind, String(focused.value ?? '')) : []);
}

async function onComponent(
  i: ButtonInteraction | StringSelectMenuInteraction,
  o: Required<Omit<DiscordHandlerOptions, 'limiter'>> & DiscordHandlerOptions,
): Promise<void> {
  const [kind, id, page] = i.customId.split(':');
  const session = id ? o.sessions.get(id) : undefined;
  if (!session) return sendEphemeral(i, EXPIRED);
  if (session.userId !== i.user.id) return sendEphemeral(i, NOT_YOURS);
  if (kind === 'pg' && i.isButton()) {
    const n = Number(page);
    if (!Number.isInteger(n)) return i.deferUpdate().then(() => undefined);
    await i.update(sessionPayload(session, session.pages, session.choices, n));
    return;
  }
  if (kind === 'ch' && i.isStringSelectMenu()) {
    const line = parseCommandLine(i.values[0] ?? '');
    if (!line) return sendEphemeral(i, EXPIRED);
    const inv = { name: line.name, args: line.rest, ctx: context(i), mayManage: mayManage(i) };
    const refusal = await gate(o.limiter, inv);
    if (refusal === null) return;
    if (refusal) return sendEphemeral(i, refusal);
    await sendAnswer(i, await runCommand(o.deps, line.name, line.rest, inv.ctx), o.sessions, 'update');
  }
}

/** Handles one interaction; the adapter's single error boundary logs with context and apologises. */
export function createInteractionHandler(opts: DiscordHandlerOptions): (i: Interaction) => Promise<void> {
  const o = { ...opts, sessions: opts.sessions ?? createPageSessions() };
  return async (i) => {
    try {
      if (i.isChatInputCommand()) await onCommand(i, o);
      else if (i.isAutocomplete()) await onAutocomplete(i, o);
      else if (i.isButton() || i.isStringSelectMenu()) await onComponent(i, o);
    } catch (err) {
      const command = i.isCommand() || i.isAutocomplete() ? i.commandName : i.isMessageComponent() ? i.customId : undefined;
      o.logger.error({ err, interaction: i.id, type: i.type, command, user: i.user.id, guild: i.guildId, channel: i.channelId }, 'discord interaction failed');
      if (i.isChatInputCommand() || i.isButton() || i.isStringSelectMenu()) {
        await sendEphemeral(i, APOLOGY).then(undefined, (e: unknown) => o.logger.warn({ err: e, interaction: i.id }, 'apology not sent'));
      }
    }
  };
}
