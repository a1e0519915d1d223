import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripControls } from '../../../src/core/corpus/control-chars.ts';
import { parseArticle } from '../../../src/core/corpus/parse-article.ts';

const BAD = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('stripControls', () => {
  it('removes terminal escapes, controls and bidi overrides, and replaces lone surrogates', () => {
    expect(stripControls('a\u001b[31mred\u001b[0m b')).toBe('ared b');
    expect(stripControls('title\u001b]0;pwned\u0007 end')).toBe('title end');
    expect(stripControls('x\u0000y\u0007z\u007f\u0085')).toBe('xyz');
    expect(stripControls('evil\u202egnp.exe')).toBe('evilgnp.exe');
    expect(stripControls('a\ud800b\udfffc')).toBe('a\ufffdb\ufffdc');
  });

  it('keeps tabs, breaks, emoji with joiners and every script', () => {
    const s = 'Line one\tcol\r\nLine two\u2028\n\n👩‍👩‍👧 Переговоры 停火 المحادثات';
    expect(stripControls(s)).toBe(s);
  });

  it('leaves nothing it removes, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const once = stripControls(s);
        expect(BAD.test(once)).toBe(false);
        expect(stripControls(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('is applied to article text and front matter before parsing', () => {
    const { article } = parseArticle('esc.txt', '---\ntitle: "Talks \\e[31mresume"\n---\nTalks resume\n\n\u001b[2JThe talks resumed on Monday.\u0007\n');
    expect(article?.title).toBe('Talks resume');
    expect(article?.sentences.map((s) => s.text)).toEqual(['The talks resumed on Monday.']);
  });
});
