/** The command layer's public surface: run a command by name, the definitions, and the types. */
export { runCommand, LOCAL_CONTEXT } from './run-command.ts';
export { invoke, gate } from './invoke.ts';
export { COMMANDS, findCommand } from './registry.ts';
export { parseCommandLine } from './parse-text.ts';
export type { CommandDeps, CommandContext, CommandDefinition, RawArgs } from './command.ts';
export type { Reply, ReplyPoint, ReplySection, Citation, ReplyChoice } from '../reply/reply.ts';
export type { SubscriptionPort, SubscriptionView } from './subscription-port.ts';
