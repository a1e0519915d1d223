import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { compose } from '../../src/app/compose.ts';
import { StartupError, startBot } from '../../src/app/start-bot.ts';
import { sqliteStore } from '../../src/store/sqlite-store.ts';
import { useBotWorkspace } from '../helpers/bot-workspace.ts';

const CONFIG = `corpus: corpus
topics:
  - id: ferries
    title: Ferries
    terms:
      - { term: ferry, weight: 3 }
subscriptions:
  - id: declared
    target: file:declared.jsonl
    topics: [ferries]
    schedule: hourly
`;
const ARTICLE = `---
title: Ferry Board Approves New Timetable
source: Test Wire
published: 2026-03-02
---
The ferry board approved a new timetable for the spring crossings on Monday, the harbour board said.
`;

const ws = useBotWorkspace('start-bot-', CONFIG, { file: 'ferry.txt', text: ARTICLE });

const env = (extra: Record<string, string> = {}) => ({
  BRIEFING_CONFIG_DIR: path.join(ws.root, 'config'),
  BRIEFING_DATA_DIR: path.join(ws.root, 'data'),
  LOG_LEVEL: 'silent',
  ...extra,
});

describe('startBot (the composition, started)', () => {
  it('with no tokens: the console chat over the corpus; declared subscriptions synced once at start; data in the data folder', async () => {
    const c = await compose({ source: env(), mode: 'bot' });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d: Buffer) => {
      text += String(d);
    });
    const app = await startBot(c, { input, output, interactive: false });
    expect(app.adapters).toEqual(['console']);
    input.end('/topics\n');
    await app.done;
    await app.stop();
    expect(text).toContain('ferries');
    expect(fs.existsSync(path.join(ws.root, 'data', 'corpus'))).toBe(true);
    const store = sqliteStore(path.join(ws.root, 'data', 'briefing.db'));
    expect((await store.subscriptions.list()).map((s) => s.id)).toEqual(['declared']);
    await store.close();
  });

  it('a chat platform that does not start is one StartupError naming its settings', async () => {
    const c = await compose({
      source: env({ TELEGRAM_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345' }),
      mode: 'bot',
      apiRoots: { telegram: `${ws.stub.telegramApiRoot}/nowhere` },
    });
    const io = { input: new PassThrough(), output: new PassThrough(), interactive: false };
    const err = await startBot(c, io).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toMatch(/^telegram did not start \(check TELEGRAM_TOKEN/);
    // The database was closed again: another process can open it at once.
    const store = sqliteStore(path.join(ws.root, 'data', 'briefing.db'));
    await store.close();
  });
});
