/**
 * The shape of a command: one definition serves Discord (slash-command JSON), Telegram and the console
 * (text parsed into the same arguments), and the scheduler (which runs handlers directly).
 */
import type { FeedService } from '../feeds/feed-service.ts';
import type { z } from 'zod';
import type { Briefing } from '../core/briefing.ts';
import type { Reply } from '../reply/reply.ts';
import type { SubscriptionPort } from './subscription-port.ts';

/** What every handler may use. `briefing` is a function so live reloads are seen. */
export interface CommandDeps {
  briefing: () => Briefing;
  /** The current instant. */
  clock: () => Date;
  /** Present when scheduling is configured. */
  subscriptions?: SubscriptionPort;
  /** Present when the bot follows feeds. */
  feeds?: FeedService;
}

/** Who runs a command, where: given by the adapter, used for subscriptions. */
export interface CommandContext {
  /** Where deliveries would go: `discord:CHANNEL_ID`, `telegram:CHAT_ID`, `console:local`. */
  target: string;
  /** A stable id of the asker, e.g. `telegram:42`. */
  user: string;
}

/** What an option's value is, for autocomplete and text parsing. */
export type OptionKind = 'topic' | 'person' | 'text' | 'schedule' | 'timezone' | 'id' | 'command';

/** One argument of a command, described for the platforms. */
export interface CommandOption {
  name: string;
  /** At most 100 characters (Discord's limit). */
  description: string;
  kind: OptionKind;
  required: boolean;
  maxLength: number;
}

/** The raw arguments after parsing: option name → text. */
export type RawArgs = Record<string, string | undefined>;

/** What the text parser knows about the vocabulary (for splitting `/whosaid Name topic`). */
export interface ParseContext {
  topicIds: string[];
}

/** A command: name, description, arguments (options + zod schema) and a handler returning a Reply. */
export interface CommandDefinition<S extends z.ZodType<Record<string, unknown>> = z.ZodType<Record<string, unknown>>> {
  /** Lower case, 1–32 letters (Discord and Telegram rules). */
  name: string;
  /** At most 100 characters. */
  description: string;
  /** Shown by /help: `/whosaid <person> [topic]`. */
  usage: string;
  options: CommandOption[];
  schema: S;
  /** True when changing server state: the adapter checks the asker may manage the chat. */
  admin?: boolean;
  /** True when the answer may take more than a moment (Discord defers). */
  slow?: boolean;
  /** Custom text parsing; the default fills options in order, the last one taking the rest. */
  parseText?: (tokens: string[], ctx: ParseContext) => RawArgs;
  handler: (deps: CommandDeps, args: z.output<S>, ctx: CommandContext) => Promise<Reply>;
}

/** Declares a command with its argument types inferred from the schema. */
export function defineCommand<S extends z.ZodType<Record<string, unknown>>>(def: CommandDefinition<S>): CommandDefinition {
  return def as unknown as CommandDefinition;
}
