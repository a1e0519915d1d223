import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compose } from '../../src/app/compose.ts';
import { StartupError, startBot } from '../../src/app/start-bot.ts';
import { sqliteStore } from '../../src/store/sqlite-store.ts';
import { startPlatformStub, type PlatformStub } from '../helpers/platform-stub.ts';

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

let root: string;
let stub: PlatformStub;
beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'start-bot-'));
  fs.mkdirSync(path.join(root, 'config'));
  fs.mkdirSync(path.join(root, 'corpus'));
  fs.writeFileSync(path.join(root, 'config', 'briefing.yaml'), CONFIG);
  fs.writeFileSync(path.join(root, 'corpus', 'ferry.txt'), ARTICLE);
  stub = await startPlatformStub();
});
afterEach(async () => {
  await stub.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => ({
  BRIEFING_CONFIG_DIR: path.join(root, 'config'),
  BRIEFING_DATA_DIR: path.join(root, 'data'),
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
    expect(fs.existsSync(path.join(root, 'data', 'corpus'))).toBe(true);
    const store = sqliteStore(path.join(root, 'data', 'briefing.db'));
    expect((await store.subscriptions.list()).map((s) => s.id)).toEqual(['declared']);
    await store.close();
  });

  it('a chat platform that does not start is one StartupError naming its settings', async () => {
    const c = await compose({
      source: env({ TELEGRAM_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345' }),
      mode: 'bot',
      apiRoots: { telegram: `${stub.telegramApiRoot}/nowhere` },
    });
    const io = { input: new PassThrough(), output: new PassThrough(), interactive: false };
    const err = await startBot(c, io).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toMatch(/^telegram did not start \(check TELEGRAM_TOKEN/);
    // The database was closed again: another process can open it at once.
    const store = sqliteStore(path.join(root, 'data', 'briefing.db'));
    await store.close();
  });
});
