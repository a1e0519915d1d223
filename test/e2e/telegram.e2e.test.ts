import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelegram, type TelegramAdapter } from '../../src/platforms/telegram/telegram-bot.ts';
import type { CommandDeps } from '../../src/commands/command.ts';
import type { SourceRef } from '../../src/core/model.ts';
import { corpusDeps } from '../commands/corpus-deps.ts';
import { freePort, startTelegramEmulator, type TelegramEmulator } from '../helpers/telegram-emulator.ts';

let emulator: TelegramEmulator;
let adapter: TelegramAdapter;
let deps: CommandDeps;
const user = { userId: 501, chatId: 501, firstName: 'Ann', userName: 'ann', type: 'private' as 'private' | 'group' };

/** Many long sources, so that /sources needs more than one Telegram message. */
function manySources(n: number): SourceRef[] {
  return Array.from({ length: n }, (_, i) => ({
    article: `a${i}`,
    title: `Article number ${i} about a long and winding diplomatic process with many steps and meetings`,
    source: `Outlet ${i}`,
    date: '2025-08-26',
    url: `https://example.org/news/${i}`,
  }));
}

beforeAll(async () => {
  emulator = await startTelegramEmulator();
  const real = await corpusDeps();
  const briefing = real.briefing();
  const long = { ...briefing, sources: () => manySources(120) };
  deps = real;
  const port = await freePort();
  adapter = await startTelegram({
    token: emulator.token,
    apiRoot: emulator.apiRoot,
    deps: { ...deps, briefing: () => current },
    logger: pino({ level: process.env.E2E_LOG ?? 'silent' }),
    webhookUrl: `http://127.0.0.1:${port}/telegram`,
    webhookPort: port,
    webhookHost: '127.0.0.1',
    webhookSecret: false,
    onWebhookHandled: () => {
      handled++;
      for (const w of waiters.splice(0)) w();
    },
  });
  current = briefing;
  longBriefing = long;
  realBriefing = briefing;
});
let handled = 0;
const waiters: (() => void)[] = [];
async function handledAtLeast(n: number): Promise<void> {
  while (handled < n) await new Promise<void>((resolve) => waiters.push(resolve));
}
let current: ReturnType<CommandDeps['briefing']>;
let longBriefing: ReturnType<CommandDeps['briefing']>;
let realBriefing: ReturnType<CommandDeps['briefing']>;

afterAll(async () => {
  await adapter?.stop();
  await emulator?.stop();
});

async function send(text: string, opts: Partial<typeof user> = {}) {
  const client = emulator.server.getClient(emulator.token, { ...user, ...opts });
  const before = emulator.sent().length;
  const target = handled + 1;
  await client.sendCommand(client.makeCommand(text));
  await handledAtLeast(target);
  return emulator.sent().slice(before);
}

describe('Telegram end to end (telegraf ↔ telegram-test-api, webhook mode)', () => {
  it('answers a command with an argument, with entities and no Markdown parse mode', async () => {
    const topic = realBriefing.topics()[0]!.id;
    const msgs = await send(`/briefing ${topic}`);
    expect(msgs.length).toBeGreaterThan(0);
    const m = msgs[0]!;
    expect(String(m.chat_id)).toBe('501');
    expect((m as { parse_mode?: string }).parse_mode).toBeUndefined();
    const entities = (m.entities ?? []) as { type: string; offset: number; length: number }[];
    expect(entities[0]).toMatchObject({ type: 'bold', offset: 0 });
  });

  it('answers /briefing@bot in a group and ignores commands addressed to another bot', async () => {
    const group = { chatId: -100777, type: 'group' as const };
    const me = adapter.bot.botInfo!.username;
    expect((await send(`/help@${me}`, group)).length).toBe(1);
    expect(await send('/help@SomeOtherBot', group)).toHaveLength(0);
  });

  it('offers a topic keyboard without an argument, and a press answers it', async () => {
    const msgs = await send('/briefing');
    const markup = msgs.at(-1)!.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] };
    const buttons = markup.inline_keyboard.flat();
    expect(buttons.length).toBe(realBriefing.topics().length);
    const press = buttons[0]!;
    const client = emulator.server.getClient(emulator.token, user);
    const before = emulator.sent().length;
    const target = handled + 1;
    await client.sendCallback(client.makeCallbackQuery(press.callback_data, { message: { chat: { id: user.chatId, type: 'private' } } } as never));
    await handledAtLeast(target);
    const after = emulator.sent().slice(before);
    expect(after.length).toBeGreaterThan(0);
    const title = after[0]!.text.split('\n')[0];
    expect(title).toBe(realBriefing.topics()[0]!.title);
  });

  it('splits a reply longer than 4,096 units into messages with intact, re-based entities', async () => {
    current = longBriefing;
    try {
      const msgs = await send('/sources');
      expect(msgs.length).toBeGreaterThan(1);
      let links = 0;
      for (const m of msgs) {
        expect(m.text.length).toBeLessThanOrEqual(4096);
        for (const e of (m.entities ?? []) as { type: string; offset: number; length: number; url?: string }[]) {
          expect(e.offset).toBeGreaterThanOrEqual(0);
          expect(e.offset + e.length).toBeLessThanOrEqual(m.text.length);
          if (e.type === 'text_link') {
            links++;
            const shown = m.text.slice(e.offset, e.offset + e.length);
            const n = /\/news\/(\d+)$/.exec(e.url!)![1];
            expect(shown).toBe(`Outlet ${n}, 2025-08-26`);
          }
        }
      }
      expect(links).toBe(120);
    } finally {
      current = realBriefing;
    }
  });

  it('never pings: mention-like text from users is broken up', async () => {
    const msgs = await send('/briefing @everyone');
    expect(msgs[0]!.text).not.toMatch(/@everyone/);
  });
});
