import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';

function sink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('never writes a token: redacted by field and scrubbed from messages and errors', () => {
    const token = '123456789:AAAbbbCCCdddEEEfffGGG';
    const { lines, stream } = sink();
    const log = createLogger({ level: 'info', secrets: [token], destination: stream });
    log.info({ token, env: { TELEGRAM_TOKEN: token } }, 'starting');
    log.error({ err: new Error(`request to https://api.telegram.org/bot${token}/getMe failed`) }, `failed with ${token}`);
    const out = lines.join('');
    expect(out).not.toContain(token);
    expect(out).toContain('[Redacted]');
  });
  it('respects the level', () => {
    const { lines, stream } = sink();
    const log = createLogger({ level: 'warn', destination: stream });
    log.info('hidden');
    log.warn('shown');
    expect(lines.join('')).not.toContain('hidden');
    expect(lines.join('')).toContain('shown');
  });
});
