import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/corpus/parse-article.ts';
import { extractArticle } from '../../src/feeds/article-extractor.ts';
import { renderArticle } from '../../src/feeds/article-file.ts';
import { decodeBody, headerCharset } from '../../src/feeds/charset.ts';
import { parseEvery } from '../../src/feeds/duration.ts';
import { parseFeedDocument } from '../../src/feeds/feed-parser.ts';
import { articleFileName, itemKey, normaliseLink, slug } from '../../src/feeds/item-identity.ts';
import { parseOpmlFeeds } from '../../src/feeds/opml-parser.ts';

const hostileText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(
    '---',
    '...',
    '--- \n',
    ': : :',
    '"',
    "'",
    '{a: [',
    '&',
    '<![CDATA[',
    ']]>',
    '\u0000',
    '\u2028',
    '\uFEFF',
    '# comment',
    '- item',
    '|',
    '>',
    '@x',
    '`',
    '%TAG',
  ),
);

describe('feed items → article file', () => {
  it('renders any title, outlet, author and paragraphs as a file the loader reads back with the same title and URL, or refuses with a message', () => {
    fc.assert(
      fc.property(
        hostileText,
        hostileText,
        fc.option(hostileText, { nil: undefined }),
        fc.array(hostileText, { maxLength: 6 }),
        (title, source, author, paragraphs) => {
          const file = articleFileName('fx', title, title, '2026-01-02');
          expect(file).toMatch(/^feed-2026-01-02-[a-z0-9-]+-[0-9a-f]{12}\.txt$/);
          const r = renderArticle(
            {
              title,
              source,
              published: '2026-01-02T03:04:05Z',
              url: 'https://news.example/a?b=1#c',
              feed: 'fx',
              paragraphs: [...paragraphs, 'The council met on Monday and agreed the plan.'],
              ...(author ? { author } : {}),
            },
            file,
          );
          if (!r.ok) {
            expect(r.message).toContain('https://news.example/a?b=1#c');
            return;
          }
          const parsed = parseArticle(file, r.text);
          expect(parsed.article).toBeDefined();
          expect(parsed.article!.url).toBe('https://news.example/a?b=1#c');
          expect(parsed.article!.published).toBe('2026-01-02');
          const cleanTitle = title
            .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/g, '')
            .replace(/\s+/g, ' ')
            .trim();
          if (cleanTitle) expect(parsed.article!.title).toBe(cleanTitle.slice(0, 300));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('feed documents', () => {
  it('never throw on hostile input: a parsed feed or a named failure', () => {
    const xmlish = fc.oneof(
      hostileText,
      hostileText.map(
        (t) =>
          `<?xml version="1.0"?><rss version="2.0"><channel><title>${t}</title><item><title>${t}</title><link>${t}</link><guid>${t}</guid><pubDate>${t}</pubDate></item></channel></rss>`,
      ),
      hostileText.map(
        (t) => `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>${t}</id><link href="${t}"/><content type="html">${t}</content></entry></feed>`,
      ),
      hostileText.map((t) =>
        JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: t, items: [{ id: t, url: t, content_text: t, date_published: t }, null, 5] }),
      ),
    );
    fc.assert(
      fc.property(xmlish, (doc) => {
        const r = parseFeedDocument(doc, 'https://feeds.example/x.xml');
        if (r.ok) {
          for (const item of r.items) {
            if (item.link) expect(item.link).toMatch(/^https?:\/\//);
            if (item.published) expect(Number.isNaN(Date.parse(item.published))).toBe(false);
            const key = itemKey(item);
            if (key) expect(key.length).toBeLessThanOrEqual(505);
          }
        } else {
          expect(r.message).toContain('https://feeds.example/x.xml');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('web pages', () => {
  it('extraction never throws on hostile HTML: an article or a message naming the URL', () => {
    const tag = fc.constantFrom('p', 'div', 'article', 'a', 'script', 'li', 'h2', 'figure', 'figcaption', 'table', 'td', 'meta', 'link', 'br', 'style');
    const node: fc.Arbitrary<string> = fc.letrec<{ n: string }>((tie) => ({
      n: fc.oneof(
        { depthSize: 'small' },
        hostileText,
        fc
          .tuple(tag, fc.array(tie('n'), { maxLength: 4 }), fc.boolean())
          .map(([t, kids, close]) => `<${t} class="x">${kids.join('')}${close ? `</${t}>` : ''}`),
      ),
    })).n;
    fc.assert(
      fc.property(node, fc.constantFrom(0, 1, 5), (html, repeat) => {
        const page = `<html><head><script type="application/ld+json">${html}</script></head><body>${html.repeat(repeat)}</body></html>`;
        const r = extractArticle(page, 'https://pages.example/p');
        if (r.ok) expect(r.article.paragraphs.every((p) => p.length > 0)).toBe(true);
        else expect(r.message).toContain('https://pages.example/p');
      }),
      { numRuns: 200 },
    );
  });
});

describe('OPML', () => {
  it('never throws on hostile input and names the file when it cannot read it', () => {
    const opmlish = fc.oneof(
      hostileText,
      hostileText.map(
        (t) =>
          `<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="${t}" xmlUrl="${t}"/><outline><outline xmlUrl="https://a.example/f"/></outline></body></opml>`,
      ),
    );
    fc.assert(
      fc.property(opmlish, (doc) => {
        const r = parseOpmlFeeds(doc, 'list.opml');
        if (r.ok) expect(r.feeds.length).toBeGreaterThan(0);
        else expect(r.message).toMatch(/^list\.opml /);
      }),
      { numRuns: 300 },
    );
  });
});

describe('charset sniffing', () => {
  it('never throws, whatever the bytes and the declared charset', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.option(fc.oneof(fc.constantFrom('utf-8', 'windows-1252', 'koi8-r', 'shift_jis', 'utf-16le', 'bogus'), fc.string({ maxLength: 20 })), {
          nil: undefined,
        }),
        (bytes, cs) => {
          const d = decodeBody(bytes, cs === undefined ? undefined : `text/html; charset=${cs}`, 'https://p.example/');
          expect(typeof d.text).toBe('string');
          if (d.warning) expect(d.warning).toContain('https://p.example/');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('decodes by the header, else the meta or XML declaration, else UTF-8; names an unknown charset', () => {
    const cafe = Buffer.from('<html><head><meta charset="windows-1252"></head><p>caf\xe9 \x84quoted\x93 \x80</p>', 'latin1');
    expect(decodeBody(cafe, 'text/html', 'u').text).toContain('café „quoted“ €');
    const xml = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Gr\xfc\xdfe</title></rss>', 'latin1');
    expect(decodeBody(xml, 'application/xml', 'u').text).toContain('Grüße');
    expect(decodeBody(Buffer.from('Grüße', 'utf8'), 'text/plain', 'u').text).toBe('Grüße');
    expect(decodeBody(Buffer.from([0xe7, 0xe4]), 'text/plain; charset=koi8-r', 'u').text).toBe('ГД');
    expect(decodeBody(Buffer.from('x'), 'text/html; charset=klingon', 'https://k.example/').warning).toMatch(
      /https:\/\/k\.example\/ declares the unknown charset "klingon"/,
    );
    expect(headerCharset('text/html; charset="UTF-8"')).toBe('UTF-8');
    // The HTTP header wins over the page's own declaration.
    const header = Buffer.from('<html><head><meta charset="utf-8"></head><p>\xe7\xe4</p>', 'latin1');
    expect(decodeBody(header, 'text/html; charset=koi8-r', 'u').text).toContain('ГД');
  });
});

describe('feed dates', () => {
  it("keep the publisher's local date when the date carries an offset", async () => {
    const { feedDate } = await import('../../src/feeds/feed-parser.ts');
    expect(feedDate('Mon, 01 Jun 2026 23:30:00 -0500')).toBe('2026-06-01T23:30:00-05:00');
    expect(feedDate('2026-06-02T00:15:00+02:00')).toBe('2026-06-02T00:15:00+02:00');
    expect(feedDate('Tue, 02 Jun 2026 08:00:00 GMT')).toBe('2026-06-02T08:00:00.000Z');
    expect(feedDate('not a date')).toBeUndefined();
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (d, off) => {
          const sign = off < 0 ? '-' : '+';
          const hh = String(Math.floor(Math.abs(off) / 60)).padStart(2, '0');
          const mm = String(Math.abs(off) % 60).padStart(2, '0');
          const local = new Date(d.getTime() + off * 60_000).toISOString().slice(0, 19);
          const out = feedDate(`${local}${sign}${hh}:${mm}`)!;
          expect(out.slice(0, 10)).toBe(local.slice(0, 10));
          expect(Date.parse(out)).toBe(Math.floor(d.getTime() / 1000) * 1000);
        },
      ),
    );
  });
});

describe('small parsers', () => {
  it('slugs: ASCII, folded from other scripts where a plain form exists', () => {
    expect(slug('Stadtrat beschließt neue Fährverbindung')).toBe('stadtrat-beschliesst-neue-fahrverbindung');
    expect(slug('Ørsted øger støtten')).toBe('orsted-oger-stotten');
    expect(slug('Парламент')).toBe('article');
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (t) => {
        expect(slug(t)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }),
    );
  });

  it('intervals: valid ones within 1m–7d, everything else a message saying what is valid', () => {
    expect(parseEvery('15m')).toEqual({ ok: true, ms: 900_000 });
    expect(parseEvery('2h30m')).toEqual({ ok: true, ms: 9_000_000 });
    expect(parseEvery('1d')).toEqual({ ok: true, ms: 86_400_000 });
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const r = parseEvery(s);
        if (r.ok) expect(r.ms >= 60_000 && r.ms <= 7 * 86_400_000).toBe(true);
        else expect(r.message).toMatch(/15m, 1h, 2h30m or 1d/);
      }),
    );
  });

  it('links: tracking parameters, fragments, www and trailing slashes do not make a new link', () => {
    expect(normaliseLink('https://www.News.example/a/b/?utm_source=x&id=2#top')).toBe(normaliseLink('http://news.example/a/b?id=2'));
    expect(normaliseLink('https://news.example/a?id=2')).not.toBe(normaliseLink('https://news.example/a?id=3'));
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true }), fc.string({ unit: 'grapheme-ascii', maxLength: 10 }), (u, tag) => {
        const tracked = new URL(u);
        tracked.searchParams.set('utm_source', tag);
        tracked.hash = 'frag';
        expect(normaliseLink(tracked.toString())).toBe(normaliseLink(new URL(u).toString()));
      }),
    );
  });
});
