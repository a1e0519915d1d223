import { describe, expect, it } from 'vitest';
import { isNewSince, parseSince } from '../../../src/core/timeline/since.ts';

describe('parseSince', () => {
  it('accepts a calendar date and ISO instants with or without a zone', () => {
    expect(parseSince('2025-09-07')).toEqual({ ok: true, value: { kind: 'date', date: '2025-09-07' } });
    const r = parseSince('2025-09-07T18:00:00Z');
    expect(r.ok && r.value.kind === 'instant' && r.value.ms).toBe(Date.UTC(2025, 8, 7, 18));
    const offset = parseSince('2025-09-07T20:00:00+02:00');
    expect(offset.ok && offset.value.kind === 'instant' && offset.value.ms).toBe(Date.UTC(2025, 8, 7, 18));
    const noZone = parseSince('2025-09-07T18:00');
    expect(noZone.ok && noZone.value.kind === 'instant' && noZone.value.ms).toBe(Date.UTC(2025, 8, 7, 18));
  });

  it.each(['yesterday', '07/09/2025', '2025-13-01', '2025-02-30', '2025-09-07T25:00:00Z', '', '2025-9-7'])(
    'rejects %j with a message naming the value and the valid forms',
    (bad) => {
      const r = parseSince(bad);
      expect(r.ok).toBe(false);
      if (r.ok || r.error.code !== 'bad_date') throw new Error('expected bad_date');
      expect(r.error.input).toBe(bad);
      expect(r.error.message).toContain(`"${bad}"`);
      expect(r.error.message).toContain('YYYY-MM-DD');
      expect(r.error.message).toContain('ISO instant');
    },
  );
});

describe('isNewSince', () => {
  it('counts an article published after the date, not one published on it', () => {
    expect(isNewSince({ published: '2025-09-08' }, '2025-09-07')).toBe(true);
    expect(isNewSince({ published: '2025-09-07' }, '2025-09-07')).toBe(false);
    expect(isNewSince({ published: '2025-09-06' }, '2025-09-07')).toBe(false);
  });

  it('uses the time the article was added when it has no publication date', () => {
    expect(isNewSince({ addedAt: '2025-09-07T10:00:00.000Z' }, '2025-09-07T09:00:00Z')).toBe(true);
    expect(isNewSince({ addedAt: '2025-09-07T08:00:00.000Z' }, '2025-09-07T09:00:00Z')).toBe(false);
    expect(isNewSince({ addedAt: '2025-09-07T23:00:00.000Z' }, '2025-09-07')).toBe(false);
    expect(isNewSince({ addedAt: '2025-09-08T00:30:00.000Z' }, '2025-09-07')).toBe(true);
  });

  it('prefers the publication date to the time added', () => {
    expect(isNewSince({ published: '2025-08-01', addedAt: '2025-09-10T00:00:00Z' }, '2025-09-01')).toBe(false);
  });

  it('compares a date-only publication with an instant by day', () => {
    expect(isNewSince({ published: '2025-09-08' }, '2025-09-07T18:00:00Z')).toBe(true);
    expect(isNewSince({ published: '2025-09-07' }, '2025-09-07T18:00:00Z')).toBe(false);
  });

  it('never counts an article without any date as new', () => {
    expect(isNewSince({}, '2000-01-01')).toBe(false);
  });

  it('throws a clear error on an invalid since string', () => {
    expect(() => isNewSince({ published: '2025-09-08' }, 'last tuesday')).toThrow(/"last tuesday".*YYYY-MM-DD/);
  });
});
