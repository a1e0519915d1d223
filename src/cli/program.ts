import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/load-config.ts';
import { createCliContext, UsageError } from './cli-context.ts';
import { registerEngineCommands } from './engine-cli.ts';
import { registerScheduleCommands } from './schedule-cli.ts';

/** Builds the `briefing` command line. */
export function buildProgram(ctx = createCliContext()): Command {
  const program = new Command('briefing')
    .description('News briefings from a folder of articles: cited topic digests, who said what, timelines.')
    .showHelpAfterError()
    .exitOverride();
  registerEngineCommands(program, ctx);
  registerScheduleCommands(program, ctx);
  return program;
}

/** Runs the command line; returns the exit code (2 for bad input). */
export async function runCli(argv: string[]): Promise<number> {
  const ctx = createCliContext();
  try {
    await buildProgram(ctx).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UsageError || err instanceof ConfigError) {
      ctx.err(`briefing: ${err.message}`);
      return 2;
    }
    ctx.err(`briefing: unexpected error: ${(err as Error).stack ?? String(err)}`);
    return 1;
  }
}

