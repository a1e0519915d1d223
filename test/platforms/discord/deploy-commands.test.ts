import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommands } from '../../../src/platforms/discord/command-json.ts';
import { deployCommands } from '../../../src/platforms/discord/deploy-commands.ts';
import { startDiscordFake, type DiscordFake } from '../../helpers/discord-fake.ts';

let fake: DiscordFake;
beforeAll(async () => {
  fake = await startDiscordFake();
});
afterAll(async () => {
  await fake?.close();
});

describe('deployCommands', () => {
  it('PUTs every command to one guild when a guild is given, else globally', async () => {
    const n = await deployCommands({ token: 'x.y.z', appId: fake.appId, guildId: '700000000000000001', apiRoot: fake.api });
    expect(n).toBe(slashCommands().length);
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'PUT',
      path: `/applications/${fake.appId}/guilds/700000000000000001/commands`,
      body: slashCommands(),
    });
    await deployCommands({ token: 'x.y.z', appId: fake.appId, apiRoot: fake.api });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'PUT', path: `/applications/${fake.appId}/commands` });
  });
});
