import { describe, expect, it } from 'vitest';
import { breadcrumb, breadcrumbOutlet, pageStamp } from '../../../src/core/corpus/page-meta.ts';
import { parse } from './seed.ts';

describe('publication stamps', () => {
  it('reads the date of Published / Posted / Updated lines', () => {
    expect(pageStamp('Published 6 May 2026, 09:15 GMT')).toEqual({ date: '2026-05-06', updated: false });
    expect(pageStamp('Posted on May 6, 2026')).toEqual({ date: '2026-05-06', updated: false });
    expect(pageStamp('Updated: 2026-05-07 10:00')).toEqual({ date: '2026-05-07', updated: true });
    expect(pageStamp('Published By: Rahul Kumar')).toBeUndefined();
    expect(pageStamp('Published 31 February 2026')).toBeUndefined();
  });
});

describe('breadcrumbs', () => {
  it('recognises navigation trails and the outlet they start with', () => {
    expect(breadcrumb('Coast News | World | Europe')).toEqual(['Coast News', 'World', 'Europe']);
    expect(breadcrumbOutlet(['Coast News', 'World', 'Europe'])).toBe('Coast News');
    expect(breadcrumbOutlet(['World', 'Europe'])).toBeUndefined();
    expect(breadcrumb('Ministers agree a deal | Coast News says talks went well')).toBeUndefined();
    expect(breadcrumb('Trade talks resume in Geneva')).toBeUndefined();
  });
});

describe('scraped page metadata in an article', () => {
  const raw = [
    'Coast News | World | Europe',
    'Skip to main content',
    'Menu',
    'WORLD',
    'Port strike ends as unions and employers sign two-year wage deal',
    'By Ana Writer, Labour Correspondent',
    'Published 6 May 2026, 09:15 GMT',
    'Share',
    'Dock workers and employers signed a wage deal on Tuesday, ending a strike that had closed the port for a week.',
    'The agreement raises pay by six percent, the union said.',
  ].join('\n');
  const a = parse(raw, 'coast.txt');

  it('takes the publication date from the stamp and the outlet from the breadcrumb, keeping both out of the content', () => {
    expect(a.published).toBe('2026-05-06');
    expect(a.source).toBe('Coast News');
    expect(a.sentences.some((s) => /Published|Coast News \|/.test(s.text))).toBe(false);
  });

  it('takes the real headline after the breadcrumb as the title, not as a sub-heading', () => {
    expect(a.title).toBe('Port strike ends as unions and employers sign two-year wage deal');
    expect(a.sentences.every((s) => s.kind === 'body')).toBe(true);
  });

  it('lets front matter win over a stamp', () => {
    const b = parse(`---\npublished: 2026-05-05\nsource: Front Outlet\n---\n${raw}`, 'b.txt');
    expect(b.published).toBe('2026-05-05');
    expect(b.source).toBe('Front Outlet');
  });
});
