import { firstCueAt, type Block } from './blocks.ts';
import type { Cue } from './cues.ts';
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
  if (!c || b.tokens.length - 1 - c.end > 6) return undefined;
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
