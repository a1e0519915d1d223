import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../src/platforms/index.ts';
import type { Reply } from '../../src/reply/reply.ts';
import { targetParser } from '../../src/scheduler/target.ts';

const reply: Reply = { kind: 'answer', title: 'T', sections: [{ points: [{ text: 'A point @everyone.', citations: [{ article: 'a', label: 'Wire' }] }] }] };

describe('the platform registry', () => {
  it('has unique ids; every platform that takes targets has a publisher, and its help names its prefix', () => {
    const ids = PLATFORMS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of PLATFORMS) {
      if (!p.target) continue;
      expect(p.target.platform).toBe(p.id);
      expect(p.target.help.startsWith(`${p.id}:`)).toBe(true);
      expect(typeof p.publisher).toBe('function');
    }
  });

  it('exactly one chat platform is the fallback (the console), and every platform renders a Reply', () => {
    expect(PLATFORMS.filter((p) => p.chat?.fallback).map((p) => p.id)).toEqual(['console']);
    for (const p of PLATFORMS) expect(p.render(reply)).toBeTruthy();
  });

  it('a parser built from the registry knows every prefix and names them all on a bad target', () => {
    const parse = targetParser(PLATFORMS.flatMap((p) => (p.target ? [p.target] : [])));
    expect(parse('discord:123456789012345678')).toMatchObject({ ok: true, value: { platform: 'discord', address: '123456789012345678' } });
    expect(parse('telegram:@news_channel')).toMatchObject({ ok: true, value: { platform: 'telegram', address: '@news_channel' } });
    expect(parse('file:out.jsonl')).toMatchObject({ ok: true, value: { platform: 'file', address: 'out.jsonl' } });
    const bad = parse('slack:general');
    expect(bad.ok).toBe(false);
    if (!bad.ok) for (const p of PLATFORMS.filter((x) => x.target)) expect(bad.error.message).toContain(`${p.id}:`);
  });
});
