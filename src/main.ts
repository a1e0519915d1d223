/**
 * The bot's entry point: composes (settings, config, logger, engine, store, platforms), starts, and stops
 * cleanly on SIGINT/SIGTERM or, for the console, at end of input. A bad setting is one line on stderr.
 */
import { compose } from './app/compose.ts';
import { StartupError, startBot } from './app/start-bot.ts';
import { ConfigError } from './config/load-config.ts';
import { EnvError, readDotEnv } from './config/load-env.ts';
import { scrub } from './logger.ts';

let secrets: string[] = [];

async function main(): Promise<void> {
  const c = await compose({ source: process.env, dotEnv: readDotEnv('.env'), mode: 'bot' });
  secrets = c.secrets;
  const app = await startBot(c, { input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true && process.stdout.isTTY === true });
  c.logger.info({ adapters: app.adapters }, 'briefing bot running');
  const shutdown = async (signal: string) => {
    c.logger.info({ signal }, 'stopping');
    await app.stop().then(undefined, (err: unknown) => c.logger.error({ err }, 'error while stopping'));
    process.stdout.write('', () => process.exit(0));
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
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
