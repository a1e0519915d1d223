import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { databaseUrlProblem } from '../../src/config/env-fields.ts';
import { parseShards } from '../../src/platforms/discord/discord-shards.ts';

interface Service {
  profiles?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  image?: string;
}

describe('docker-compose.yml', () => {
  const file = path.join(import.meta.dirname, '..', '..', 'docker-compose.yml');
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };

  it('keeps the single SQLite bot as the default service', () => {
    const bot = doc.services['briefing-bot']!;
    expect(bot.profiles).toBeUndefined();
    expect(bot.environment?.BRIEFING_DATABASE_URL).toBeUndefined();
  });

  it('has a "several" profile: postgres and two bot instances on it, sharing data, each with its own shards', () => {
    const several = Object.entries(doc.services).filter(([, s]) => s.profiles?.includes('several'));
    expect(several.map(([name]) => name).sort()).toEqual(['bot-a', 'bot-b', 'postgres']);
    const bots = several.filter(([name]) => name !== 'postgres').map(([, s]) => s);
    const shards = new Set<number>();
    for (const bot of bots) {
      const url = bot.environment!.BRIEFING_DATABASE_URL!.replace(/\$\{POSTGRES_PASSWORD:-(\w+)\}/, '$1');
      expect(databaseUrlProblem(url)).toBeUndefined();
      expect(new URL(url).hostname).toBe('postgres');
      expect(bot.depends_on?.postgres?.condition).toBe('service_healthy');
      const plan = parseShards(bot.environment!.DISCORD_SHARDS!);
      if (typeof plan === 'string' || plan.shards === 'auto') throw new Error(`bad DISCORD_SHARDS: ${String(plan)}`);
      for (const id of plan.shards) {
        expect(shards.has(id)).toBe(false);
        shards.add(id);
      }
      expect(plan.shardCount).toBe(bots.length);
    }
    expect(shards.size).toBe(bots.length);
  });
});
