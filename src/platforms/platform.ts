/**
 * What a platform is: one folder under `src/platforms/` with one entry of this shape, listed once in
 * `src/platforms/index.ts`. The composition (`src/app/compose.ts`) is the only reader of the list.
 */
import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { CommandDeps } from '../commands/command.ts';
import type { RateLimiter } from '../rate-limit.ts';
import type { Reply } from '../reply/reply.ts';
import type { Publisher } from '../scheduler/publisher.ts';
import type { TargetSyntax } from '../scheduler/target.ts';

/** The terminal the console talks to. */
export interface ConsoleIo {
  input: Readable;
  output: Writable;
  interactive: boolean;
}

/** What a chat platform is given when it starts. */
export interface ChatServices {
  deps: CommandDeps;
  logger: Logger;
  limiter: RateLimiter;
  console: ConsoleIo;
  /** API roots by platform id, for tests against loopback fakes; the real services otherwise. */
  apiRoots: Record<string, string | undefined>;
}

/** A started chat platform. */
export interface RunningChat {
  /** Resolves when the platform has nothing left to do on its own (the console at end of input). */
  done?: Promise<void>;
  /** A publisher reusing the running client (Telegram's `bot.telegram`), if better than a fresh one. */
  publisher?: Publisher;
  stop(): Promise<void>;
}

/** A platform: its settings, its target syntax, its secrets, how it chats, how it delivers, how it renders. */
export interface Platform<E = unknown> {
  /** The target prefix and log name: `discord`. */
  id: string;
  /** Its environment variables (validated at start-up; a bad one stops with one line naming it). */
  env: z.ZodType<E>;
  /** Which settings to scrub from every log line. */
  secrets(env: E): (string | undefined)[];
  /** How its delivery targets look; absent when it takes no scheduled deliveries (the console). */
  target?: TargetSyntax;
  /** Its chat side, when it has one. `fallback`: runs only when no other chat platform does (the console). */
  chat?: {
    enabled(env: E): boolean;
    fallback?: boolean;
    /** The setting to check when it does not start (`DISCORD_TOKEN`). */
    settings: string;
    start(env: E, services: ChatServices): Promise<RunningChat>;
  };
  /** Its publisher for scheduled digests, when its settings allow one. */
  publisher?(env: E, opts: { apiRoot?: string; running?: RunningChat }): Publisher | undefined;
  /** How a Reply looks there (what its publisher sends). */
  render(reply: Reply): unknown;
}

/** Declares a platform with its settings' type inferred from its schema (the registry holds them untyped). */
export function definePlatform<E>(platform: Platform<E>): Platform {
  return platform as unknown as Platform;
}
