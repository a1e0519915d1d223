import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../src/core/corpus/front-matter.ts';
import { parseArticle } from '../../../src/core/corpus/parse-article.ts';
import { parse } from './seed.ts';

describe('front matter', () => {
  it('reads title, source, published and url, keeps unknown keys, and offsets spans into the body', () => {
    const raw =
      '---\ntitle: Talks Resume\nsource: Example Wire\npublished: 2025-08-26\nurl: https://example.com/a\nauthor: someone\n---\nThe talks resumed. Both sides spoke.\n';
    const a = parse(raw, 'fm.md');
    expect(a).toMatchObject({ id: 'fm', title: 'Talks Resume', source: 'Example Wire', published: '2025-08-26', url: 'https://example.com/a' });
    expect(a.text).toBe('The talks resumed. Both sides spoke.\n');
    for (const s of a.sentences) expect(a.text.slice(s.span.start, s.span.end)).toBe(s.text);
  });

  it('reduces a published instant to its date', () => {
    expect(parse('---\npublished: 2025-08-26T10:30:00Z\n---\nText here.').published).toBe('2025-08-26');
  });

  it('works with CRLF line endings and an empty front matter', () => {
    const a = parse('---\r\n---\r\nThe talks resumed.\r\n');
    expect(a.sentences.map((s) => s.text)).toEqual(['The talks resumed.']);
  });

  it.each([
    ['published: not-a-date', /"published" is "not-a-date".*ISO date such as 2025-08-26/],
    ['published: 2025-02-30', /"published".*ISO date/],
    ['url: not a url', /"url".*http/],
    ['title: [a, b]', /"title".*text/],
    ['title: "unclosed', /not valid YAML/],
    ['- just\n- a list', /mapping/],
  ])('rejects %j with a message naming the field', (yaml, message) => {
    const r = parseArticle('bad.md', `---\n${yaml}\n---\nBody text here.\n`);
    expect(r.article).toBeUndefined();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ file: 'bad.md', code: 'bad_front_matter', severity: 'error' });
    expect(r.issues[0]!.message).toMatch(message);
  });

  it('rejects front matter that is never closed', () => {
    const r = splitFrontMatter('---\ntitle: x\nThe body.');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/never closed/);
  });

  it('treats text without an opening fence as all body', () => {
    const r = splitFrontMatter('Title\n---\nBody.');
    expect(r).toMatchObject({ ok: true, bodyStart: 0 });
  });
});
