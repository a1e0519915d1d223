/** Failures found by the blind hold-out evaluation, reproduced on articles of my own. */
import { describe, expect, it } from 'vitest';
import { extractEvents, mergeEvents } from '../../../src/core/timeline/extract-events.ts';
import { resolveDates } from '../../../src/core/timeline/dates.ts';
import { compileTopics } from '../../../src/core/topics/topic-scorer.ts';
import { makeArticle } from '../../fixtures/timeline/make-article.ts';

const topics = compileTopics([]);

describe('a bare weekday under a year-less dateline', () => {
  // 2026-03-14 is a Saturday.
  const wire = () =>
    makeArticle('river-wire', ['Negotiators from both provinces held their first direct water talks in years on Saturday, without agreeing on quotas.'], {
      dateline: { raw: 'GENEVA, March 14 (River Wire) -', month: 3, day: 14 },
    });
  const dated = () =>
    makeArticle('river-daily', ['The water commission approved a new monitoring budget on March 16, officials said.'], { published: '2026-03-17' });

  it('stays a week range in its own article (no year is invented)', () => {
    expect(extractEvents(wire(), topics)[0]?.date).toBe('--03-08/--03-14');
  });

  it('is resolved at merge time when dated reports within a month give the year, and keeps no year', () => {
    const merged = mergeEvents([...extractEvents(wire(), topics), ...extractEvents(dated(), topics)]);
    const talks = merged.find((e) => e.text.includes('first direct water talks'));
    expect(talks?.date).toBe('--03-14');
    expect(Object.keys(talks!)).not.toContain('weekday');
  });

  it('is still dropped when no dated report is near', () => {
    const far = makeArticle('far', ['The water commission approved a budget on September 2, officials said.'], { published: '2026-09-03' });
    expect(mergeEvents([...extractEvents(wire(), topics), ...extractEvents(far, topics)]).some((e) => e.text.includes('water talks'))).toBe(false);
  });
});

describe('"the day after" with a date in the same sentence', () => {
  it('counts from that date, not from the previous date of the article', () => {
    const ms = resolveDates(
      'The minister spoke the day after the first round of talks ended in Geneva on May 2 without a deal.',
      { year: 2026, month: 5, day: 4 },
      {
        from: { year: 2026, month: 5, day: 3 },
        to: { year: 2026, month: 5, day: 3 },
      },
    );
    expect(ms[0]).toMatchObject({ text: 'the day after', from: { month: 5, day: 3 } });
  });

  it('still follows the previous date when nothing is named after it', () => {
    const ms = resolveDates(
      'The day after, both sides signed.',
      { year: 2026, month: 5, day: 9 },
      { from: { year: 2026, month: 5, day: 3 }, to: { year: 2026, month: 5, day: 3 } },
    );
    expect(ms[0]?.from).toEqual({ year: 2026, month: 5, day: 4 });
  });
});

describe('event verbs and remarks', () => {
  // 2026-06-10 is a Wednesday.
  const article = makeArticle(
    'verbs',
    [
      'The council is preparing new limits on river dredging that would cut permits by half, environment commissioner Lea Moor said on Monday, warning of droughts.',
      'On Tuesday, the northern province accused the south of diverting water from the canal.',
      'The regional currency fell 2 percent on Tuesday after the remarks.',
      'The two provinces exchanged 40 detained fishermen on Tuesday at the border bridge.',
      'The agency said in a statement on Monday that the dam was safe.',
      'Officials said the provinces would meet on June 20, but spokesman Ivo Lind said on Tuesday that no date had been agreed.',
    ],
    { published: '2026-06-10' },
  );
  const events = extractEvents(article, topics);
  const dateOf = (s: string) => events.find((e) => e.text.includes(s))?.date;

  it('extracts accusations, market moves, exchanges and statements', () => {
    expect(dateOf('accused the south')).toBe('2026-06-09');
    expect(dateOf('currency fell')).toBe('2026-06-09');
    expect(dateOf('exchanged 40')).toBe('2026-06-09');
    expect(dateOf('dam was safe')).toBe('2026-06-08');
  });

  it('extracts a lead sentence about a plan with a dated attribution, under the day of the remark', () => {
    expect(dateOf('preparing new limits')).toBe('2026-06-08');
  });

  it('dates a remark by the day it was made, not by a planned date in it', () => {
    expect(dateOf('no date had been agreed')).toBe('2026-06-09');
  });

  it('tells a long sentence from the clause that the date governs', () => {
    const long = makeArticle(
      'long',
      [
        'Regional officials said the governors of the northern and southern provinces would meet at the border bridge on June 20 to sign the canal accord, but spokesman Ivo Lind said on Tuesday that the meeting would only go ahead if engineers finished the survey first.',
      ],
      { published: '2026-06-10' },
    );
    const [e] = extractEvents(long, topics);
    expect(e?.date).toBe('2026-06-09');
    expect(e?.text).toMatch(/^Spokesman Ivo Lind said on Tuesday that the meeting would only go ahead/);
  });
});

describe('the text shown for merged reports', () => {
  it('is the report whose date directly dates the event, not a later remark that mentions it', () => {
    const remark = makeArticle('remark', ['The governor also said the flood at Ormsby on April 28, which killed 9 people, showed why dikes were needed.'], {
      published: '2026-05-04',
    });
    const report = makeArticle('report', ['On Tuesday, a flood at Ormsby killed 9 people, including two children, rescuers said.'], {
      published: '2026-04-29',
    });
    for (const order of [
      [remark, report],
      [report, remark],
    ]) {
      const merged = mergeEvents(order.flatMap((a) => extractEvents(a, topics)));
      expect(merged).toHaveLength(1);
      expect(merged[0]?.date).toBe('2026-04-28');
      expect(merged[0]?.text).toMatch(/^A flood at Ormsby killed/);
      expect(merged[0]?.evidence[0]?.article).toBe('report');
    }
  });
});
