/**
 * The bot's entry point: composes (settings, config, logger, engine, store, platforms), starts, and stops
 * cleanly on SIGINT/SIGTERM or, for the console, at end of input. A bad setting is one line on stderr.
 */
import { compose } from './app/compose.ts';
import { type App, StartupError, startBot } from './app/start-bot.ts';
import { ConfigError } from './config/load-config.ts';
import { EnvError, readDotEnv } from './config/load-env.ts';
import { scrub } from './logger.ts';

let secrets: string[] = [];

async function main(): Promise<void> {
  const c = await compose({ source: process.env, dotEnv: readDotEnv('.env'), mode: 'bot' });
  secrets = c.secrets;
  // Signals are handled before anything is announced: a SIGTERM right after "running" always stops cleanly.
  let app: App | undefined;
  let stopping = false;
  const stop = async (running: App) => {
    await running.stop().then(undefined, (err: unknown) => c.logger.error({ err }, 'error while stopping'));
    process.stdout.write('', () => process.exit(0));
  };
  const shutdown = (signal: string) => {
    c.logger.info({ signal }, 'stopping');
    stopping = true;
    // Still starting: stopped as soon as it has started (below).
    if (app) void stop(app);
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  app = await startBot(c, { input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true && process.stdout.isTTY === true });
  if (stopping) return stop(app);
  c.logger.info({ adapters: app.adapters }, 'briefing bot running');
  await app.done;
  await app.stop();
  process.stdout.write('', () => process.exit(0));
}

main().then(undefined, (err: unknown) => {
  const expected = err instanceof EnvError || err instanceof ConfigError || err instanceof StartupError;
  const message = err instanceof Error ? (expected ? err.message : (err.stack ?? err.message)) : String(err);
  process.stderr.write(`briefing-bot: ${scrub(message, secrets)}\n`);
  process.exit(1);
});
