/** Registers the slash commands over Discord's REST API: per guild (instant) or globally. */
import { REST, Routes } from 'discord.js';
import { slashCommands } from './command-json.ts';

/** Where and as whom to register. */
export interface DeployOptions {
  token: string;
  appId: string;
  /** One guild (instant); globally when absent. */
  guildId?: string;
  /** REST API root, for tests. */
  apiRoot?: string;
}

/** Replaces the application's commands with the current definitions; returns how many Discord now has. */
export async function deployCommands(opts: DeployOptions): Promise<number> {
  const rest = new REST({ version: '10', ...(opts.apiRoot ? { api: opts.apiRoot } : {}) }).setToken(opts.token);
  const route = opts.guildId ? Routes.applicationGuildCommands(opts.appId, opts.guildId) : Routes.applicationCommands(opts.appId);
  const result = (await rest.put(route, { body: slashCommands() })) as unknown[];
  return Array.isArray(result) ? result.length : 0;
}
