/** A temporary bot folder (config/briefing.yaml, corpus/<one article>) and a loopback platform stub, fresh for every test. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { startPlatformStub, type PlatformStub } from './platform-stub.ts';

/** The current test's folder and stub. */
export interface BotWorkspace {
  readonly root: string;
  readonly stub: PlatformStub;
}

/** Registers the hooks that make the folder and start the stub before each test, and remove both after. */
export function useBotWorkspace(prefix: string, config: string, article: { file: string; text: string }): BotWorkspace {
  let root = '';
  let stub: PlatformStub | undefined;
  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    fs.mkdirSync(path.join(root, 'config'));
    fs.mkdirSync(path.join(root, 'corpus'));
    fs.writeFileSync(path.join(root, 'config', 'briefing.yaml'), config);
    fs.writeFileSync(path.join(root, 'corpus', article.file), article.text);
    stub = await startPlatformStub();
  });
  afterEach(async () => {
    await stub?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });
  return {
    get root() {
      return root;
    },
    get stub() {
      if (!stub) throw new Error('the platform stub starts in beforeEach');
      return stub;
    },
  };
}
