import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../../src/platforms/discord/discord-bot.ts';
import { embedSize, renderEmbeds } from '../../src/platforms/discord/render-embeds.ts';
import { runCommand } from '../../src/commands/run-command.ts';
import type { CommandDeps } from '../../src/commands/command.ts';
import type { SourceRef } from '../../src/core/model.ts';
import { corpusDeps } from '../commands/corpus-deps.ts';
import { member, startDiscordFake, type DiscordFake, type RecordedRequest } from '../helpers/discord-fake.ts';

const CHANNEL = '800000000000000001';
const GUILD = '700000000000000001';
const ASKER = '600000000000000001';
const OTHER = '600000000000000002';
const MANAGE_CHANNELS = '16';

let fake: DiscordFake;
let adapter: DiscordAdapter;
let real: ReturnType<CommandDeps['briefing']>;
let current: ReturnType<CommandDeps['briefing']>;
let n = 0;

function manySources(count: number): SourceRef[] {
  return Array.from({ length: count }, (_, i) => ({
    article: `a${i}`,
    title: `Article ${i}: talks continue @everyone <@123> with **stars** and a [bracket](x)`,
    source: `Outlet ${i}`,
    date: '2025-08-26',
    url: `https://example.org/news/${i}`,
  }));
}

/** The fields every interaction shares, numbered so each has its own id and token. */
function interaction(type: number, user: string, permissions: string) {
  n++;
  return {
    id: String(1000 + n),
    type,
    token: `tok${n}`,
    channel_id: CHANNEL,
    guild_id: GUILD,
    channel: { id: CHANNEL, type: 0 },
    member: member(user, permissions),
    app_permissions: '0',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: {},
    context: 0,
  };
}

function command(name: string, options: Record<string, unknown>[] = [], user = ASKER, permissions = MANAGE_CHANNELS) {
  return { ...interaction(2, user, permissions), data: { id: '5001', name, type: 1, options } };
}

function button(customId: string, user: string, embeds: unknown[]) {
  return {
    ...interaction(3, user, '0'),
    data: { custom_id: customId, component_type: 2 },
    message: {
      id: '910000000000000001',
      channel_id: CHANNEL,
      type: 0,
      content: '',
      author: { id: '900000000000000001', username: 'briefing', discriminator: '0', avatar: null, bot: true },
      embeds,
      components: [],
      timestamp: new Date(0).toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      flags: 0,
    },
  };
}

type Body = {
  type?: number;
  data?: {
    embeds?: Record<string, unknown>[];
    components?: { components: { custom_id: string; disabled?: boolean }[] }[];
    allowed_mentions?: unknown;
    flags?: number;
    choices?: { name: string; value: string }[];
  };
  embeds?: Record<string, unknown>[];
  allowed_mentions?: unknown;
  components?: { components: { custom_id: string; disabled?: boolean }[] }[];
};
const body = (r: RecordedRequest | undefined) => (r?.body ?? {}) as Body;

function expectWithinLimits(embeds: Record<string, unknown>[]) {
  expect(embeds.length).toBeLessThanOrEqual(10);
  for (const e of embeds) {
    expect(String(e.title ?? '').length).toBeLessThanOrEqual(256);
    expect(String(e.description ?? '').length).toBeLessThanOrEqual(4096);
    expect(embedSize(e as never)).toBeLessThanOrEqual(6000);
    expect(String(e.description ?? '')).not.toMatch(/@everyone|<@\d/);
  }
}

