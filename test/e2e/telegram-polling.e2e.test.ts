import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startTelegram } from '../../src/platforms/telegram/telegram-bot.ts';
import { corpusDeps } from '../commands/corpus-deps.ts';
import { startBotApiStub } from '../helpers/telegram-bot-api-stub.ts';

describe('Telegram polling mode (real telegraf against a loopback Bot API)', () => {
  it('sets the command menu, answers a polled command, and stops cleanly', async () => {
    const stub = await startBotApiStub();
    const deps = await corpusDeps();
    const adapter = await startTelegram({ token: '42:STUB-abcdefghijklmnopqrstuvwxyz', apiRoot: stub.apiRoot, deps, logger: pino({ level: 'silent' }) });
    try {
      await stub.waitFor('getUpdates');
      stub.push({
        update_id: 1,
        message: { message_id: 1, date: 0, chat: { id: 5, type: 'private', first_name: 'a' }, from: { id: 5, is_bot: false, first_name: 'a' }, text: '/help' },
      });
      await stub.waitFor('sendMessage');
      const sent = stub.calls.find((c) => c.method === 'sendMessage')!;
      expect(sent.body).toMatchObject({ chat_id: 5 });
      expect(String(sent.body.text)).toMatch(/^Commands/);
      const menu = stub.calls.find((c) => c.method === 'setMyCommands')!;
      expect((menu.body.commands as { command: string }[]).map((c) => c.command)).toContain('briefing');
      expect(stub.calls.some((c) => c.method === 'deleteWebhook')).toBe(true);
    } finally {
      await adapter.stop();
      await stub.close();
    }
  });
});
