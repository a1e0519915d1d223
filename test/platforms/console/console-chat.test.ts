import { PassThrough } from 'node:stream';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../../src/platforms/console/console-chat.ts';
import type { CommandDeps } from '../../../src/commands/command.ts';
import { createRateLimiter } from '../../../src/rate-limit.ts';
import { corpusDeps } from '../../commands/corpus-deps.ts';

let deps: CommandDeps;
beforeAll(async () => {
  deps = await corpusDeps();
});

async function chat(lines: string, extra: Partial<Parameters<typeof runConsole>[0]> = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => (text += String(d)));
  const done = runConsole({ deps, logger: pino({ level: 'silent' }), input, output, interactive: false, ...extra });
  input.end(lines);
  await done;
  return text;
}

describe('runConsole', () => {
  it('answers each line in order, with or without the slash, and stops at /quit', async () => {
    const out = await chat('help\n\n/topics\n/quit\n/sources\n');
    expect(out.indexOf('== Commands ==')).toBeLessThan(out.indexOf('== Topics =='));
    expect(out).not.toContain('== Sources ==');
  });
  it('answers politely when one user floods', async () => {
    const out = await chat('/help\n/help\n/help\n', { limiter: createRateLimiter({ perMinute: 2, now: () => 0 }) });
    expect(out).toContain('! Slow down a little');
  });
  it('apologises once and goes on when a command fails unexpectedly', async () => {
    const broken = {
      ...deps,
      briefing: () => {
        throw new Error('boom');
      },
    };
    const out = await chat('/sources\n/help\n', { deps: broken });
    expect(out).toContain('! Sorry, something went wrong');
    expect(out).toContain('== Commands ==');
  });
});
