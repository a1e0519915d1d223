import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../../src/core/statements/extract-statements.ts';
import { namesSpeaker } from '../../../src/core/statements/headline-colon.ts';
import { makeArticle } from '../../helpers/statements-article.ts';

/** An article whose first line is its headline (title span), the rest its body. */
function withHeadline(title: string, body: string) {
  const text = `${title}\n${body}`;
  const article = { ...makeArticle(`${' '.repeat(title.length)}\n${body}`), text };
  return { ...article, titleSpan: { start: 0, end: title.length } };
}

const reported = (title: string, body: string) =>
  extractStatements(withHeadline(title, body))
    .filter((s) => s.kind === 'reported')
    .map((s) => [s.mention?.name ?? null, s.cue, s.text]);

describe('a headline naming its source before a colon (invented headlines)', () => {
  it('reads the words after the colon as what the source said, when the body attributes to the same speaker', () => {
    const out = reported('Ruiz: Harbour Toll Will Pass by Spring', 'Mayor Ana Ruiz said the council would vote on the toll in March.');
    expect(out).toContainEqual(['Ana Ruiz', expect.any(String), 'Harbour Toll Will Pass by Spring']);
  });

  it('keeps nothing from the headline when the body never names that source', () => {
    const out = reported('Ruiz: Harbour Toll Will Pass by Spring', 'The council will vote on the toll in March, Karl Berg said.');
    expect(out.filter((r) => r[2] === 'Harbour Toll Will Pass by Spring')).toEqual([]);
  });

  it('keeps a source of two to four capitalised words on its own, never a kicker', () => {
    const out = reported('Vela Herald: Harbour Toll Will Pass by Spring', 'The council will vote on the toll in March.');
    expect(out).toContainEqual(['Vela Herald', ':', 'Harbour Toll Will Pass by Spring']);
    const kicker = reported('Morning Update: Harbour Toll Will Pass by Spring', 'The council will vote on the toll in March.');
    expect(kicker.filter((r) => r[2] === 'Harbour Toll Will Pass by Spring')).toEqual([]);
  });

  it('reads the headline line above the body when the title came from front matter (no title span)', () => {
    const title = 'Ruiz: Harbour Toll Will Pass by Spring';
    const body = 'Mayor Ana Ruiz said the council would vote on the toll in March.';
    const article = { ...makeArticle(`${' '.repeat(title.length)}\n${body}`), text: `${title}\n${body}`, title };
    const out = extractStatements(article).map((s) => [s.mention?.name ?? null, s.text]);
    expect(out).toContainEqual(['Ana Ruiz', 'Harbour Toll Will Pass by Spring']);
    const other = { ...article, title: 'Another story entirely' };
    expect(extractStatements(other).map((s) => s.text)).not.toContain('Harbour Toll Will Pass by Spring');
  });

  it('matches a surname or a first name to the full name, never another name', () => {
    expect(namesSpeaker('Ruiz', 'Ana Ruiz')).toBe(true);
    expect(namesSpeaker('Ana', 'Ana Ruiz')).toBe(true);
    expect(namesSpeaker('Berg', 'Ana Ruiz')).toBe(false);
    expect(namesSpeaker('Vela Herald', 'Vela')).toBe(false);
  });
});
