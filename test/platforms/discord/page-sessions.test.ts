import { describe, expect, it } from 'vitest';
import { createPageSessions } from '../../../src/platforms/discord/page-sessions.ts';

describe('createPageSessions', () => {
  it('expires sessions after the TTL and bounds how many are kept', () => {
    let t = 0;
    const s = createPageSessions({ ttlMs: 1000, max: 2, now: () => t });
    const a = s.create('u', [{ title: 'p' }], []);
    expect(s.get(a.id)?.userId).toBe('u');
    t = 1000;
    expect(s.get(a.id)).toBeUndefined();
    const b = s.create('u', [], []);
    s.create('u', [], []);
    s.create('u', [], []);
    expect(s.get(b.id)).toBeUndefined();
    expect(s.size()).toBe(2);
  });
});
