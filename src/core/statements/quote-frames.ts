import { firstCueAt, lowerBound, type Block } from './blocks.ts';
import type { Quotation } from './quotes.ts';
import type { Sentence } from '../model.ts';
import type { Cue, Range } from './cues.ts';
import { sentenceSubject } from './sentence-subject.ts';
import { isCommonWord, phraseStartingAt } from './noun-phrase.ts';
import { looseFrameSpeaker } from './loose-frame.ts';
import { FUNCTION_WORDS } from './vocabulary.ts';

/*
 * Where a quotation's attribution sits around it in real news: the frame after it (`"…," Ruiz, a fellow at …, said`),
 * a circumstance between the verb and the quote (`Ruiz said in an essay, "…"`), and a cue that ends the previous
 * paragraph with a colon (`Ruiz continued:`).
 */

/**
 * `Ruiz said in an op-ed before the hearing, "…"`: the last cue before the quotation when only a circumstance (no
 * `that`, no other quotation, a few words) lies between its verb and the comma or colon before the mark.
 */
export function circumstanceBefore(b: Block, cues: Cue[], j: number, gap: number): Cue | undefined {
  if (gap === 0 || !/^(,|:)$/.test(b.tokens[j + 1]?.lc ?? '')) return undefined;
  const c = [...cues].reverse().find((x) => !x.quoted && !x.nested && x.verbEnd < j);
  if (!c || j - c.verbEnd > 14) return undefined;
  for (let k = c.verbEnd + 1; k <= j; k++) {
    const t = b.tokens[k]!;
    if (t.type === 'q' || t.quoted || t.lc === 'that' || t.lc === ';' || t.lc === '.') return undefined;
  }
  return c;
}

/** A paragraph that ends in a speech cue and a colon (`Ruiz continued:`): the next paragraph's quotation is its. */
export interface Lead {
  cue: Cue;
  block: Block;
  sentence: number;
}

/** The lead of a paragraph ending in a cue and a colon, for the quotation that opens the next one. */
export function colonLead(b: Block): Lead | undefined {
  const last = b.tokens[b.tokens.length - 1];
  const s = b.sentences[b.sentences.length - 1];
  if (last?.lc !== ':' || !s || s.headline) return undefined;
  const c = [...s.cues].reverse().find((x) => !x.quoted && !x.nested);
  // A few words of circumstance may sit between the cue and the colon (`said that, given the choices on both sides:`).
  if (!c || b.tokens.length - 1 - c.end > 12) return undefined;
  return { cue: c, block: b, sentence: s.s.index };
}

/** Tokens of an attribution frame after a quotation: `Ana Ruiz, who led the talks in 2019 and 2020, told reporters on Monday`. */
const FRAME_TOKENS = 40;

/**
 * The cue of the attribution frame that starts at token `k`, right after a closing quotation mark: the first cue
 * before any other quotation whose speaker starts the frame (`Ruiz said`, `Ruiz, a senior fellow at …, said`, `the
 * bloc's envoy, Ana Ruiz, said`) or follows its verb (`said Ruiz`, `scoffed assistant coach Ana Ruiz`).
 */
export function frameCue(b: Block, all: Cue[], k: number, hi: number): Cue | undefined {
  const stop = Math.min(hi, k + FRAME_TOKENS);
  let end = k;
  while (end <= stop && b.tokens[end]!.type !== 'q' && !b.tokens[end]!.quoted) end++;
  // The first cue of the frame decides: a later one belongs to the writer's next clause.
  const x = all[firstCueAt(all, k)];
  if (x && x.at < end) {
    // `Citing "…", the aide told reporters that …`: a cue that reports a clause of its own is not the quotation's frame.
    if (!x.around && x.complement.some((r) => r.last - r.first >= 2 && b.tokens[r.first - 1]?.lc === 'that' && !b.tokens[r.first]!.quoted)) return undefined;
    if (x.subject && x.subject.first >= k && x.subject.first < x.at) {
      // `"…," Ana Ruiz, 30, of Vela, Ala., who was polled, said`: the name opening the frame, not a word of its asides.
      if (x.subject.first > k && b.tokens[x.subject.first - 1]?.lc === ',') {
        const loose = looseFrameSpeaker(b.tokens, k, hi);
        const name = (i: number) => !!b.tokens[i]?.cap && !FUNCTION_WORDS.has(b.tokens[i]!.lc);
        if (loose && loose.first === k && loose.verb === x.at && name(k) && name(loose.last)) x.subject = { first: loose.first, last: loose.last };
      }
      return x;
    }
    if (x.at <= k + 1 && (x.form === 'source' || (x.subject && x.subject.first > x.at))) return x;
    // `"…" if she lost, said Ruiz`: the writer's words, then the inverted attribution.
    if (x.form !== 'source' && x.subject && x.subject.first > x.at && b.tokens[x.at - 1]?.lc === ',') return x;
  }
  return undefined;
}

