import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PartiesConfigSchema } from '../../../src/config/briefing-config.schema.ts';
import { findDisputes } from '../../../src/core/disputes/find-disputes.ts';
import { HARBOUR_PARTIES, HARBOUR_SPEAKERS, harbourArticle, harbourStatements } from '../../fixtures/positions/harbour-deal.ts';
import { SEED_SPEAKERS, seedStatements } from '../../fixtures/positions/seed-statements.ts';
import { lakeDaily } from '../../fixtures/timeline/lake-talks.ts';
import { makeStatement } from '../../fixtures/timeline/make-article.ts';
import { seedArticles } from '../../fixtures/timeline/seed.ts';

const seedParties = PartiesConfigSchema.parse(parse(readFileSync('config/parties.yaml', 'utf8'))).parties;

describe('findDisputes on a story of my own', () => {
  const article = harbourArticle();
  const disputes = findDisputes({ articles: [article], statements: harbourStatements(article), speakers: HARBOUR_SPEAKERS, parties: HARBOUR_PARTIES });

  it("pairs each claim with the other side's denial or qualification, with parties and citations", () => {
    const pairs = disputes.map((d) => [d.claim.speaker, d.claim.party, d.counter.speaker, d.counter.party]);
    expect(pairs).toEqual([
      ['Lucia Ferreyra', 'buenos-aires', 'Pablo Araya', 'santiago'],
      ['Lucia Ferreyra', 'buenos-aires', 'Ana Soto', 'santiago'],
    ]);
    const [fees, accord] = disputes;
    expect(fees?.cue).toBe('did not confirm');
    expect(fees?.claim.text).toBe('Chile had agreed to cut port fees for Argentine exporters');
    expect(accord?.claim.text).toContain('customs accord');
    expect(accord?.topics).toEqual(['customs']);
    for (const d of disputes) {
      for (const side of [d.claim, d.counter]) {
        const e = side.evidence[0]!;
        expect(article.text.slice(e.span.start, e.span.end)).toBe(side.text);
      }
    }
  });

  it('does not report a side hedging its own claim, or cue words that are not denials', () => {
    const counters = disputes.map((d) => d.counter.text);
    expect(counters.some((t) => t.includes('Ruiz') || t.includes('Territorial') || t.includes('cautious'))).toBe(false);
  });

  it('names the actor of a denial that is not a statement, and finds its party', () => {
    const daily = lakeDaily();
    const st = makeStatement(daily, 'Rojas had agreed to a joint water commission', { speaker: 'Elena Quispe', role: 'Peruvian Foreign Minister' });
    const parties = [
      { id: 'lima', name: 'Lima (Peru)', match: ['Peru', 'Peruvian', 'Lima'] },
      { id: 'la-paz', name: 'La Paz (Bolivia)', match: ['Bolivia', 'Bolivian', 'La Paz'] },
    ];
    const [d, ...rest] = findDisputes({ articles: [daily], statements: [st], parties });
    expect(rest).toEqual([]);
    expect(d?.claim).toMatchObject({ speaker: 'Elena Quispe', party: 'lima', text: 'Quispe announced that Rojas had agreed to a joint water commission' });
    expect(d?.counter).toMatchObject({ speaker: 'La Paz', party: 'la-paz', text: 'La Paz has since denied any such commitment.' });
  });

  it('finds nothing without a denial cue', () => {
    const calm = harbourArticle();
    calm.sentences = calm.sentences.filter((s) => !/confirm|dismissed/.test(s.text));
    expect(
      findDisputes({ articles: [calm], statements: harbourStatements(harbourArticle()).filter((s) => calm.sentences.some((x) => x.index === s.sentence)) }),
    ).toEqual([]);
  });
});

describe('findDisputes on the seed corpus (hand-made statements)', () => {
  const articles = seedArticles();
  const disputes = findDisputes({ articles, statements: seedStatements(articles), speakers: SEED_SPEAKERS, parties: seedParties });
  const ids = (xs: string[]) => xs.map((x) => x.slice(0, 3)).sort();

  it('finds the meeting Washington announced and Moscow denied or would not confirm, merged over three articles', () => {
    const meeting = disputes.find((d) => d.claim.text.includes('agreed to meet'));
    expect(meeting?.claim.party).toBe('washington');
    expect(meeting?.counter.party).toBe('moscow');
    expect(meeting?.counter.text).toContain('denied');
    expect(ids(meeting!.claim.articles)).toEqual(['000', '002', '003']);
    expect(ids(meeting!.counter.articles)).toEqual(['000', '002', '003']);
    const counters = meeting!.counter.evidence.map((e) => articles.find((a) => a.id === e.article)!.sentences[e.sentence]!.text);
    expect(counters.some((t) => t.includes('did not confirm'))).toBe(true);
    expect(counters.some((t) => t.includes('well short of') || t.includes('more cautious version'))).toBe(true);
  });

  it('finds the security guarantees claim that the Foreign Ministry spokesperson dismissed', () => {
    const sg = disputes.find((d) => d.counter.speaker === 'Maria Zakharova');
    expect(sg?.claim.speaker).toBe('Donald Trump');
    expect(sg?.claim.text).toContain('security guarantees');
    expect(sg?.topics).toContain('security-guarantees');
    expect(ids(sg!.claim.articles)).toEqual(['002']);
  });

  it('reports no dispute within one party and no more than the two real ones', () => {
    for (const d of disputes) expect(d.claim.party).not.toBe(d.counter.party);
    expect(disputes).toHaveLength(2);
  });
});
