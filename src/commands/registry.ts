/** Every command, in the order /help and the platforms list them. */
import type { CommandDefinition } from './command.ts';
import { briefingCommand } from './defs/briefing.ts';
import { createFeedCommands } from './defs/feeds.ts';
import { makeHelpCommand } from './defs/help.ts';
import { positionsCommand } from './defs/positions.ts';
import { sourcesCommand } from './defs/sources.ts';
import { speakersCommand } from './defs/speakers.ts';
import { subscribeCommand } from './defs/subscribe.ts';
import { timelineCommand } from './defs/timeline.ts';
import { topicsCommand } from './defs/topics.ts';
import { subscriptionsCommand, unsubscribeCommand } from './defs/unsubscribe.ts';
import { whosaidCommand } from './defs/whosaid.ts';

/** All command definitions. */
export const COMMANDS: readonly CommandDefinition[] = [
  briefingCommand,
  whosaidCommand,
  speakersCommand,
  timelineCommand,
  positionsCommand,
  sourcesCommand,
  topicsCommand,
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
  ...createFeedCommands((deps) => deps.feeds),
  makeHelpCommand(() => COMMANDS),
];

/** The command of that name (case-insensitive), if any. */
export function findCommand(name: string): CommandDefinition | undefined {
  const n = name.toLowerCase();
  return COMMANDS.find((c) => c.name === n);
}