/** A statement found earlier in the article, as far as `quoteGoesOn` reads it. */
interface Earlier {
  sentence: Sentence;
  who: unknown;
  headline?: boolean;
}

/**
 * The earlier statement whose speaker goes on in a sentence that is all quotation and has no frame of its own: one in the
 * same or the previous sentence; the last one of the same paragraph that has a speaker (`"…," said Ana Ruiz. She has
 * run the depot for 24 years. "…"`); or, for a paragraph that is all quotation, the statement ending the paragraph before.
 */
export function quoteGoesOn<R extends Earlier>(raws: R[], s: Sentence, atBlockStart: boolean): R | undefined {
  for (let i = raws.length - 1; i >= 0 && i >= raws.length - 8; i--) {
    const r = raws[i]!;
    if (r.headline) continue;
    if (i >= raws.length - 4 && r.sentence.index >= s.index - 1 && r.sentence.index <= s.index) return r;
    if (i === raws.length - 1 && atBlockStart && r.who !== null && r.sentence.paragraph === s.paragraph - 1) return r;
    if (r.sentence.paragraph !== s.paragraph) return undefined;
    if (r.who !== null) return r;
  }
  return undefined;
}

/**
 * `Ana Ruiz says she got a call from her niece. "…"`: for a sentence that is all quotation with no statement before it
 * in its paragraph, the subject of the sentence before it when it names someone (a capitalised name) and quotes nothing;
 * for a paragraph that opens with the quotation, the last sentence of the paragraph before.
 */
export function previousSubject(
  b: Block,
  s: Block['sentences'][number],
  atBlockStart: boolean,
): Lead | { phrase: Range; block: Block; sentence: number } | undefined {
  const i = b.sentences.indexOf(s);
  const pb = atBlockStart ? b.previous : b;
  const p = atBlockStart ? pb?.sentences[pb.sentences.length - 1] : i > 0 ? b.sentences[i - 1] : undefined;
  if (!p || !pb || p.headline) return undefined;
  const r = sentenceSubject(pb.tokens, p.lo, p.hi, p.hi + 1);
  if (!r || !pb.tokens[r.last]!.cap || pb.tokens.slice(p.lo, p.hi + 1).some((t) => t.type === 'q')) return undefined;
  // One capitalised word (`Pause.`, `Often, …`) is a name only when the article never writes it in lower case and a verb follows.
  const next = pb.tokens[r.last + 1];
  if (r.first === r.last && (isCommonWord(pb.tokens[r.first]!.lc) || next?.type !== 'w' || next.cap)) return undefined;
  return { phrase: r, block: pb, sentence: p.s.index };
}

/** Writer's words between the two parts of a split quotation (`"A" but necessary "B," she said`). */
const SPLIT_WORDS = 6;

/**
 * `''They are painful'' but necessary ''for the business,'' he said`, `"I don't think" -- that X -- "is going to last," he
 * says`: the frame right after the next quotation of the sentence, when only a few of the writer's words lie between.
 */
export function splitQuoteFrame(b: Block, all: Cue[], q: Quotation, hi: number): Cue | undefined {
  const i = b.quotes.indexOf(q);
  const next = b.quotes[i + 1];
  if (i < 0 || !next || !q.closed || !next.closed) return undefined;
  const from = lowerBound(b.tokens, q.close);
  const to = lowerBound(b.tokens, next.open);
  if (to > hi) return undefined;
  const between = b.tokens.slice(from, to);
  if (between.filter((t) => t.type === 'w').length > SPLIT_WORDS || between.some((t) => t.lc === '.' || t.lc === ';')) return undefined;
  if (all.some((c) => c.at >= from && c.at < to)) return undefined;
  let k = lowerBound(b.tokens, next.close);
  const k0 = k;
  while (k < b.tokens.length && (b.tokens[k]!.type === 'p' || b.tokens[k]!.type === 'q') && b.tokens[k]!.lc !== '.' && k - k0 < 3) k++;
  return k > hi ? undefined : frameCue(b, all, k, hi);
}

/**
 * A sentence that is all quotation, or opens with the quotation and adds a few of the writer's words and no cue
 * (`"I think they will care about incomes" and other pocketbook issues.`): its speaker is the one who goes on.
 */
