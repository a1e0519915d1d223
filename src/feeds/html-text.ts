/** Turns article HTML (Readability's output or a feed's content) into plain paragraphs, one per block element. */
import { parseHTML } from 'linkedom';

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'TD', 'TH']);
/** Not article text: scripts and forms, navigation, and picture captions (mostly credits). */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'BUTTON', 'FORM', 'NAV', 'ASIDE', 'FOOTER', 'FIGCAPTION']);

/** Collapses white space and removes control characters. */
export function cleanText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** One block of text: its element name (`P`, `H2`, `LI`, or `TEXT` for loose text) and how much of it is link text (0–1). */
export interface TextBlock {
  text: string;
  tag: string;
  linkShare: number;
}

/** The paragraphs of an HTML fragment: the text of each innermost block element, or of loose text runs. */
export function htmlToParagraphs(html: string): string[] {
  return htmlToBlocks(html).map((b) => b.text);
}

/** The blocks of an HTML fragment, in order, with their element names and link shares. */
export function htmlToBlocks(html: string): TextBlock[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: TextBlock[] = [];
  let run = '';
  let tag = 'TEXT';
  const flush = () => {
    const t = cleanText(run);
    if (t) out.push({ text: t, tag, linkShare: Math.min(1, cleanText(linkText).length / t.length) });
    run = '';
    linkText = '';
    tag = 'TEXT';
  };
  let linkText = '';
  const hasBlock = (n: DomNode): boolean => {
    for (const c of Array.from(n.childNodes)) if (c.nodeType === 1 && (BLOCKS.has(c.nodeName) || hasBlock(c))) return true;
    return false;
  };
  const inline = (n: DomNode): string => {
    if (n.nodeType === 3) return n.textContent ?? '';
    if (n.nodeType !== 1 || SKIP.has(n.nodeName)) return '';
    if (n.nodeName === 'BR') return ' ';
    const text = Array.from(n.childNodes).map(inline).join('');
    if (n.nodeName === 'A') linkText += ` ${text}`;
    return text;
  };
  const walk = (n: DomNode) => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType === 3) {
        run += c.textContent ?? '';
        continue;
      }
      if (c.nodeType !== 1 || SKIP.has(c.nodeName)) continue;
      if (BLOCKS.has(c.nodeName) && !hasBlock(c)) {
        flush();
        tag = c.nodeName;
        run = inline(c);
        flush();
      } else if (
        BLOCKS.has(c.nodeName) ||
        ['DIV', 'SECTION', 'ARTICLE', 'UL', 'OL', 'TABLE', 'TBODY', 'TR', 'FIGURE', 'HEADER', 'MAIN', 'DL'].includes(c.nodeName)
      ) {
        flush();
        walk(c);
        flush();
      } else if (c.nodeName === 'BR') {
        run += ' ';
      } else {
        run += inline(c);
      }
    }
  };
  walk(document.body as unknown as DomNode);
  flush();
  return out;
}

/** The plain text of an HTML fragment (for titles and summaries). */
export function htmlToText(html: string): string {
  return cleanText(htmlToParagraphs(html).join(' '));
}
