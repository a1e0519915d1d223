import { describe, expect, it } from 'vitest';
import { createChoiceMemory, withRetryAfter } from '../../../src/platforms/telegram/send-reply.ts';
import { callbackData } from '../../../src/platforms/telegram/render-telegram.ts';

describe('withRetryAfter', () => {
  it('retries a 429 after retry_after, at most three times, and passes other errors through', async () => {
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls < 3) throw Object.assign(new Error('429: Too Many Requests'), { parameters: { retry_after: 0 } });
      return 'sent';
    };
    expect(await withRetryAfter(flaky)).toBe('sent');
    expect(calls).toBe(3);
    let n = 0;
    const always429 = async () => {
      n++;
      throw Object.assign(new Error('429'), { parameters: { retry_after: 0 } });
    };
    await expect(withRetryAfter(always429)).rejects.toThrow('429');
    expect(n).toBe(4);
    await expect(
      withRetryAfter(async () => {
        throw new Error('403: Forbidden');
      }),
    ).rejects.toThrow('403');
  });
});

describe('callback data', () => {
  it('carries the command when it fits in 64 bytes, else a key to remember it by', () => {
    const memory = createChoiceMemory(2);
    expect(callbackData({ label: 'x', command: '/briefing summits' }, memory.remember)).toBe('c:/briefing summits');
    const long = `/whosaid ${'ü'.repeat(40)}`;
    const data = callbackData({ label: 'x', command: long }, memory.remember);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(memory.recall(data.slice(2))).toBe(long);
  });
});
