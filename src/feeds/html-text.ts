/** Turns article HTML (Readability's output or a feed's content) into plain paragraphs, one per block element. */
import { parseHTML } from 'linkedom';

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'DD', 'DT', 'TD', 'TH']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'BUTTON', 'FORM', 'NAV', 'ASIDE', 'FOOTER']);

/** Collapses white space and removes control characters. */
export function cleanText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/g, '').replace(/\s+/g, ' ').trim();
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** The paragraphs of an HTML fragment: the text of each innermost block element, or of loose text runs. */
export function htmlToParagraphs(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  let run = '';
  const flush = () => {
    const t = cleanText(run);
    if (t) out.push(t);
    run = '';
  };
  const hasBlock = (n: DomNode): boolean => {
    for (const c of Array.from(n.childNodes)) if (c.nodeType === 1 && (BLOCKS.has(c.nodeName) || hasBlock(c))) return true;
    return false;
  };
  const inline = (n: DomNode): string => {
    if (n.nodeType === 3) return n.textContent ?? '';
    if (n.nodeType !== 1 || SKIP.has(n.nodeName)) return '';
    if (n.nodeName === 'BR') return ' ';
    return Array.from(n.childNodes).map(inline).join('');
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
        run = inline(c);
        flush();
      } else if (BLOCKS.has(c.nodeName) || ['DIV', 'SECTION', 'ARTICLE', 'UL', 'OL', 'TABLE', 'TBODY', 'TR', 'FIGURE', 'HEADER', 'MAIN', 'DL'].includes(c.nodeName)) {
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
