/** Runs a command by name through the command layer: parse, validate, handle. */
import { distance } from 'fastest-levenshtein';
import type { CommandContext, CommandDeps, RawArgs } from './command.ts';
import { parseArgs } from './parse-text.ts';
import { COMMANDS, findCommand } from './registry.ts';
import type { Reply } from '../reply/reply.ts';
import { clip, errorReply } from './reply-helpers.ts';

/** The context used when a caller gives none (the console, the bench). */
export const LOCAL_CONTEXT: CommandContext = { target: 'console:local', user: 'console:local' };

/** The reply to a command name that does not exist, with the closest ones. */
export function unknownCommandReply(name: string): Reply {
  const n = name.toLowerCase();
  const close = COMMANDS.map((c) => ({ c, d: distance(n, c.name) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(n.length / 2)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.c.name);
  const hint = close.length ? `Did you mean ${close.map((c) => `/${c}`).join(', ')}?` : 'See /help for the commands.';
  return errorReply(
    `No command /${clip(name, 40)}`,
    hint,
    close.map((c) => ({ label: `/${c}`, command: `/${c}` })),
  );
}

/**
 * Runs the command `name` with raw arguments: a text (as typed after the command word)
 * or a record of option values (as Discord gives them). Expected failures come back as error replies;
 * only unexpected failures throw.
 */
export async function runCommand(deps: CommandDeps, name: string, rawArgs: string | RawArgs = {}, ctx: CommandContext = LOCAL_CONTEXT): Promise<Reply> {
  const def = findCommand(name.replace(/^\//, ''));
  if (!def) return unknownCommandReply(name.replace(/^\//, ''));
  const topicIds = () =>
    def.parseText && typeof rawArgs === 'string' && rawArgs.trim()
      ? deps
          .briefing()
          .topics()
          .map((t) => t.id)
      : [];
  const raw = typeof rawArgs === 'string' ? parseArgs(def, rawArgs, { topicIds: topicIds() }) : rawArgs;
  const parsed = def.schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const arg = issue?.path.map(String).join('.') || 'arguments';
    return errorReply(`Bad argument “${arg}”`, `${arg}: ${issue?.message ?? 'invalid'}. Usage: ${def.usage}`);
  }
  return def.handler(deps, parsed.data, ctx);
}
