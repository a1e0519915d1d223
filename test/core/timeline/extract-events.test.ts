import { describe, expect, it } from 'vitest';
import { eventText, extractEvents, mergeEvents } from '../../../src/core/timeline/extract-events.ts';
import { compileTopics } from '../../../src/core/topics/topic-scorer.ts';
import { lakeDaily, lakeWire } from '../../fixtures/timeline/lake-talks.ts';
import { makeArticle } from '../../fixtures/timeline/make-article.ts';
import { seed, seedArticles } from '../../fixtures/timeline/seed.ts';

const topics = compileTopics([
  { id: 'water', title: 'Water', description: '', terms: [{ term: 'water', weight: 1 }] },
  { id: 'guarantees', title: 'Security guarantees', description: '', terms: [{ term: 'security guarantees', weight: 1 }] },
]);

const DAY = /^(?:\d{4}|-)-\d{2}-\d{2}$/;

describe('extractEvents on a report with a dateline and no year', () => {
  const events = extractEvents(lakeWire(), topics);
  const byText = (s: string) => events.find((e) => e.text.includes(s));

  it('dates stated days without inventing a year, and follows "the next day"', () => {
    expect(byText('met in La Paz')?.date).toBe('--03-03');
    expect(byText('signed a memorandum')?.date).toBe('--03-04');
  });

  it('keeps an unresolvable weekday and a part of a month as ranges, not as precise days', () => {
    expect(byText('second round')?.date).toBe('--03-06/--03-12');
    expect(byText('separate consultations')?.date).toBe('--03-01/--03-10');
  });

  it('does not make events of the dateline, plans or generic sentences', () => {
    expect(events.some((e) => e.date === '--03-12')).toBe(false);
    expect(byText('meet again')).toBeUndefined();
    expect(byText('symbol')).toBeUndefined();
  });

  it('strips the leading date phrase from the event text and cites the article and sentence', () => {
    const e = byText('met in La Paz');
    expect(e?.text.startsWith('Peruvian Foreign Minister Elena Quispe')).toBe(true);
    expect(e?.sources.map((s) => s.article)).toEqual(['lake-wire']);
    const a = lakeWire();
    const ev = e!.evidence[0]!;
    expect(a.text.slice(ev.span.start, ev.span.end)).toContain('On March 3');
    expect(e?.topics).toEqual([]);
    expect(byText('signed a memorandum')?.topics).toEqual(['water']);
  });

  it('resolves the weekday exactly once the publication date gives the year', () => {
    const dated = extractEvents(lakeWire({ published: '2024-03-12' }), topics); // a Tuesday
    expect(dated.find((e) => e.text.includes('second round'))?.date).toBe('2024-03-12');
    expect(dated.find((e) => e.text.includes('met in La Paz'))?.date).toBe('2024-03-03');
  });
});

describe('mergeEvents', () => {
  const merged = mergeEvents([...extractEvents(lakeWire(), topics), ...extractEvents(lakeDaily(), topics)]);

  it('states an event reported by two articles once, under the full date, with both sources', () => {
    const first = merged.filter((e) => e.date.endsWith('03-03'));
    expect(first).toHaveLength(1);
    expect(first[0]?.date).toBe('2024-03-03');
    expect(first[0]?.sources.map((s) => s.article).sort()).toEqual(['lake-daily', 'lake-wire']);
    expect(first[0]?.evidence).toHaveLength(2);
  });

  it('returns only exact days, sorted, dropping ranges that match no exact event', () => {
    for (const e of merged) expect(e.date).toMatch(DAY);
    // "on Tuesday" under the year-less dateline of March 12 resolves once the dated report gives 2024
    // (a Tuesday), without taking that year; the part of a month matches nothing and is dropped.
    expect(merged.map((e) => e.date)).toEqual(['2024-03-03', '--03-04', '--03-12']);
    expect(merged.find((e) => e.date === '--03-12')?.text).toContain('second round');
  });

  it('does not merge different events on the same day', () => {
    const a = { date: '--05-01', text: 'The army launched a missile attack on the port.', sources: [{ article: 'x', title: 'x' }], evidence: [], topics: [] };
    const b = {
      date: '2023-05-01',
      text: 'The parliament voted to approve the new budget.',
      sources: [{ article: 'y', title: 'y' }],
      evidence: [],
      topics: [],
    };
    expect(mergeEvents([a, b])).toHaveLength(2);
  });
});

describe('eventText', () => {
  it('shortens a long sentence at a clause boundary and keeps the attribution', () => {
    const s = `The two delegations met at the border crossing, ${'where they discussed fishing, water rights and the shared border at great length, '.repeat(3)}according to a senior official.`;
    const t = eventText(s, { start: 0, end: 0 });
    expect(t.length).toBeLessThan(s.length);
    expect(t).toContain('according to a senior official');
    expect(t.endsWith('…')).toBe(true);
  });
});

