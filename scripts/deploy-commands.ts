/**
 * Registers the slash commands with Discord: for one guild when DISCORD_GUILD_ID is set (instant),
 * else globally (may take up to an hour to appear). `--dry-run` prints the JSON instead.
 * Usage: npm run deploy-commands [-- --dry-run]
 */
import { slashCommands } from '../src/platforms/discord/command-json.ts';
import { deployCommands } from '../src/platforms/discord/deploy-commands.ts';
import { EnvError, loadEnv, readDotEnv } from '../src/config/load-env.ts';
import { DiscordEnvSchema } from '../src/platforms/discord/discord-platform.ts';

async function main(): Promise<void> {
  const body = slashCommands();
  if (process.argv.includes('--dry-run')) {
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return;
  }
  const env = loadEnv(process.env, readDotEnv('.env'), DiscordEnvSchema);
  if (!env.DISCORD_TOKEN) throw new EnvError('DISCORD_TOKEN is missing: expected the bot token from the Discord Developer Portal');
  if (!env.DISCORD_APP_ID) throw new EnvError('DISCORD_APP_ID is missing: expected the application id (17–20 digits) from the Developer Portal');
  const count = await deployCommands({
    token: env.DISCORD_TOKEN,
    appId: env.DISCORD_APP_ID,
    ...(env.DISCORD_GUILD_ID ? { guildId: env.DISCORD_GUILD_ID } : {}),
  });
  const where = env.DISCORD_GUILD_ID ? `guild ${env.DISCORD_GUILD_ID}` : 'all guilds (global; may take up to an hour)';
  process.stdout.write(`Registered ${count} commands for ${where}.\n`);
}

main().then(undefined, (err: unknown) => {
  process.stderr.write(`deploy-commands: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
