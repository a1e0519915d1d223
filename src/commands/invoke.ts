/** What every adapter does around a command: rate limit, permission, then the command itself. */
import type { RateLimiter } from '../rate-limit.ts';
import type { CommandContext, CommandDeps, RawArgs } from './command.ts';
import { findCommand } from './registry.ts';
import type { Reply } from '../reply/reply.ts';
import { errorReply } from './reply-helpers.ts';
import { runCommand, unknownCommandReply } from './run-command.ts';

/** One command invocation from a chat. */
export interface Invocation {
  name: string;
  args: string | RawArgs;
  ctx: CommandContext;
  /** Asks the platform whether the asker may manage this chat; only called for admin commands. */
  mayManage: () => Promise<boolean>;
}

/**
 * The polite refusal for an invocation (unknown command, over the rate limit, lacking the permission),
 * `null` to answer nothing at all (a repeated rate-limit refusal), or undefined to go ahead.
 */
export async function gate(limiter: RateLimiter | undefined, inv: Invocation): Promise<Reply | null | undefined> {
  const def = findCommand(inv.name);
  if (!def) return unknownCommandReply(inv.name);
  const rate = limiter?.take(inv.ctx.user);
  if (rate && !rate.allowed) {
    if (!rate.notify) return null;
    return errorReply('Slow down a little', `You have sent many commands in a short time. Please try again in ${rate.retryAfterSeconds} s.`);
  }
  if (def.admin && !(await inv.mayManage())) {
    return errorReply('Not allowed here', `Only people who manage this chat (administrators) can use /${def.name} here.`);
  }
  return undefined;
}

/** Runs an invocation: refuses politely when the user is over the rate limit or lacks the permission; `null`: send nothing. */
export async function invoke(deps: CommandDeps, limiter: RateLimiter | undefined, inv: Invocation): Promise<Reply | null> {
  const refusal = await gate(limiter, inv);
  if (refusal !== undefined) return refusal;
  return runCommand(deps, inv.name, inv.args, inv.ctx);
}
