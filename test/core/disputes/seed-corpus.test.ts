/** End to end on the seed corpus with the real parser, statements engine and topic scorer, through the briefing facade. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BriefingConfigSchema, PartiesConfigSchema } from '../../../src/config/briefing-config.schema.ts';
import { buildBriefing } from '../../../src/core/briefing.ts';
import { parseArticle } from '../../../src/core/corpus/parse-article.ts';
import type { Article } from '../../../src/core/model.ts';
import { SEED_PUBLISHED, withoutFrontMatter } from '../../fixtures/timeline/seed.ts';

const DIR = 'briefings/corpus';
const config = BriefingConfigSchema.parse(parse(readFileSync('config/briefing.yaml', 'utf8')));
const parties = PartiesConfigSchema.parse(parse(readFileSync('config/parties.yaml', 'utf8'))).parties;

function load(published: boolean): Article[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      let raw = withoutFrontMatter(readFileSync(join(DIR, f), 'utf8'));
      if (published) raw = `---\npublished: ${SEED_PUBLISHED[f.slice(0, 3)]}\n---\n${raw}`;
      const a = parseArticle(f, raw).article;
      if (!a) throw new Error(`seed ${f} did not parse`);
      return a;
    });
}

const key = (id: string) => id.slice(0, 3);

for (const published of [false, true]) {
  describe(`seed corpus through the briefing (${published ? 'with' : 'without'} publication dates)`, () => {
    const b = buildBriefing(load(published), { topics: config.topics, parties });
    const y = published ? '2025' : '-';

    it('builds a timeline with the summit and the call merged across articles, only exact days', () => {
      const tl = b.timeline();
      if (!tl.ok) throw new Error('timeline failed');
      for (const e of tl.value) expect(e.date).toMatch(/^(?:\d{4}|-)-\d{2}-\d{2}$/);
      // Nothing happened on a dateline or publication day of these articles…
      expect(tl.value.some((e) => e.date.endsWith('08-26') || e.date.endsWith('08-19'))).toBe(false);
      // …but the remarks of Sunday 7 September are dated when the year is known.
      const remarks = tl.value.filter((e) => e.date.endsWith('09-07'));
      if (published) expect(remarks.flatMap((e) => e.sources.map((s) => key(s.article)))).toContain('004');
      else expect(remarks).toEqual([]);
      expect(
        tl.value
          .find((e) => e.date === `${y}-08-15`)
          ?.sources.map((s) => key(s.article))
          .sort(),
      ).toEqual(['000', '004']);
      const call = tl.value.find((e) => e.date === `${y}-08-18` && e.sources.length >= 3);
      expect(call?.sources.map((s) => key(s.article)).sort()).toEqual(['000', '002', '003']);
    });

    it('finds the denied meeting and the dismissed security guarantees as disputes between Washington and Moscow', () => {
      const ds = b.disputes();
      const meeting = ds.find((d) => d.cue === 'denied');
      expect(meeting?.claim.party).toBe('washington');
      expect(meeting?.counter.party).toBe('moscow');
      expect(meeting?.claim.articles.map(key)).toContain('000');
      const sg = ds.find((d) => d.counter.speaker?.includes('Zakharova'));
      expect(sg?.claim.party).toBe('washington');
      for (const d of ds) expect(d.claim.party ?? 'none').not.toBe(d.counter.party ?? 'other');
    });

    it('lays out the positions on security guarantees by party, marking the disputed ones', () => {
      const p = b.positions('security-guarantees');
      if (!p.ok) throw new Error('positions failed');
      const ids = p.value.parties.map((x) => x.party);
      expect(ids).toEqual(expect.arrayContaining(['washington', 'kyiv', 'moscow', 'europeans']));
      expect(p.value.parties.find((x) => x.party === 'moscow')?.speakers.some((s) => s.includes('Zakharova'))).toBe(true);
      expect(p.value.parties.find((x) => x.party === 'moscow')?.disputed).toBe(true);
      expect(p.value.parties.find((x) => x.party === 'europeans')?.speakers.some((s) => s.includes('Tajani'))).toBe(true);
    });
  });
}

describe('briefing facade: positions and since', () => {
  const b = buildBriefing(load(true), { topics: config.topics, parties });

  it('answers an unknown topic for positions with suggestions', () => {
    const r = b.positions('security-guarantee');
    expect(r.ok).toBe(false);
    if (!r.ok && r.error.code === 'unknown_topic') expect(r.error.suggestions).toContain('security-guarantees');
  });

  it('rejects a bad since with a bad_date error, and filters by publication date', () => {
    const bad = b.digest('security-guarantees', { since: 'last week' });
    expect(bad.ok ? undefined : bad.error.code).toBe('bad_date');
    const recent = b.digest('security-guarantees', { since: '2025-09-06' });
    if (!recent.ok) throw new Error('digest failed');
    for (const item of recent.value.items) for (const s of item.sources) expect(['001', '004']).toContain(key(s.article));
  });
});
