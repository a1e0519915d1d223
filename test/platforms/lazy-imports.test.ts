import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The chat libraries a fresh process has loaded after importing `module` (their CommonJS files). */
function librariesLoadedBy(module: string): string[] {
  const script = `
    import { createRequire } from 'node:module';
    const require = createRequire(import.meta.url);
    await import(${JSON.stringify(new URL(module, import.meta.url).href)});
    const libs = Object.keys(require.cache).filter((k) => /node_modules\\/(discord\\.js|@discordjs|telegraf)\\//.test(k));
    console.log(JSON.stringify(libs));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() ?? '[]') as string[];
}

describe('platform libraries are imported only when their platform runs', () => {
  it('loads neither discord.js nor the Telegram client with the platform registry', () => {
    const loaded = librariesLoadedBy('../../src/platforms/index.ts');
    // telegraf's small entity formatter renders Telegram replies; its client (and all of discord.js) waits.
    expect(loaded.filter((f) => /discord|telegraf\/(lib\/)?(index|telegraf|telegram)\.js$/.test(f))).toEqual([]);
    expect(loaded.every((f) => f.includes('telegraf/'))).toBe(true);
  });

  it('does load discord.js with the Discord bot itself (so the check above can see it)', () => {
    expect(librariesLoadedBy('../../src/platforms/discord/discord-bot.ts').some((f) => f.includes('discord.js'))).toBe(true);
    expect(librariesLoadedBy('../../src/platforms/telegram/telegram-bot.ts').some((f) => /telegraf\/lib\/telegraf\.js$/.test(f))).toBe(true);
  });
});

/** Every package a fresh process loads (ES modules and CommonJS alike, seen by a loader hook) when importing `modules`. */
function packagesLoadedBy(modules: string[]): Set<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lazy-imports-'));
  try {
    const log = join(dir, 'loaded.txt');
    writeFileSync(log, '');
    const hooks = join(dir, 'hooks.mjs');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';
       export async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }`,
    );
    const imports = modules.map((m) => `await import(${JSON.stringify(new URL(m, import.meta.url).href)});`).join('\n');
    const script = `import { register } from 'node:module';
      import { pathToFileURL } from 'node:url';
      register(pathToFileURL(${JSON.stringify(hooks)}));
      ${imports}`;
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    const names = readFileSync(log, 'utf8')
      .split('\n')
      .map((url) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1])
      .filter((n): n is string => !!n);
    return new Set(names);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a start that follows no feed and uses SQLite loads no feed, HTTP or PostgreSQL library', () => {
  const heavy = ['undici', 'feedsmith', 'linkedom', '@mozilla/readability', 'encoding-sniffer', 'pg', 'pino-pretty', 'discord.js'];

  it('imports the composition root and the bot without them', () => {
    const loaded = packagesLoadedBy(['../../src/app/compose.ts', '../../src/app/start-bot.ts']);
    expect(loaded.has('zod')).toBe(true); // the hook sees what is loaded
    expect(heavy.filter((p) => loaded.has(p))).toEqual([]);
  });

  it('loads them with the modules that fetch, parse and store (so the check above can see them)', () => {
    const loaded = packagesLoadedBy(['../../src/feeds/feed-pipeline.ts', '../../src/store/pg-store.ts']);
    expect(['undici', 'feedsmith', 'linkedom', '@mozilla/readability', 'encoding-sniffer'].filter((p) => !loaded.has(p))).toEqual([]);
  });
});
