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
  // 6 May 2026 is a Wednesday.
  const article = { published: '2026-05-06' };
  it('dates a planned weekday as the coming one, a reported one as the past one', () => {
    expect(annotateRelativeDays('The new rules take effect on Friday.', article)).toBe('The new rules take effect on Friday [8 May].');
    expect(annotateRelativeDays('The envoys will meet on Monday.', article)).toBe('The envoys will meet on Monday [11 May].');
    expect(annotateRelativeDays('The bloc imposed sanctions, as the two leaders prepared to meet in Geneva on Friday.', article)).toBe(
      'The bloc imposed sanctions, as the two leaders prepared to meet in Geneva on Friday [8 May].',
    );
    expect(annotateRelativeDays('The crew hope to land by Saturday evening.', article)).toBe('The crew hope to land by Saturday [9 May] evening.');
    expect(annotateRelativeDays('The envoys met on Monday.', article)).toBe('The envoys met on Monday [4 May].');
  });

  it('leaves a planned day on the article’s own weekday alone (this one or next week’s)', () => {
    expect(annotateRelativeDays('The envoys will meet on Wednesday.', article)).toBe('The envoys will meet on Wednesday.');
  });

  it('dates a day whose verb follows it (wire style), and today or yesterday whatever the tense', () => {
    expect(annotateRelativeDays('The ministry Tuesday rejected the report.', article)).toBe('The ministry Tuesday [5 May] rejected the report.');
    expect(annotateRelativeDays('The couple will try to settle today.', article)).toBe('The couple will try to settle today [6 May].');
    expect(annotateRelativeDays('A judge today barred the defense from using it.', article)).toBe('A judge today [6 May] barred the defense from using it.');
    expect(annotateRelativeDays("Rescuers reached the town struck in Tuesday's quake.", article)).toBe(
      "Rescuers reached the town struck in Tuesday's [5 May] quake.",
    );
  });
});
