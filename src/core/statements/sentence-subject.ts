import type { Range } from './cue-types.ts';
import { phraseStartingAt, sentenceAdverbial } from './noun-phrase.ts';
import type { Token } from './tokens.ts';
import { FUNCTION_WORDS } from './vocabulary.ts';

/** Words that open a sentence with an adverbial before its subject (`Speaking in Vela, Ruiz …`, `On Monday, Ruiz …`). */
const OPENER =
  /^(in|on|at|after|before|during|speaking|asked|writing|as|while|when|later|earlier|meanwhile|still|now|but|and|yet|so|however|then|also|today|yesterday)$/;

/**
 * The subject of a sentence's main clause, for a quotation inside it that no speech verb claims
 * (`Ruiz called the plan "a mess."`, `Speaking in Vela, Ruiz thanked voters for "standing firm."`):
 * the noun phrase opening the sentence, or the one after an opening adverbial and its comma. Only a phrase
 * that ends before `before` (the quotation) counts. Bounded: looks at most 30 tokens in.
 */
export function sentenceSubject(tokens: Token[], lo: number, hi: number, before: number): Range | undefined {
  const at = (first: number): Range | undefined => {
    if (first > hi || first >= before) return undefined;
    const t = tokens[first]!;
    if (t.type !== 'w' || t.quoted || (FUNCTION_WORDS.has(t.lc) && !/^(he|she|they|it|we|i)$/.test(t.lc))) return undefined;
    const last = phraseStartingAt(tokens, first, hi, true, lo);
    if (last < 0 || last >= before) return undefined;
    const next = tokens[last + 1];
    // A subject is followed by its verb (a lower-case word), an apposition or a parenthesis; not by a quotation.
    if (!next || next.type === 'q' || (next.type === 'w' && (next.cap || /^(and|or|&|nor)$/.test(next.lc)))) return undefined;
    // Not when the quotation sits in a relative clause or a passive with its own agent (`…, which was deemed "x" by …`).
    for (let k = last + 1; k < before; k++) if (/^(which|who|whom|;)$/.test(tokens[k]!.lc)) return undefined;
    return { first, last };
  };
  const direct = at(lo);
  if (direct) return direct;
  if (!OPENER.test(tokens[lo]?.lc ?? '') && !(tokens[lo]?.cap && sentenceAdverbial(tokens[lo]!, tokens[lo + 1]))) return undefined;
  // `At an event in Ames, Iowa, on Sunday, Ruiz said …`: a place or time between the commas is no subject; the phrase
  // followed by its verb (a lower-case word) is, else the first phrase found.
  let first: Range | undefined;
  for (let k = lo + 1; k <= hi && k < lo + 30 && k < before; k++) {
    const t = tokens[k]!;
    if (t.type === 'q' || t.quoted) break;
    if (t.lc === ',') {
      const r = at(k + 1);
      const next = r && tokens[r.last + 1];
      if (r && next?.type === 'w' && !next.cap) return r;
      first ??= r;
    }
  }
  return first;
}
