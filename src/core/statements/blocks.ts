import type { Article, Sentence } from '../model.ts';
import type { Cue } from './cues.ts';
import { findQuotations, type Quotation } from './quotes.ts';
import { tokenize, type Token } from './tokens.ts';

/** A paragraph's tokens and quotations, with its sentences as token ranges and their speech cues. */
export interface Block {
  start: number;
  end: number;
  tokens: Token[];
  quotes: Quotation[];
  sentences: { s: Sentence; lo: number; hi: number; cues: Cue[]; headline: boolean }[];
  /** The paragraph before this one. */
  previous?: Block;
}

/** Sentences longer than this (in tokens) are read from their last tokens only: keeps work per sentence bounded. */
const MAX_SENTENCE_TOKENS = 400;

/** Every word of the article seen in lower case (so a capitalised first word that is also a common word is not taken for a name). */
export function lowerWords(blocks: Block[]): Set<string> {
  const out = new Set<string>();
  for (const b of blocks) for (const t of b.tokens) if (t.type === 'w' && !t.cap) out.add(t.lc);
  return out;
}

/** True for a subhead or a Title Case line without a full stop: quotations there are headline quotes, and it has no cues. */
export function headlineLike(s: Sentence): boolean {
  if (s.kind === 'subhead') return true;
  const t = s.text.trim();
  if (/[.!:;,"”]$/.test(t) && !/\?$/.test(t)) return false;
  const words = t.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length < 2 || words.length > 20) return false;
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return caps / words.length >= 0.6;
}

/** Tokenises each paragraph once, finds its quotations, marks quoted tokens and maps sentences to token ranges. */
export function makeBlocks(article: Article): Block[] {
  const text = article.text;
  const spans: { start: number; end: number }[] = article.paragraphs.length ? article.paragraphs.map((p) => p.span) : article.sentences.map((s) => s.span);
  const blocks: Block[] = [];
  let si = 0;
  const sents = [...article.sentences].sort((a, b) => a.span.start - b.span.start);
  for (const sp of spans) {
    const tokens = tokenize(text, sp.start, sp.end);
    const quotes = findQuotations(text, sp.start, sp.end);
    let qi = 0;
    for (const t of tokens) {
      while (qi < quotes.length && quotes[qi]!.close <= t.start) qi++;
      const q = quotes[qi];
      if (q && t.start > q.open && t.end <= q.close && !(t.type === 'q' && t.end === q.close && q.closed)) t.quoted = true;
    }
    const block: Block = { start: sp.start, end: sp.end, tokens, quotes, sentences: [], ...(blocks.length ? { previous: blocks[blocks.length - 1]! } : {}) };
    while (si < sents.length && sents[si]!.span.start < sp.end) {
      const s = sents[si++]!;
      if (s.span.end <= sp.start) continue;
      let lo = lowerBound(tokens, s.span.start);
      const hi = lowerBound(tokens, s.span.end) - 1;
      if (hi - lo > MAX_SENTENCE_TOKENS) lo = Math.max(lo, hi - MAX_SENTENCE_TOKENS);
      if (hi < lo) continue;
      block.sentences.push({ s, lo, hi, cues: [], headline: headlineLike(s) });
    }
    blocks.push(block);
  }
  const titleSpan = article.titleSpan ?? leadingTitle(article);
  if (titleSpan && !blocks.some((b) => b.start <= titleSpan.start && b.end >= titleSpan.end)) {
    const sp = titleSpan;
    const tokens = tokenize(text, sp.start, sp.end);
    const s: Sentence = { index: -1, paragraph: -1, span: sp, text: text.slice(sp.start, sp.end), kind: 'subhead' };
    blocks.unshift({
      start: sp.start,
      end: sp.end,
      tokens,
      quotes: findQuotations(text, sp.start, sp.end),
      sentences: [{ s, lo: 0, hi: tokens.length - 1, cues: [], headline: true }],
    });
  }
  return blocks;
}

const letters = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The headline line opening the text when the loader took the title from front matter and left the line out of the
 * paragraphs (`Ruiz: Toll Will Pass.` above the body): the text before the first paragraph, when it is the title.
 */
function leadingTitle(article: Article): { start: number; end: number } | undefined {
  const first = article.paragraphs[0]?.span.start ?? 0;
  const lead = article.text.slice(0, first);
  const start = lead.length - lead.trimStart().length;
  const end = lead.trimEnd().length;
  if (end <= start || lead.slice(start, end).includes('\n') || !article.title) return undefined;
  return letters(lead.slice(start, end)) === letters(article.title) ? { start, end } : undefined;
}

/** Index of the first token starting at or after `offset` (binary search). */
export function lowerBound(tokens: Token[], offset: number): number {
  let a = 0;
  let b = tokens.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (tokens[m]!.start < offset) a = m + 1;
    else b = m;
  }
  return a;
}

/** The sentence of a block containing `offset` (binary search). */
export function sentenceOf(b: Block, offset: number) {
  let a = 0;
  let z = b.sentences.length;
  while (a < z) {
    const m = (a + z) >> 1;
    if (b.sentences[m]!.s.span.end <= offset) a = m + 1;
    else z = m;
  }
  return b.sentences[a] ?? b.sentences[b.sentences.length - 1];
}

/** Index of the first cue at or after token `at` in cues sorted by position (binary search). */
export function firstCueAt(cues: Cue[], at: number): number {
  let a = 0;
  let z = cues.length;
  while (a < z) {
    const m = (a + z) >> 1;
    if (cues[m]!.at < at) a = m + 1;
    else z = m;
  }
  return a;
}

const liveCache = new WeakMap<Block, Cue[]>();

/** The cues of a block that can attribute a quotation, computed once per block. */
export function liveCues(b: Block): Cue[] {
  let live = liveCache.get(b);
  if (!live) {
    live = b.sentences.flatMap((x) => x.cues).filter((c) => !c.quoted && !c.nested);
    liveCache.set(b, live);
  }
  return live;
}