describe('the seed corpus timeline', () => {
  for (const published of [false, true]) {
    describe(published ? 'with publication dates' : 'with datelines only', () => {
      const articles = seedArticles({ published });
      const events = mergeEvents(articles.flatMap((a) => extractEvents(a, topics)));
      const year = published ? '2025' : '-';

      it('merges the summit reported by two articles (one of them "in mid-August")', () => {
        const summit = events.find((e) => e.date === `${year}-08-15`);
        expect(summit?.sources.map((s) => s.article.slice(0, 3)).sort()).toEqual(['000', '004']);
      });

      it('merges the call of the 18th reported by three articles, including "on Monday" under a dateline of the 19th', () => {
        const call = events.filter((e) => e.date === `${year}-08-18` && e.sources.length >= 3);
        expect(call).toHaveLength(1);
        expect(call[0]?.sources.map((s) => s.article.slice(0, 3)).sort()).toEqual(['000', '002', '003']);
      });

      it('has only exact days, in order, and no event on a dateline or publication date', () => {
        for (const e of events) expect(e.date).toMatch(DAY);
        const keys = events.map((e) => e.date.replace(/^--/, '2025-'));
        expect([...keys].sort()).toEqual(keys);
        expect(events.some((e) => e.date.endsWith('08-26') || e.date.endsWith('08-19'))).toBe(false);
      });
    });
  }

  it('dates "on Monday" under the dateline of the 26th only when the year is known', () => {
    const withYear = extractEvents(seed(seedArticles({ published: true }), '000'), topics);
    expect(withYear.find((e) => e.text.includes('confirmed he had recently spoken'))?.date).toBe('2025-08-25');
    const without = extractEvents(seed(seedArticles(), '000'), topics);
    expect(without.find((e) => e.text.includes('confirmed he had recently spoken'))?.date).toBe('--08-20/--08-26');
  });
});

describe('mergeEvents does not depend on the order of the reports', () => {
  it('gives the same events for the seed corpus forwards and backwards', () => {
    const events = seedArticles({ published: true }).flatMap((a) => extractEvents(a, topics));
    const shape = (list: ReturnType<typeof mergeEvents>) =>
      list
        .map(
          (e) =>
            `${e.date} ${e.sources
              .map((s) => s.article.slice(0, 3))
              .sort()
              .join(',')}`,
        )
        .sort();
    expect(shape(mergeEvents([...events].reverse()))).toEqual(shape(mergeEvents(events)));
  });
});

describe('mergeEvents on arbitrary input', () => {
  it('returns only exact days, never more events than exact inputs, every source kept or merged', async () => {
    const fc = (await import('fast-check')).default;
    const day = fc.record({
      y: fc.option(fc.integer({ min: 2020, max: 2026 }), { nil: undefined }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    });
    const fmt = (x: { y: number | undefined; m: number; d: number }) => `${x.y ?? '-'}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;
    const date = fc.oneof(
      day.map(fmt),
      fc.tuple(day, fc.integer({ min: 1, max: 10 })).map(([x, n]) => `${fmt(x)}/${fmt({ ...x, d: Math.min(28, x.d + n) })}`),
    );
    const text = fc.constantFrom(
      'The leaders met in the capital.',
      'The army launched a strike on the port.',
      'The parliament voted on the budget.',
      'The two presidents spoke by phone.',
    );
    fc.assert(
      fc.property(fc.array(fc.record({ date, text, article: fc.constantFrom('a', 'b', 'c') }), { maxLength: 12 }), (raw) => {
        const events = raw.map((r, i) => ({
          date: r.date,
          text: r.text,
          sources: [{ article: r.article, title: r.article }],
          evidence: [{ article: r.article, sentence: i, span: { start: 0, end: 1 } }],
          topics: [],
        }));
        const out = mergeEvents(events);
        const isExact = (d: string) => !d.includes('/') || d.split('/')[0] === d.split('/')[1];
        for (const e of out) expect(e.date).toMatch(DAY);
        expect(out.length).toBeLessThanOrEqual(events.filter((e) => isExact(e.date)).length);
        const exactIds = new Set(events.filter((e) => isExact(e.date)).map((e) => e.evidence[0]!.sentence));
        const kept = new Set(out.flatMap((e) => e.evidence.map((x) => x.sentence)));
        for (const id of exactIds) expect(kept.has(id)).toBe(true);
      }),
    );
  });
});

describe('remarks and plans', () => {
  const article = makeArticle(
    'remarks',
    [
      'Speaking to reporters on Sunday, Prime Minister Ana Ruiz said a settlement will be reached within weeks.',
      'Ruiz will meet her counterpart on Friday, officials said.',
      'On Monday, the foreign minister told parliament that talks would resume.',
    ],
    { published: '2024-05-14' }, // a Tuesday
  );
  const events = extractEvents(article, topics);

  it('dates remarks made on a stated day, even when what was said is about the future', () => {
    expect(events.find((e) => e.text.includes('settlement will be reached'))?.date).toBe('2024-05-12');
    expect(events.find((e) => e.text.includes('told parliament'))?.date).toBe('2024-05-13');
  });

  it('does not date a planned meeting as if it had happened', () => {
    expect(events.find((e) => e.text.includes('meet her counterpart'))).toBeUndefined();
  });
});
