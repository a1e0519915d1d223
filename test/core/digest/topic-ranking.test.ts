import { describe, expect, it } from 'vitest';
import { buildDigest, indexTopics, type ScoredArticle } from '../../../src/core/digest/build-digest.ts';
import { collectCandidates } from '../../../src/core/digest/candidates.ts';
import { learnedBoost, learnTopic, TOPIC_EXPANSION_WEIGHT } from '../../../src/core/digest/topic-index.ts';
import type { Article, TopicDef } from '../../../src/core/model.ts';
import { compileTopics, scoreText } from '../../../src/core/topics/topic-scorer.ts';
import { makeArticle } from './make-article.ts';

const quake: TopicDef = {
  id: 'quake',
  title: 'Quake',
  description: '',
  terms: [
    { term: 'earthquake', weight: 3 },
    { term: 'toll', weight: 1 },
    { term: 'rescue', weight: 0.5 },
  ],
};

function scored(articles: Article[], topic: TopicDef = quake): ScoredArticle[] {
  const c = compileTopics([topic]);
  return articles.map((article) => ({ article, scores: article.sentences.map((s) => scoreText(c, s.text)) }));
}

describe('topic digests rank on verified corroboration', () => {
  // The same report in other words with other numbers: alike enough to group, not a corroboration.
  const x = makeArticle('x', ['The earthquake toll in Harbourtown rose to 120 on Monday, officials said.']);
  const y = makeArticle('y', ['The earthquake toll in Harbourtown rose to 340 on Monday, officials said.']);
  // A little more relevant than the Harbourtown report alone, less than it with a second source.
  const z = makeArticle('z', ['The earthquake toll at the Lindenfeld mine is unknown while the rescue goes on.']);

  it('does not raise a point on a source that does not report it', () => {
    const d = buildDigest({ topic: quake, articles: scored([x, y, z]), max: 3 });
    expect(d.items[0]!.text).toMatch(/Lindenfeld/);
    const harbour = d.items.find((i) => /Harbourtown/.test(i.text));
    expect(harbour).toBeDefined();
    // Only its own article is cited: the other reports different numbers.
    expect(harbour!.sources).toHaveLength(1);
  });

  it('ranks the same with and without the prebuilt index', () => {
    const s = scored([x, y, z]);
    expect(buildDigest({ topic: quake, articles: s, max: 3, index: indexTopics(s, [quake]) })).toEqual(buildDigest({ topic: quake, articles: s, max: 3 }));
  });
});

describe('a configured topic learns the words its story is told in', () => {
  // Its best candidates (two of its terms) tell one story; many weaker mentions (one term) do not.
  const lines = [
    'The earthquake toll in Tarvik rose after the old bridge fell onto the Omsel road.',
    'Rescuers counted the earthquake toll in Tarvik as the Omsel road stayed shut.',
    'The earthquake toll in Tarvik climbed while the Omsel road reopened.',
    'Officials said the earthquake toll in Tarvik could rise along the Omsel road.',
  ];
  const weaker = Array.from({ length: 56 }, (_, i) => `An earthquake shook district ${i + 40} of the coast on market day.`);
  const articles = [...lines, ...weaker].map((t, i) => makeArticle(`a${String(i).padStart(2, '0')}`, [t]));
  const learned = learnTopic(quake, collectCandidates(scored(articles), quake));

  it('learns companion words of its best candidates, never its own, and only strong company', () => {
    expect(learned).toBeDefined();
    const words = learned!.defs[0]!.terms.filter((t) => t.learned).map((t) => t.term.toLowerCase());
    expect(words).toContain('tarvik');
    expect(words).not.toContain('earthquake');
    expect(words).not.toContain('bridge'); // in one candidate only
  });

  it('raises a point by at most the expansion weight, and only when it has the topic’s own terms', () => {
    const boost = learnedBoost(quake, learned);
    const withCompany = boost('The earthquake hit Tarvik and the Omsel road.');
    expect(withCompany).toBeGreaterThan(1);
    expect(withCompany).toBeLessThanOrEqual(1 + TOPIC_EXPANSION_WEIGHT);
    expect(boost('The earthquake hit the coast.')).toBe(1);
    expect(boost('Tarvik and the Omsel road were quiet.')).toBe(1);
    expect(learnedBoost(quake, undefined)('The earthquake hit Tarvik.')).toBe(1);
  });
});
