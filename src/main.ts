/**
 * The composition root: reads `.env` and the environment (validated), makes the logger, loads the config,
 * starts the app, and stops it cleanly on SIGINT/SIGTERM or, for the console, at end of input.
 * The only module that reads `process.env` or creates a logger.
 */
import { createApp, StartupError } from './app/create-app.ts';
import { EnvError, loadEnv, readDotEnv } from './config/load-env.ts';
import { ConfigError, loadConfig } from './config/load-config.ts';
import { createLogger, scrub } from './logger.ts';

let secrets: string[] = [];

async function main(): Promise<void> {
  const env = loadEnv(process.env, readDotEnv('.env'));
  secrets = [env.DISCORD_TOKEN, env.TELEGRAM_TOKEN].filter((s): s is string => Boolean(s));
  const logger = createLogger({
    level: env.LOG_LEVEL,
    pretty: env.LOG_FORMAT ? env.LOG_FORMAT === 'pretty' : process.stderr.isTTY === true,
    secrets: [env.DISCORD_TOKEN, env.TELEGRAM_TOKEN],
  });
  const config = await loadConfig(env.BRIEFING_CONFIG_DIR);
  const app = await createApp(env, config, logger, {
    input: process.stdin,
    output: process.stdout,
    interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
  });
  logger.info({ adapters: app.adapters }, 'briefing bot running');
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'stopping');
    await app.stop().then(undefined, (err: unknown) => logger.error({ err }, 'error while stopping'));
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
