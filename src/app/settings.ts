/** The settings of the whole bot: its own variables and each platform's, validated; a bad one is one line naming it. */
import type { Env } from '../config/env.schema.ts';
import { loadEnv, mergeEnv } from '../config/load-env.ts';
import type { Platform } from '../platforms/platform.ts';

/** Validated settings: the bot's own and, by platform id, each platform's. */
export interface Settings {
  env: Env;
  platformEnv: Map<string, unknown>;
  /** Values to scrub from every log line and error (tokens). */
  secrets: string[];
}

/** Validates the environment (over `.env`) for the bot and every platform. Throws EnvError naming the first bad variable. */
export function loadSettings(platforms: readonly Platform[], source: Record<string, string | undefined>, dotEnv: Record<string, string> = {}): Settings {
  const merged = mergeEnv(source, dotEnv);
  const env = loadEnv(merged);
  const platformEnv = new Map<string, unknown>();
  const secrets: string[] = [];
  for (const p of platforms) {
    const e = loadEnv(merged, {}, p.env);
    platformEnv.set(p.id, e);
    for (const s of p.secrets(e)) if (typeof s === 'string' && s.length >= 8) secrets.push(s);
  }
  return { env, platformEnv, secrets };
}
