import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PartiesConfigSchema } from '../../../src/config/briefing-config.schema.ts';
import { findDisputes } from '../../../src/core/disputes/find-disputes.ts';
import type { TopicDef } from '../../../src/core/model.ts';
import { buildPositions } from '../../../src/core/positions/build-positions.ts';
import { HARBOUR_PARTIES, HARBOUR_SPEAKERS, harbourArticle, harbourStatements } from '../../fixtures/positions/harbour-deal.ts';
import { SEED_SPEAKERS, seedStatements } from '../../fixtures/positions/seed-statements.ts';
import { makeStatement } from '../../fixtures/timeline/make-article.ts';
import { seedArticles } from '../../fixtures/timeline/seed.ts';

const topic = (id: string, title = id): TopicDef => ({ id, title, description: '', terms: [{ term: id, weight: 1 }] });
const seedParties = PartiesConfigSchema.parse(parse(readFileSync('config/parties.yaml', 'utf8'))).parties;

describe('buildPositions on the seed corpus (hand-made statements)', () => {
  const articles = seedArticles();
  const statements = seedStatements(articles);
  const disputes = findDisputes({ articles, statements, speakers: SEED_SPEAKERS, parties: seedParties });
  const p = buildPositions({ topic: topic('security-guarantees', 'Security guarantees'), statements, speakers: SEED_SPEAKERS, parties: seedParties, disputes });
  const party = (id: string) => p.parties.find((x) => x.party === id);

  it('puts each speaker under the government they speak for, side by side in config order', () => {
    expect(p.topic).toBe('security-guarantees');
    expect(p.parties.map((x) => x.party)).toEqual(['washington', 'kyiv', 'moscow', 'europeans']);
    expect(party('washington')?.speakers).toEqual(['Donald Trump']);
    expect(party('kyiv')?.speakers).toEqual(['Volodymyr Zelensky']);
    expect(party('moscow')?.speakers).toEqual(['Maria Zakharova']);
    expect(party('europeans')?.speakers).toEqual(['Antonio Tajani']);
  });

  it('uses only statements on the topic and cites each to its article, sentence and span', () => {
    const all = p.parties.flatMap((x) => x.statements);
    expect(all.some((s) => s.text.includes('lasting negotiated settlement'))).toBe(false);
    for (const s of all) {
      const a = articles.find((x) => x.id === s.article)!;
      expect(a.sentences[s.sentence]!.text).toContain(s.text);
      expect(a.text.slice(s.span.start, s.span.end)).toBe(s.text);
    }
  });

  it('marks the parties whose statements are in a dispute', () => {
    expect(party('washington')?.disputed).toBe(true);
    expect(party('moscow')?.disputed).toBe(true);
    expect(party('kyiv')?.disputed).toBeUndefined();
    expect(party('europeans')?.disputed).toBeUndefined();
    expect(party('moscow')?.statements[0]?.disputed).toBe(true);
  });

  it('lists speakers that speak for no configured party as unassigned', () => {
    expect(p.unassigned.map((u) => u.speaker)).toEqual(['Financial Times']);
  });
});

describe('buildPositions on a story of my own', () => {
  const a = harbourArticle();
  const statements = harbourStatements(a);

  it('groups by party from roles, and keeps statements without a known speaker apart', () => {
    const anon = { ...makeStatement(a, 'Exporters welcomed the news', { speaker: 'x' }, { topics: ['port-fees'] }), speaker: null, speakerId: null };
    const p = buildPositions({ topic: topic('port-fees'), statements: [...statements, anon], speakers: HARBOUR_SPEAKERS, parties: HARBOUR_PARTIES });
    expect(p.parties.map((x) => [x.party, x.speakers])).toEqual([
      ['buenos-aires', ['Lucia Ferreyra']],
      ['unions', ['Marta Vidal']],
    ]);
    expect(p.unassigned).toEqual([expect.objectContaining({ speaker: null, statements: [expect.objectContaining({ text: 'Exporters welcomed the news' })] })]);
  });

  it("matches the role given with the statement before the speaker's other roles, and acronyms only in capitals", () => {
    const parties = [
      { id: 'us', name: 'United States', match: ['US'] },
      { id: 'cl', name: 'Chile', match: ['Chilean'] },
    ];
    const envoy = { ...statements[0]!, speaker: 'Joe Bloggs', speakerId: 'joe-bloggs', role: 'US envoy to the Chilean government' };
    const lower = { ...statements[0]!, speaker: 'Joe Bloggs', speakerId: 'joe-bloggs', role: 'one of us' };
    expect(buildPositions({ topic: topic('port-fees'), statements: [envoy], speakers: HARBOUR_SPEAKERS, parties }).parties[0]?.party).toBe('us');
    expect(buildPositions({ topic: topic('port-fees'), statements: [lower], speakers: HARBOUR_SPEAKERS, parties }).parties).toEqual([]);
  });

  it('returns no parties for a topic nobody spoke on', () => {
    const p = buildPositions({ topic: topic('fisheries'), statements, speakers: HARBOUR_SPEAKERS, parties: HARBOUR_PARTIES });
    expect(p).toEqual({ topic: 'fisheries', title: 'fisheries', parties: [], unassigned: [] });
  });
});

describe('buildPositions and nested statements', () => {
  it("keeps a quote once when it lies inside the same speaker's reported statement", () => {
    const a = harbourArticle();
    const who = { speaker: 'Marta Vidal', speakerId: 'marta-vidal' };
    const outer = makeStatement(a, 'dockworkers "will not accept lower wages" because of the fee cut', who, { topics: ['port-fees'] });
    const inner = makeStatement(a, 'will not accept lower wages', who, { kind: 'direct', topics: ['port-fees'] });
    const other = { ...inner, speaker: 'Lucia Ferreyra', speakerId: 'lucia-ferreyra' };
    const p = buildPositions({ topic: topic('port-fees'), statements: [inner, outer, other], speakers: HARBOUR_SPEAKERS, parties: HARBOUR_PARTIES });
    expect(p.parties.find((x) => x.party === 'unions')?.statements.map((s) => s.text)).toEqual([outer.text]);
    expect(p.parties.find((x) => x.party === 'buenos-aires')?.statements).toHaveLength(1);
  });

  it('never drops a statement for one of another article, even at the same place by the same speaker', () => {
    const a = harbourArticle();
    const who = { speaker: 'Marta Vidal', speakerId: 'marta-vidal' };
    const outer = makeStatement(a, 'dockworkers "will not accept lower wages" because of the fee cut', who, { topics: ['port-fees'] });
    const inner = makeStatement(a, 'will not accept lower wages', who, { kind: 'direct', topics: ['port-fees'] });
    const elsewhere = { ...inner, article: `${inner.article}-follow-up` };
    const p = buildPositions({ topic: topic('port-fees'), statements: [elsewhere, outer, inner], speakers: HARBOUR_SPEAKERS, parties: HARBOUR_PARTIES });
    expect(p.parties.find((x) => x.party === 'unions')?.statements.map((s) => [s.article, s.text])).toEqual([
      [outer.article, outer.text],
      [elsewhere.article, elsewhere.text],
    ]);
  });
});
