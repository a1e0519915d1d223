import { execFileSync } from 'node:child_process';
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
