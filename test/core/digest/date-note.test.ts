import { describe, expect, it } from 'vitest';
import { annotateRelativeDays } from '../../../src/core/digest/date-note.ts';

describe('annotateRelativeDays', () => {
  const article = { published: '2026-05-04' };

  it('adds the resolved day after a relative weekday', () => {
    expect(annotateRelativeDays('The envoy said on Sunday that talks would resume.', article)).toBe(
      'The envoy said on Sunday [3 May] that talks would resume.',
    );
  });

  it('leaves stated dates and texts without a reference date alone', () => {
    expect(annotateRelativeDays('The talks ended on May 2.', article)).toBe('The talks ended on May 2.');
    expect(annotateRelativeDays('The envoy spoke on Sunday, May 3.', article)).toBe('The envoy spoke on Sunday, May 3.');
    expect(annotateRelativeDays('The envoy said on Sunday that talks would resume.', {})).toBe('The envoy said on Sunday that talks would resume.');
  });
});

describe('annotateRelativeDays on plans', () => {
  it('leaves a future or planned day alone (relative days resolve to the past)', () => {
    const article = { published: '2026-05-06' };
    expect(annotateRelativeDays('The new rules take effect on Friday.', article)).toBe('The new rules take effect on Friday.');
    expect(annotateRelativeDays('The envoys will meet on Monday.', article)).toBe('The envoys will meet on Monday.');
    const prepared = 'The bloc imposed sanctions, as the two leaders prepared to meet in Geneva on Friday.';
    expect(annotateRelativeDays(prepared, article)).toBe(prepared);
    expect(annotateRelativeDays('The envoys met on Monday.', article)).toBe('The envoys met on Monday [4 May].');
  });
});
