/**
 * Lays out an article body: drops boilerplate lines (recording them as debris), finds the
 * headline, joins hard-wrapped lines into paragraphs, and tells body text from sub-headings,
 * takeaway bullets and other bullets.
 */
import type { BlockKind, Span } from '../model.ts';
import { classifyLine } from './boilerplate.ts';
import { bulletMarker, comparable, innerBounds, isHeadlineLike, isStoppedHeadline, wordCount } from './headline.ts';
import { splitLines, type Line } from './lines.ts';

/** A block of content before sentence splitting. */
export interface Block {
  span: Span;
  kind: BlockKind;
}

/** The layout of an article body. */
export interface Layout {
  headline?: Span;
  blocks: Block[];
  debris: Span[];
  /** Outlets named by credit lines (`Based On XYZ Report`), in order. */
  credits: string[];
  /** The date of a publication stamp line (`Published 6 May 2026`), `YYYY-MM-DD`; an `Updated …` stamp only when there is no other. */
  published?: string;
  /** The outlet named first by a breadcrumb line (`Example News | World | Europe`). */
  outlet?: string;
}

/** Metadata read from debris lines while classifying. */
interface PageMeta {
  published?: string;
  updated?: string;
  outlet?: string;
}

type Role = 'text' | 'bullet' | 'heading' | 'debris';

interface Item {
  line: Line;
  /** Position of the line among all non-blank lines, so lines around a dropped one are not joined. */
  lineNo: number;
  role: Role;
  /** Content bounds inside the line (after bullet or heading marks). */
  start: number;
  end: number;
  takeaway: boolean;
}

/** How many leading lines may hold the headline and the kickers above it. */
const HEADLINE_SEARCH = 12;