beforeAll(async () => {
  fake = await startDiscordFake();
  const deps = await corpusDeps();
  real = deps.briefing();
  current = real;
  adapter = await startDiscord({ token: 'fake.token.value', apiRoot: fake.api, deps: { ...deps, briefing: () => current }, logger: pino({ level: 'silent' }) });
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

describe('Discord end to end (discord.js ↔ loopback gateway and REST)', () => {
  it('answers a slash command: defers, then edits the reply with embeds and no mentions', async () => {
    const topic = real.topics()[0]!.id;
    const [defer, edit] = await fake.interact(command('briefing', [{ name: 'topic', type: 3, value: topic }]), 2);
    expect(defer).toMatchObject({ method: 'POST', path: '/interactions/1001/tok1/callback' });
    expect(body(defer).type).toBe(5);
    expect(edit).toMatchObject({ method: 'PATCH', path: expect.stringMatching(new RegExp(`^/webhooks/${fake.appId}/tok1/messages/(@|%40)original$`)) });
    expect(body(edit).allowed_mentions).toEqual({ parse: [] });
    expect(body(edit).embeds?.[0]?.title).toBe(real.topics()[0]!.title);
    expectWithinLimits(body(edit).embeds ?? []);
  });

  it('defers even a quick command at once, then posts exactly the rendered embed, no components, and no mentions', async () => {
    const [cb, edit] = await fake.interact(command('help'), 2);
    const expected = renderEmbeds(await runCommand({ briefing: () => real, clock: () => new Date(0) }, 'help'));
    expect(cb).toMatchObject({ method: 'POST', path: `/interactions/${1000 + n}/tok${n}/callback` });
    expect(body(cb).type).toBe(5);
    expect(edit).toMatchObject({ method: 'PATCH' });
    expect(edit!.body).toMatchObject({ embeds: JSON.parse(JSON.stringify(expected)), components: [], allowed_mentions: { parse: [] } });
  });

  it('answers an autocomplete with matching topics', async () => {
    const t = real.topics()[0]!;
    const req = command('briefing', [{ name: 'topic', type: 3, value: t.id.slice(0, 3), focused: true }]);
    const [cb] = await fake.interact({ ...req, type: 4 });
    expect(body(cb).type).toBe(8);
    expect(body(cb).data?.choices?.map((c) => c.value)).toContain(t.id);
    expect(body(cb).data?.choices?.length).toBeLessThanOrEqual(25);
  });

  it('pages a long answer with buttons only the asker can press', async () => {
    current = { ...real, sources: () => manySources(200) };
    try {
      const [deferred, first] = await fake.interact(command('sources'), 2);
      expect(body(deferred).type).toBe(5);
      const data = body(first);
      expect(data.allowed_mentions).toEqual({ parse: [] });
      expectWithinLimits(data.embeds ?? []);
      expect(data.embeds?.[0]?.footer).toMatchObject({ text: expect.stringMatching(/page 1\/\d+/) });
      const next = data.components![0]!.components.find((c) => c.custom_id.endsWith(':1'))!;
      expect(next.disabled).toBe(false);

      const [refused] = await fake.interact(button(next.custom_id, OTHER, data.embeds!));
      expect(body(refused).type).toBe(4);
      expect(body(refused).data?.flags).toBe(64);

      const [turned] = await fake.interact(button(next.custom_id, ASKER, data.embeds!));
      expect(body(turned).type).toBe(7);
      expect(body(turned).data?.embeds?.[0]?.footer).toMatchObject({ text: expect.stringMatching(/page 2\/\d+/) });
      expect(body(turned).data?.allowed_mentions).toEqual({ parse: [] });
      expectWithinLimits(body(turned).data?.embeds ?? []);
    } finally {
      current = real;
    }
  });

  it('offers a topic menu without an argument, and picking one answers in place', async () => {
    const [, edit] = await fake.interact(command('briefing'), 2);
    const menu = (body(edit).components as { components: { type: number; custom_id: string; options: { value: string }[] }[] }[])[0]!.components[0]!;
    expect(menu.type).toBe(3);
    const first = real.topics()[0]!;
    expect(menu.options[0]!.value).toBe(`/briefing ${first.id}`);
    const pick = button(menu.custom_id, ASKER, body(edit).embeds!);
    const [picked] = await fake.interact({ ...pick, data: { custom_id: menu.custom_id, component_type: 3, values: [menu.options[0]!.value] } });
    expect(body(picked).type).toBe(7);
    expect(body(picked).data?.embeds?.[0]?.title).toBe(first.title);
    expect(body(picked).data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers an unknown topic with an ephemeral error and the closest topics', async () => {
    const reqs = await fake.interact(command('briefing', [{ name: 'topic', type: 3, value: 'zzzz' }]), 3);
    const [defer, del, follow] = reqs;
    expect(body(defer).type).toBe(5);
    expect(del?.method).toBe('DELETE');
    expect(follow?.method).toBe('POST');
    expect((follow?.body as { flags?: number } | undefined)?.flags).toBe(64);
  });

  it('refuses /subscribe politely to a member without Manage Channels', async () => {
    const [cb] = await fake.interact(command('subscribe', [{ name: 'topics', type: 3, value: real.topics()[0]!.id }], OTHER, '0'));
    // A refusal is decided before deferring: one ephemeral reply.
    expect(body(cb).type).toBe(4);
    expect(body(cb).data?.flags).toBe(64);
    expect(body(cb).data?.embeds?.[0]?.title).toMatch(/not allowed/i);
  });
});
