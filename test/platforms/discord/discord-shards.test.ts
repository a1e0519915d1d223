import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../../../src/config/load-env.ts';
import { startDiscord, type DiscordAdapter } from '../../../src/platforms/discord/discord-bot.ts';
import { DiscordEnvSchema } from '../../../src/platforms/discord/discord-platform.ts';
import { parseShards } from '../../../src/platforms/discord/discord-shards.ts';
import { corpusDeps } from '../../commands/corpus-deps.ts';
import { startDiscordFake, type DiscordFake } from '../../helpers/discord-fake.ts';

describe('DISCORD_SHARDS', () => {
  it("reads auto, a count, and this instance's shards out of the total", () => {
    expect(parseShards('auto')).toEqual({ shards: 'auto' });
    expect(parseShards('3')).toEqual({ shards: [0, 1, 2], shardCount: 3 });
    expect(parseShards('0-1/4')).toEqual({ shards: [0, 1], shardCount: 4 });
    expect(parseShards('3, 2/4')).toEqual({ shards: [2, 3], shardCount: 4 });
  });

  it('a bad value is one line naming the variable and what is valid', () => {
    for (const bad of ['many', '0', '4/4', '2-1/4', '1/0', 'a/2']) {
      expect(typeof parseShards(bad)).toBe('string');
      expect(() => loadEnv({ DISCORD_SHARDS: bad }, {}, DiscordEnvSchema)).toThrow(EnvError);
      expect(() => loadEnv({ DISCORD_SHARDS: bad }, {}, DiscordEnvSchema)).toThrow(/^DISCORD_SHARDS is malformed: expected auto, a shard count/);
    }
    expect(parseShards('4/4')).toMatch(/shard 4 does not exist with 4 shards/);
  });
});

describe('the Discord adapter with shards', () => {
  let fake: DiscordFake | undefined;
  let bot: DiscordAdapter | undefined;
  afterEach(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it('identifies once per shard it runs, with its id and the total, and is ready when all are', async () => {
    fake = await startDiscordFake();
    const deps = await corpusDeps();
    bot = await startDiscord({ token: 'x'.repeat(24), deps, logger: pino({ level: 'silent' }), apiRoot: fake.api, shards: { shards: [1, 3], shardCount: 4 } });
    expect(fake.identified.sort()).toEqual([
      [1, 4],
      [3, 4],
    ]);
    expect([...bot.client.ws.shards.keys()].sort()).toEqual([1, 3]);
  });
});
