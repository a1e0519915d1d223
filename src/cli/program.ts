/** The `briefing` command line: one commander program, run in-process by `src/cli.ts` and by the tests. */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/load-config.ts';
import { EnvError } from '../config/load-env.ts';
import { createCliContext, UsageError, type CliContext, type CliContextOptions } from './cli-context.ts';
import { registerEngineCommands } from './engine-cli.ts';
import { packageVersion } from './package-version.ts';
import { registerScheduleCommands } from './schedule-cli.ts';
import { registerFeedCommands } from '../feeds/index.ts';

/** Builds the `briefing` command line. */
export function buildProgram(ctx: CliContext = createCliContext()): Command {
  const program = new Command('briefing')
    .description('News briefings from a folder of articles: cited topic digests, who said what, timelines.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (t) => ctx.out(t.replace(/\n$/, '')), writeErr: (t) => ctx.err(t.replace(/\n$/, '')) });
  registerEngineCommands(program, ctx);
  registerScheduleCommands(program, ctx);
  registerFeedCommands(program, {
    async open() {
      const c = await ctx.composition();
      const store = c.openStore();
      const feeds = c.feeds(store);
      return {
        service: feeds.service,
        async close() {
          await feeds.close();
          await store.close();
        },
      };
    },
    out: ctx.out,
    err: ctx.err,
  });
  return program;
}

/** Runs the command line; returns the exit code (2 for bad input, 1 for an unexpected failure). */
export async function runCli(argv: string[], opts: CliContextOptions = {}): Promise<number> {
  const ctx = createCliContext(opts);
  try {
    await buildProgram(ctx).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof EnvError) {
      ctx.err(`briefing: ${err.message}`);
      return 2;
    }
    ctx.err(`briefing: unexpected error: ${(err as Error).stack ?? String(err)}`);
    return 1;
  }
}
