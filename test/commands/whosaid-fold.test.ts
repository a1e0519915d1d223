import { describe, expect, it } from 'vitest';
import { foldQuotedFragments } from '../../src/commands/defs/whosaid.ts';

// Made-up statements: a reported sentence that contains a quoted fragment, and quotes that stand on their own.
const st = (article: string, sentence: number, kind: 'direct' | 'reported', start: number, end: number, text: string) => ({
  article,
  sentence,
  kind,
  span: { start, end },
  text,
});

describe('/whosaid folds a quotation into the reported statement that shows it', () => {
  it('drops a quote lying inside a reported statement of the same sentence, keeps the others', () => {
    const reported = st('a1', 3, 'reported', 100, 180, 'the council had “rejected the offer” outright');
    const inside = st('a1', 3, 'direct', 121, 139, 'rejected the offer');
    const elsewhere = st('a1', 5, 'direct', 300, 340, 'We will not sign this');
    const otherArticle = st('a2', 3, 'direct', 121, 139, 'rejected the offer');
    const out = foldQuotedFragments([reported, inside, elsewhere, otherArticle]);
    expect(out.map((s) => s.text)).toEqual(['the council had “rejected the offer” outright', 'We will not sign this', 'rejected the offer']);
    expect(out).not.toContain(inside);
  });

  it('keeps a quote that only overlaps the reported statement, and keeps reported statements', () => {
    const reported = st('a1', 2, 'reported', 50, 90, 'talks would resume');
    const overlapping = st('a1', 2, 'direct', 80, 120, 'resume next week, and not before');
    expect(foldQuotedFragments([reported, overlapping])).toEqual([reported, overlapping]);
  });
});
