import { beforeAll, describe, expect, it } from 'vitest';
import type { Update } from 'telegraf/types';
import { driveTelegramUpdates, textUpdate } from '../../../src/platforms/telegram/drive-updates.ts';
import type { CommandDeps } from '../../../src/commands/command.ts';
import { createRateLimiter } from '../../../src/rate-limit.ts';
import { corpusDeps } from '../../commands/corpus-deps.ts';

let deps: CommandDeps;
beforeAll(async () => {
  deps = await corpusDeps();
});

describe('driveTelegramUpdates (the Telegram path with a capturing callApi)', () => {
  it('answers 1,000 concurrent commands, none lost', async () => {
    const topics = deps
      .briefing()
      .topics()
      .map((t) => t.id);
    const lines = ['/help', '/topics', '/sources', '/briefing', ...topics.map((t) => `/briefing ${t}`), '/timeline', '/whosaid'];
    const updates = Array.from({ length: 1000 }, (_, i) => textUpdate(i, lines[i % lines.length]!));
    const r = await driveTelegramUpdates({ deps, updates });
    expect(r.failed).toBe(0);
    expect(r.messagesByChat.size).toBe(1000);
  });

  it('answers a channel post in the channel', async () => {
    const update = { update_id: 1, channel_post: { message_id: 1, date: 0, chat: { id: -100500, type: 'channel', title: 'news' }, text: '/topics' } } as Update;
    const r = await driveTelegramUpdates({ deps, updates: [update] });
    expect(r.messagesByChat.get(-100500)).toBe(1);
  });

  it('refuses once when one user floods, and drops the rest silently', async () => {
    const updates = Array.from({ length: 100 }, (_, i) => ({ ...textUpdate(0, '/help'), update_id: i + 1 }) as Update);
    const r = await driveTelegramUpdates({ deps, updates, limiter: createRateLimiter({ perMinute: 3, now: () => 0 }) });
    const texts = r.calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.payload.text));
    expect(texts.filter((t) => t.startsWith('Slow down'))).toHaveLength(1);
    expect(texts).toHaveLength(4);
    expect(r.failed).toBe(0);
  });

  it('checks group admin rights with getChatMember before /subscribe', async () => {
    const update = {
      update_id: 1,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: -42, type: 'supergroup', title: 'g' },
        from: { id: 7, is_bot: false, first_name: 'x' },
        text: '/subscribe x',
      },
    } as Update;
    const r = await driveTelegramUpdates({ deps, updates: [update] });
    expect(r.calls.map((c) => c.method)).toContain('getChatMember');
    expect(r.calls.find((c) => c.method === 'getChatMember')?.payload).toMatchObject({ chat_id: -42, user_id: 7 });
    const member = await driveTelegramUpdates({ deps, updates: [update], chatMemberStatus: 'member' });
    expect(String(member.calls.find((c) => c.method === 'sendMessage')?.payload.text)).toMatch(/^Not allowed here/);
  });

  it('checks a button press in a channel against Telegram: subscribers are not administrators', async () => {
    const press = {
      update_id: 1,
      callback_query: {
        id: 'q1',
        from: { id: 77, is_bot: false, first_name: 'reader' },
        chat_instance: 'ci',
        data: 'c:/unsubscribe s1',
        message: {
          message_id: 5,
          date: 0,
          chat: { id: -100900, type: 'channel', title: 'news' },
          sender_chat: { id: -100900, type: 'channel', title: 'news' },
          text: 'menu',
        },
      },
    } as Update;
    const r = await driveTelegramUpdates({ deps, updates: [press], chatMemberStatus: 'member' });
    expect(r.calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'getChatMember', 'sendMessage']);
    expect(String(r.calls[2]!.payload.text)).toMatch(/^Not allowed here/);
  });
});
