import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.ts';
import { parseArticle } from '../../src/core/corpus/parse-article.ts';
import type { Article } from '../../src/core/model.ts';
import { loadConfig } from '../helpers/digest-corpus.ts';

const engine = { topics: loadConfig().topics };
const speakersOf = (b: ReturnType<typeof buildBriefing>) => {
  const r = b.statements();
  if (!r.ok) throw new Error(r.error.code);
  return r.value.map((s) => s.speaker);
};
const parse = (file: string, text: string): Article => {
  const { article } = parseArticle(file, text);
  if (!article) throw new Error(`${file} did not parse`);
  return article;
};

describe('one article never breaks a corpus', () => {
  it('reads paragraphs that open with "For" or "Of" (the crash of issue 9)', () => {
    const a = parse(
      'for-of.txt',
      [
        'Talks resume in Geneva',
        '',
        'For example, the delegation said it would return on Monday.',
        '',
        'Of course, "we are ready to talk," Anna Berg, the spokeswoman, said.',
        '',
        'For the ministry of Foreign Affairs, nothing changed, officials said.',
      ].join('\n'),
    );
    const b = buildBriefing([a], engine);
    expect(b.issues.filter((i) => i.code === 'analysis_failed')).toEqual([]);
    expect(speakersOf(b)).toContain('Anna Berg');
  });

  it('reports a failing stage with the file, the stage and the reason, and serves every other article', () => {
    const good = parse('good.txt', 'Talks resume\n\n"We are ready," Anna Berg said on Monday.');
    const broken = parse('broken.txt', 'Another story\n\n"Nothing changed," Omar Diaz said.');
    // A subhead whose text is missing: the duplicate check skips subheads, every analysis stage that reads it throws.
    const bad = { ...broken.sentences[0]!, index: broken.sentences.length, kind: 'subhead' as const, text: undefined as unknown as string };
    const hostile: Article = { ...broken, sentences: [...broken.sentences, bad] };
    const b = buildBriefing([good, hostile], engine);
    const failed = b.issues.filter((i) => i.code === 'analysis_failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const i of failed) {
      expect(i.file).toBe('broken.txt');
      expect(i.stage).toMatch(/^(topics|statements|timeline|disputes)$/);
      expect(i.message).toContain('broken.txt');
    }
    expect(new Set(failed.map((i) => i.stage)).size).toBe(failed.length);
    expect(speakersOf(b)).toContain('Anna Berg');
    expect(b.articles.map((a) => a.id)).toEqual(['good', 'broken']);
  });
});
