import { describe, expect, it } from 'vitest';
import { parseWhosaid } from '../../src/commands/defs/whosaid.ts';
import { parseSubscribe } from '../../src/commands/defs/subscribe.ts';
import { parseArgs, parseCommandLine, tokenize } from '../../src/commands/parse-text.ts';
import { findCommand } from '../../src/commands/registry.ts';

const ctx = { topicIds: ['sanctions', 'summits', 'peace-talks'] };

describe('parseCommandLine', () => {
  it('splits the command, the bot name and the rest', () => {
    expect(parseCommandLine('/briefing sanctions')).toEqual({ name: 'briefing', rest: 'sanctions' });
    expect(parseCommandLine('/Briefing@ThisBot  summits ')).toEqual({ name: 'briefing', bot: 'ThisBot', rest: 'summits' });
    expect(parseCommandLine('/help')).toEqual({ name: 'help', rest: '' });
  });
  it('is undefined for text that is not a command', () => {
    expect(parseCommandLine('hello /briefing')).toBeUndefined();
    expect(parseCommandLine('/')).toBeUndefined();
    expect(parseCommandLine('')).toBeUndefined();
  });
});

describe('argument parsing', () => {
  it('keeps quoted phrases together', () => {
    expect(tokenize('"Jane Doe" sanctions “New York”')).toEqual(['Jane Doe', 'sanctions', 'New York']);
  });
  it('gives a single-option command the whole rest', () => {
    expect(parseArgs(findCommand('briefing')!, 'peace talks', ctx)).toEqual({ topic: 'peace talks' });
  });
  it('reads a trailing known topic of /whosaid as the topic', () => {
    expect(parseWhosaid(['Jane', 'Doe', 'sanctions'], ctx)).toEqual({ person: 'Jane Doe', topic: 'sanctions' });
    expect(parseWhosaid(['Jane', 'Doe'], ctx)).toEqual({ person: 'Jane Doe' });
    expect(parseWhosaid(['sanctions'], ctx)).toEqual({ person: 'sanctions' });
  });
  it('splits /subscribe into topics, schedule and time zone', () => {
    expect(parseSubscribe(['sanctions', 'summits', 'daily', '08:00', 'Europe/Berlin'], ctx)).toEqual({
      topics: 'sanctions summits',
      schedule: 'daily 08:00',
      timezone: 'Europe/Berlin',
    });
    expect(parseSubscribe(['sanctions', '0', '8', '*', '*', '1-5'], ctx)).toEqual({ topics: 'sanctions', schedule: '0 8 * * 1-5' });
    expect(parseSubscribe(['sanctions'], ctx)).toEqual({ topics: 'sanctions' });
    expect(parseSubscribe(['sanctoins', 'weekly', 'mon', '09:00', 'UTC'], ctx)).toEqual({ topics: 'sanctoins', schedule: 'weekly mon 09:00', timezone: 'UTC' });
  });
});