const TERMINAL_END = /[.!?:;"”’)…]$/;

/** A related-links list: short lines without a final stop after a `Related Articles` marker. */
function isLinkLike(text: string): boolean {
  return !/[.!?]["”’]?$/.test(text) || wordCount(text) <= 12;
}

function classify(lines: Line[], debris: Span[], credits: string[], meta: PageMeta): Item[] {
  const items: Item[] = [];
  let takeaways = false;
  let inRelated = false;
  for (let lineNo = 0; lineNo < lines.length; lineNo++) {
    const line = lines[lineNo]!;
    const b = classifyLine(line.text);
    if (b) {
      debris.push({ start: line.start, end: line.end });
      if (b.kind === 'credit') credits.push(b.source);
      if (b.kind === 'debris') {
        if (b.published && b.updated) meta.updated ??= b.published;
        else if (b.published) meta.published ??= b.published;
        if (b.outlet) meta.outlet ??= b.outlet;
      }
      takeaways = b.kind === 'label' && b.takeaways;
      if (b.kind === 'debris' && b.related === true && wordCount(line.text) <= 5) inRelated = true;
      continue;
    }
    if (inRelated && isLinkLike(line.text)) {
      debris.push({ start: line.start, end: line.end });
      continue;
    }
    inRelated = false;
    const marker = bulletMarker(line.text);
    if (marker > 0) {
      items.push({ line, lineNo, role: 'bullet', start: line.start + marker, end: line.end, takeaway: takeaways });
      continue;
    }
    takeaways = false;
    const inner = innerBounds(line.text);
    const role: Role = inner.heading ? 'heading' : 'text';
    items.push({ line, lineNo, role, start: line.start + inner.start, end: line.start + inner.end, takeaway: false });
  }
  return items;
}

function innerText(text: string, item: Item): string {
  return text.slice(item.start, item.end);
}

/** Options of `layoutArticle`. */
export interface LayoutOptions {
  /** The title given in front matter: the first lines that spell it are the headline, however they end. */
  title?: string;
  /** True when the text after the first line opens with a dateline (`VELA CITY (AP) —`): the first line is then the headline. */
  datelineAt?: (start: number, end: number) => boolean;
}

/** How many items from `i` spell the given title (a headline, maybe on two lines); 0 when they do not. */
function titleLines(text: string, items: Item[], i: number, title: string): number {
  const want = comparable(title);
  if (want.length < 3) return 0;
  let got = '';
  for (let k = i; k < Math.min(items.length, i + 3); k++) {
    if (k > i && items[k]!.line.blankBefore) return 0;
    got = `${got} ${comparable(innerText(text, items[k]!))}`.trim();
    if (got === want) return k - i + 1;
    if (!want.startsWith(got)) return 0;
  }
  return 0;
}

/** A short label standing alone after a headline (`Obituary.`, `TOP STORIES.`): a section name, not a sentence. */
function isSectionLabel(text: string, item: Item, next: Item | undefined): boolean {
  const t = innerText(text, item);
  if (item.role !== 'text' || wordCount(t) > 3 || t.length > 40 || !/[^.]\.$|^[^.!?,;:]+$/u.test(t)) return false;
  if (!t.split(/\s+/).every((w) => /^\p{Lu}/u.test(w))) return false;
  return next === undefined || next.line.blankBefore;
}

/**
 * Finds the headline among the first items, marking kickers (`Economy`) as debris. Returns the indices
 * of its first and last line (a given title may take two), or undefined.
 */
function findHeadline(text: string, items: Item[], options: LayoutOptions): { first: number; last: number } | undefined {
  // A headline is among the first lines; looking further would only cost time on hostile text.
  for (let i = 0; i < Math.min(items.length, HEADLINE_SEARCH); i++) {
    const item = items[i]!;
    if (item.role === 'debris') continue;
    if (item.role === 'bullet') return undefined;
    const given = options.title ? titleLines(text, items, i, options.title) : 0;
    if (given > 0) return { first: i, last: i + given - 1 };
    const t = innerText(text, item);
    const next = items[i + 1]; // only items before this one are ever marked debris here
    if (!next) return undefined;
    const beforeDateline =
      next.line.blankBefore &&
      item.role === 'text' &&
      wordCount(t) <= 25 &&
      t.length <= 200 &&
      options.datelineAt?.(next.start, next.end) === true &&
      !/[.!?]["”’]?\s+\p{Lu}/u.test(t.slice(0, -1));
    if (beforeDateline || (isStoppedHeadline(t) && next.line.blankBefore)) return { first: i, last: i };
    if (!isHeadlineLike(t)) return undefined;
    const nextText = innerText(text, next);
    const short = wordCount(t) <= 3;
    const nextIsHeadline = next.role !== 'bullet' && isHeadlineLike(nextText) && wordCount(nextText) > wordCount(t);
    if ((short && nextIsHeadline) || wordCount(t) === 1) {
      item.role = 'debris'; // a kicker or section label above the headline
      continue;
    }
    return { first: i, last: i };
  }
  return undefined;
}

/** True when the body looks hard-wrapped (many lines in a paragraph end mid-sentence). */
function isHardWrapped(items: Item[]): boolean {
  let joined = 0;
  let texts = 0;
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1]!;
    const b = items[i]!;
    if (a.role !== 'text' || b.role !== 'text') continue;
    texts++;
    if (!b.line.blankBefore && !TERMINAL_END.test(a.line.text)) joined++;
  }
  return texts >= 2 && joined / texts >= 0.3;
}

function continues(text: string, a: Item, b: Item, wrapped: boolean): boolean {
  if (b.line.blankBefore || b.lineNo !== a.lineNo + 1 || a.role !== 'text' || b.role !== 'text') return false;
  const first = b.line.text[0]!;
  if (first !== first.toUpperCase() || /[,;]$/.test(a.line.text)) return true;
  if (wrapped) return !isHeadlineLike(innerText(text, a)) || a.line.text.length > 60;
  return false;
}

/** Lays out `text`: headline, blocks of content with their kinds, debris spans and source credits. */
export function layoutArticle(text: string, options: LayoutOptions = {}): Layout {
  const debris: Span[] = [];
  const credits: string[] = [];
  const meta: PageMeta = {};
  const items = classify(splitLines(text), debris, credits, meta);
  const found = findHeadline(text, items, options);
  const h = found ? found.last : -1;
  // Section labels standing alone right after the headline (`Obituary.`, `TOP STORIES.`).
  for (let k = h + 1; h >= 0 && k < items.length && isSectionLabel(text, items[k]!, items[k + 1]); k++) items[k]!.role = 'debris';
  const layout: Layout = { blocks: [], debris, credits };
  const published = meta.published ?? meta.updated;
  if (published) layout.published = published;
  if (meta.outlet) layout.outlet = meta.outlet;
  for (const item of items) if (item.role === 'debris') debris.push({ start: item.line.start, end: item.line.end });
  if (found) layout.headline = { start: items[found.first]!.start, end: items[found.last]!.end };
  const rest = items.slice(h + 1).filter((x) => x.role !== 'debris');
  const wrapped = isHardWrapped(rest);
  const blocks: Block[] = [];
  for (let i = 0; i < rest.length; i++) {
    const item = rest[i]!;
    let end = item.end;
    while (i + 1 < rest.length && continues(text, rest[i]!, rest[i + 1]!, wrapped)) end = rest[++i]!.end;
    const single = end === item.end;
    let kind: BlockKind = 'body';
    if (item.role === 'bullet') kind = item.takeaway ? 'takeaway' : 'bullet';
    else if (item.role === 'heading' || (single && isHeadlineLike(innerText(text, item)) && wordCount(innerText(text, item)) <= 15)) kind = 'subhead';
    blocks.push({ span: { start: item.start, end }, kind });
  }
  // Sub-headings with nothing after them are leftovers of page furniture (link lists, tags).
  while (blocks.length > 0 && blocks[blocks.length - 1]!.kind === 'subhead') {
    const last = blocks.pop()!;
    debris.push(last.span);
  }
  debris.sort((a, b) => a.start - b.start);
  layout.blocks = blocks;
  return layout;
}
