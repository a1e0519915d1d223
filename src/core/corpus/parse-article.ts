/**
 * Parses one article file into an `Article`: front matter, headline, dateline, source credit,
 * boilerplate removal, paragraphs and sentences, with every span an offset into `Article.text`.
 */
import type { Article, Dateline, InputIssue, Paragraph, Sentence } from '../model.ts';
import { parseDateline } from './dateline.ts';
import { isInlineByline } from './boilerplate.ts';
import { stripControls } from './control-chars.ts';
import { splitFrontMatter } from './front-matter.ts';
import { shortTitle, wordCount } from './headline.ts';
import { cutPoint, DEFAULT_LIMITS, formatChars, type ParseLimits } from './limits.ts';
import { repairMojibake } from './mojibake.ts';
import { layoutArticle } from './paragraphs.ts';
import { splitSentences } from './sentences.ts';

/** The outcome of parsing one article file: the article (unless unusable) and any issues found. */
export interface ParsedArticle {
  article?: Article;
  issues: InputIssue[];
}

/** The article id for a file name: the name without its `.txt`/`.md` extension. */
export function articleId(file: string): string {
  const base = file.replace(/^.*[\\/]/, '');
  return base.replace(/\.(txt|md|markdown)$/i, '');
}

/** Longest first paragraph (in words) after which the second may still open with the dateline: a deck or a kicker. */
const DECK_WORDS = 30;

function issue(file: string, code: InputIssue['code'], message: string, severity: InputIssue['severity'] = 'error'): InputIssue {
  return { file, code, message, severity };
}

/**
 * Parses one article file's text: front matter, headline, dateline, source credit, debris removal,
 * paragraphs and sentences. Pure: `file` is only used for the id and in issue messages.
 */
export function parseArticle(file: string, raw: string, limits: ParseLimits = DEFAULT_LIMITS): ParsedArticle {
  const noBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const fm = splitFrontMatter(noBom);
  if (!fm.ok) return { issues: [issue(file, 'bad_front_matter', fm.message)] };
  const warnings: InputIssue[] = [];
  const cut = cutPoint(fm.body, limits.maxChars);
  if (cut < fm.body.length) {
    warnings.push(
      issue(
        file,
        'too_large',
        `the article text is ${formatChars(fm.body.length)}, over the ${formatChars(limits.maxChars)} read per article; only its first ${formatChars(cut)} are read — split it into separate articles`,
        'warning',
      ),
    );
  }
  const text = stripControls(repairMojibake(cut < fm.body.length ? fm.body.slice(0, cut) : fm.body));
  const data = fm.data;
  for (const key of ['title', 'source'] as const) if (data[key]) data[key] = stripControls(repairMojibake(data[key]));
  const layout = layoutArticle(text, {
    ...(data.title ? { title: data.title } : {}),
    datelineAt: (s, e) => parseDateline(text, s, e) !== undefined,
  });

  let dateline: Dateline | undefined;
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  let bodyBlocks = 0;
  let firstBodyWords = 0;
  let capped = false;
  const tooMany = () =>
    issue(
      file,
      'too_large',
      `the article has more than ${limits.maxSentences} sentences; only the first ${limits.maxSentences} are read — split it into separate articles`,
      'warning',
    );
  for (const block of layout.blocks) {
    let start = block.span.start;
    // A dateline opens the first or, after a short deck or kicker, the second paragraph of body text.
    if (!dateline && block.kind === 'body' && (bodyBlocks === 0 || (bodyBlocks === 1 && firstBodyWords <= DECK_WORDS))) {
      dateline = parseDateline(text, start, block.span.end);
      if (dateline) {
        start = dateline.span.end;
        while (start < block.span.end && /\s/.test(text[start]!)) start++;
      }
    }
    if (sentences.length >= limits.maxSentences) {
      if (!capped) warnings.push(tooMany());
      break;
    }
    if (block.kind === 'body' && bodyBlocks++ === 0) firstBodyWords = wordCount(text.slice(block.span.start, block.span.end));
    const index = paragraphs.length;
    let spans = splitSentences(text, start, block.span.end, limits.maxSentenceChars).filter((s) => {
      const byline = isInlineByline(text.slice(s.start, s.end));
      if (byline) layout.debris.push(s);
      return !byline;
    });
    if (spans.length === 0) continue;
    if (sentences.length + spans.length > limits.maxSentences) {
      spans = spans.slice(0, limits.maxSentences - sentences.length);
      warnings.push(tooMany());
      capped = true;
    }
    paragraphs.push({ index, span: { start, end: spans[spans.length - 1]!.end }, kind: block.kind });
    for (const span of spans) {
      sentences.push({ index: sentences.length, paragraph: index, span, text: text.slice(span.start, span.end), kind: block.kind });
    }
  }
  if (sentences.length === 0) {
    return {
      issues: [
        issue(
          file,
          'no_content',
          'no article text is left after removing front matter and web page boilerplate; the file needs at least one sentence of prose',
        ),
        ...warnings,
      ],
    };
  }

  const headline = layout.headline ? text.slice(layout.headline.start, layout.headline.end) : undefined;
  const firstBody = sentences.find((s) => s.kind === 'body') ?? sentences[0]!;
  const article: Article = {
    id: articleId(file),
    file,
    title: data.title || headline || shortTitle(firstBody.text),
    text,
    paragraphs,
    sentences,
    debris: layout.debris.sort((a, b) => a.start - b.start),
  };
  if (layout.headline) {
    // The headline's span, when it is the title: found in the text, or the given title written out (maybe with a final stop).
    const h = layout.headline;
    const end = text[h.end - 1] === '.' && text.slice(h.start, h.end - 1) === data.title ? h.end - 1 : h.end;
    if (!data.title || text.slice(h.start, end) === data.title) article.titleSpan = { start: h.start, end };
  }
  const source = data.source || dateline?.outlet || layout.credits[0] || layout.outlet;
  if (source) article.source = source;
  const published = data.published || layout.published;
  if (published) article.published = published;
  if (data.url) article.url = data.url;
  if (dateline) article.dateline = dateline;
  return { article, issues: warnings };
}