export function quoteOnlySentence(b: Block, s: Block['sentences'][number], q: Quotation): boolean {
  const words = b.tokens.slice(s.lo, s.hi + 1).filter((t) => t.type === 'w');
  const own = words.filter((t) => !t.quoted).length;
  if (own === 0) return true;
  const opens = b.tokens.slice(s.lo, lowerBound(b.tokens, q.open)).every((t) => t.type !== 'w');
  if (!opens || own * 3 > words.length || s.cues.some((c) => !c.quoted && !c.nested)) return false;
  // A quotation ending in a comma, `?` or `!` has a frame after it (`"…," the two write`), read or not.
  if (
    /[,?!]/.test(
      b.tokens
        .slice(lowerBound(b.tokens, q.content.end), lowerBound(b.tokens, q.close) + 1)
        .map((t) => t.lc)
        .join(''),
    )
  )
    return false;
  // Not when a frame follows that the cue reader missed (`"…," Ruiz shot back.`).
  let k = lowerBound(b.tokens, q.close);
  while (k <= s.hi && b.tokens[k]!.type !== 'w') k++;
  return !looseFrameSpeaker(b.tokens, k, s.hi) && !b.tokens[k]?.cap;
}

/** `was deemed`, `were described as`, `has been called`: a passive that leaves who said it unnamed on purpose. */
const BE_FORMS = /^(is|are|was|were|be|been|being)$/;

/**
 * A quotation the text itself leaves without a speaker, so it is kept when none is found: after a passive (`The talks
 * were deemed "productive"`), after a colon (`A line summed up the mood: "…"`), or a paragraph of its own. Any other
 * quotation whose speaker stays unknown is one we failed to attribute, and is left out rather than shown unattributed.
 */
export function standsUnattributed(b: Block, q: Quotation): boolean {
  const j = lowerBound(b.tokens, q.open) - 1;
  const prev = b.tokens[j];
  if (!prev) return q.closed && b.tokens.slice(lowerBound(b.tokens, q.close)).every((t) => t.type !== 'w');
  if (prev.lc === ':') return true;
  const verb = prev.lc === 'as' ? b.tokens[j - 1] : prev;
  const be = b.tokens[(prev.lc === 'as' ? j - 1 : j) - 1];
  return !!verb && !!be && verb.type === 'w' && /(ed|en)$/.test(verb.lc) && BE_FORMS.test(be.lc);
}

/**
 * The subject opening the last comma clause before a colon at `colon` (`…, Ruiz fired back:`): a noun phrase followed by
 * a lower-case word, with no speech cue of its own between the comma and the colon.
 */
export function clauseAfterComma(b: Block, lo: number, colon: number, cues: Cue[]): Range | undefined {
  let k = colon - 1;
  while (k > lo && colon - k < 10 && b.tokens[k]!.type === 'w' && !b.tokens[k]!.quoted) k--;
  if (k <= lo || b.tokens[k]!.lc !== ',' || cues.some((c) => !c.quoted && c.at > k && c.at < colon)) return undefined;
  const last = phraseStartingAt(b.tokens, k + 1, colon - 1, false, k + 1);
  const next = b.tokens[last + 1];
  if (last < 0 || last >= colon - 1 || !next || next.type !== 'w' || next.cap) return undefined;
  return { first: k + 1, last };
}

/**
 * A byline paragraph after a quotation that ends its own paragraph: `"…"` then `- Ken Dorn, Vela.` or `—Senator Ada Lind,
 * speaking on Monday.`: a dash, then the speaker's name; short (a line, not a paragraph of its own).
 */
export function dashByline(b: Block | undefined): { phrase: Range; block: Block; sentence: number } | undefined {
  const s = b?.sentences[0];
  if (!b || !s || b.tokens.length > 24) return undefined;
  // The loader reads `- Name` (a dash and a space) as a bullet and drops the dash.
  const dash = /^[-—–]$/.test(b.tokens[s.lo]?.lc ?? '');
  if (!dash && s.s.kind !== 'bullet') return undefined;
  const first = dash ? s.lo + 1 : s.lo;
  if (!b.tokens[first]?.cap || b.tokens[first]!.quoted) return undefined;
  const last = phraseStartingAt(b.tokens, first, s.hi, false, first);
  const after = b.tokens[last + 1];
  if (last < first || (after && last + 1 <= s.hi && !/^[,.]$/.test(after.lc))) return undefined;
  return { phrase: { first, last }, block: b, sentence: s.s.index };
}
