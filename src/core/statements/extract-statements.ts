import type { SpeakerMention } from './speaker-mention.ts';
import type { Article, Sentence, Span, Statement } from '../model.ts';
import { findCues, type Cue, type Range } from './cues.ts';
import { ATTRIBUTION_FORMS, hasAttributionWord } from './attribution-cues.ts';
import { isShareSubject } from './subjects.ts';
import { classifyPhrase, isCommonWord, phraseStartingAt, useCommonWords } from './noun-phrase.ts';
import { ArticlePeople, type SentenceTokens } from './people.ts';
import { isTitleCase, type Quotation } from './quotes.ts';
import type { Token } from './tokens.ts';
import { liveCues, lowerBound, lowerWords, makeBlocks, sentenceOf, type Block } from './blocks.ts';
import { isScareQuote } from './scare-quotes.ts';
import { sentenceSubject } from './sentence-subject.ts';
import { looseFrameSpeaker, type LooseFrame } from './loose-frame.ts';
import {
  circumstanceBefore,
  clauseAfterComma,
  dashByline,
  colonLead,
  frameCue,
  previousSubject,
  quoteGoesOn,
  quoteOnlySentence,
  splitQuoteFrame,
  standsUnattributed,
  type Lead,
} from './quote-frames.ts';
import { headlineReports, settleHeadlines } from './headlines.ts';
import { colonHeadline } from './headline-colon.ts';
import { BETWEEN_SUBJECT_AND_VERB, CALENDAR_WORDS, CHARACTERISING, FUNCTION_WORDS, QUOTE_ONLY } from './vocabulary.ts';
import { implausibleName } from './person-words.ts';
import { mostlyOwnWords, wordsBefore } from './reported-cues.ts';

/** A statement found in one article, its speaker resolved within that article only. */
export type ExtractedStatement = Omit<Statement, 'speaker' | 'speakerId' | 'topics'> & {
  mention: SpeakerMention | null;
};

type Who = { cue: Cue; block: Block; sentence: number } | { same: Raw } | { phrase: Range; block: Block; sentence: number } | null;

interface Raw {
  kind: 'direct' | 'reported';
  span: Span;
  text: string;
  cue: string;
  sentence: Sentence;
  who: Who;
  headline?: boolean;
  /** For reported speech in a headline: the speaker the headline names. */
  headSpeaker?: string;
  /** The speaker phrase of the frame after a quotation, read loosely: used when the cue's speaker stays unknown. */
  alt?: { phrase: LooseFrame; block: Block; sentence: number };
  mention?: SpeakerMention | null;
  /** Reported by a belief, intention, stance or evidence verb: kept only when its speaker resolves. */
  weak?: boolean;
  /** A direct quote the text leaves without a speaker (quote-frames.ts `standsUnattributed`): kept when none resolves. */
  unattributed?: boolean;
}

/** The attribution cues (beliefs, intentions, stances, evidence) of a sentence, read with its speech cues so they nest alike. */
function attributionCues(b: Block, s: Block['sentences'][number], consumed: Set<Cue>): Cue[] {
  if (s.headline || !hasAttributionWord(b.tokens, s.lo, s.hi)) return [];
  // Never over a speech cue of the sentence (`Citing …, the spokeswoman told reporters that …`): the speech is the statement.
  // But a poll's finding is over what its respondents said (`a poll showed 52 percent of voters said …`): the poll reports it.
  const speech = s.cues.filter((c) => !c.quoted);
  return findCues(b.tokens, s.lo, s.hi, true).filter((c) => {
    if (!c.weak) return false;
    const inner = speech.filter((o) => c.complement.some((r) => o.at >= r.first && o.at <= r.last));
    if (inner.length === 0) return true;
    const polled = ATTRIBUTION_FORMS.get(b.tokens[c.at]!.lc)?.cls === 'evidence' && inner.every((o) => o.subject && isShareSubject(b.tokens, o.subject));
    if (polled) for (const o of inner) consumed.add(o);
    return polled;
  });
}

/** Finds every direct quote and reported statement in an article, with its speaker as named there. */
export function extractStatements(article: Article): ExtractedStatement[] {
  const text = article.text;
  try {
    const blocks = makeBlocks(article);
    useCommonWords(lowerWords(blocks));
    const raws: Raw[] = [];
    for (const b of blocks) for (const s of b.sentences) if (!s.headline) s.cues = findCues(b.tokens, s.lo, s.hi);
    const consumed = new Set<Cue>();
    let prevUnclosed: Raw | undefined;
    let lead: Lead | undefined;
    for (const [bi, b] of blocks.entries()) {
      for (const q of b.quotes) {
        const raw = (lead && leadQuote(text, b, q, lead, consumed)) || attributeQuote(text, b, q, consumed, raws, prevUnclosed);
        // A quotation over several paragraphs attributed only at its end: its earlier paragraphs are the same speaker's.
        if (raw && prevUnclosed && prevUnclosed.who === null && raw.who && !('same' in raw.who) && text.slice(b.start, q.open).trim() === '')
          prevUnclosed.who = { same: raw };
        prevUnclosed = undefined;
        lead = undefined;
        if (!raw) continue;
        if (!raw.headline) {
          const alt = frameAfter(text, b, q);
          if (alt) raw.alt = { phrase: alt, block: b, sentence: raw.sentence.index };
        }
        // `"…"` then a line `- Ken Dorn, Vela.`: the byline under the quotation names its speaker.
        const own = raw.who && 'cue' in raw.who && raw.who.block === b;
        const byline = !own && !raw.headline && text.slice(q.close, b.end).trim() === '' ? dashByline(blocks[bi + 1]) : undefined;
        if (byline) raw.who = byline;
        raws.push(raw);
        if (!q.closed) prevUnclosed = raw;
      }
      if (b.quotes.length === 0) prevUnclosed = undefined;
      lead = colonLead(b);
    }
    for (const b of blocks) {
      for (const s of b.sentences) {
        const extra = attributionCues(b, s, consumed);
        for (const c of [...s.cues, ...extra]) {
          if (c.quoted || c.nested || consumed.has(c) || c.complement.length === 0 || (QUOTE_ONLY.has(c.lemma) && !c.weak)) continue;
          const inner = c.complement.flatMap((r) => b.tokens.slice(r.first, r.last + 1));
          if (inner.every((t) => t.quoted || t.type !== 'w')) continue;
          // `…, which wrote the letter, …`: a relative clause with an object, not a report.
          if (/^(who|which)$/.test(b.tokens[c.clauseStart]?.lc ?? '') && inner.filter((t) => t.type === 'w').length <= 3) continue;
          if (quoteCarriesAll(c, inner)) continue;
          const first = c.complement[0]!;
          const lastR = c.complement[c.complement.length - 1]!;
          const span = { start: b.tokens[first.first]!.start, end: b.tokens[lastR.last]!.end };
          const said = c.complement.map((r) => text.slice(b.tokens[r.first]!.start, b.tokens[r.last]!.end)).join(' ');
          raws.push({
            kind: 'reported',
            span,
            text: said,
            cue: cueText(text, b.tokens, c),
            sentence: s.s,
            who: { cue: c, block: b, sentence: s.s.index },
            ...(c.weak ? { weak: true } : {}),
          });
        }
      }
    }
    for (const b of blocks) {
      for (const s of b.sentences) {
        if (!s.headline) continue;
        const reports = headlineReports(text, b, s.lo, s.hi);
        const colon = reports.length === 0 ? colonHeadline(text, b, s.lo, s.hi) : undefined;
        if (colon)
          raws.push({
            kind: 'reported',
            span: colon.span,
            text: colon.text,
            cue: ':',
            sentence: s.s,
            who: null,
            headline: true,
            headSpeaker: colon.speaker,
          });
        for (const h of reports) {
          const unquoted = b.tokens.filter((t) => t.start >= h.span.start && t.end <= h.span.end && t.type === 'w' && !t.quoted);
          if (unquoted.length <= 3 && b.quotes.some((q) => q.open >= h.span.start && q.open < h.span.end))
            raws.push({ kind: 'reported', span: h.span, text: '', cue: h.cue, sentence: s.s, who: null, headline: true, headSpeaker: h.speaker });
          else raws.push({ kind: 'reported', span: h.span, text: h.text, cue: h.cue, sentence: s.s, who: null, headline: true, headSpeaker: h.speaker });
        }
      }
    }
    raws.sort((a, b) => a.span.start - b.span.start || (a.kind === 'direct' ? -1 : 1));
    resolveAll(text, blocks, raws);
    settleHeadlines(raws);
    const noName = (lc: string) => FUNCTION_WORDS.has(lc) || BETWEEN_SUBJECT_AND_VERB.has(lc) || CALENDAR_WORDS.has(lc);
    for (const r of raws) if (r.mention && implausibleName(r.mention.name, isCommonWord, noName)) r.mention = null;
    return (
      raws
        // Speech is only worth keeping with its speaker: `someone said that …` is the writer's sentence, not who said what.
        // A direct quote the text itself leaves unattributed (after a passive, a colon, on its own) is kept without one.
        .filter((r) => (!r.headline || r.mention) && (!r.weak || r.mention) && (r.mention || (r.kind === 'direct' && r.unattributed)) && r.text !== '')
        .map((r) => ({
          article: article.id,
          sentence: r.sentence.index,
          kind: r.kind,
          text: r.text,
          span: r.span,
          cue: r.cue,
          sentenceText: r.sentence.text,
          mention: r.mention ?? null,
          ...(r.mention?.role ? { role: r.mention.role } : {}),
        }))
    );
  } finally {
    useCommonWords(undefined);
  }
}

/**
 * `accused Aro of "rewriting history"`, `Oslo, she said, "does not pay"`: the quotation is the statement and
 * the few other words are the writer's frame, so no separate reported statement. Characterising verbs (`described the
 * atmosphere as "tense"`) keep theirs.
 */
function quoteCarriesAll(c: Cue, inner: Token[]): boolean {
  if (CHARACTERISING.has(c.lemma)) return false;
  const quoted = inner.filter((t) => t.quoted && t.type === 'w').length;
  const own = inner.filter((t) => !t.quoted && t.type === 'w').length;
  if (quoted === 0 || own > 3) return false;
  const mark = inner.findIndex((t) => t.type === 'q');
  const before = mark > 0 ? inner[mark - 1]! : undefined;
  return own <= 1 || (!!before && /^(of|against|for|from)$/.test(before.lc));
}

/**
 * After a quotation the cue introduces, the sentence goes on in the speaker's own reported words (`said "it hurts" every
 * time she drives past`): at least four words, opening with a word that is neither a participle nor another speech verb,
 * and no other cue after the quotation (`"…," Ruiz said`).
 */
function goesOnAfter(b: Block, s: Block['sentences'][number], q: Quotation, words: number): boolean {
  if (words < 4) return false;
  const k = lowerBound(b.tokens, q.close);
  const next = b.tokens[k];
  if (
    !next ||
    k > s.hi ||
    next.type !== 'w' ||
    next.quoted ||
    next.cap ||
    /ing$/.test(next.lc) ||
    /^(and|or|but|as|on|at|in|to|of|for|from|with|while|after|before)$/.test(next.lc)
  )
    return false;
  return !s.cues.some((c) => c.at >= k);
}

function cueText(text: string, tokens: Token[], c: Cue): string {
  return text.slice(tokens[c.at]!.start, tokens[c.verbEnd]!.end);
}

const wordCount = (words: string) => words.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

function inRange(b: Block, r: Range, q: Quotation): boolean {
  return q.open >= b.tokens[r.first]!.start && q.open < b.tokens[r.last]!.end;
}

function attributeQuote(text: string, b: Block, q: Quotation, consumed: Set<Cue>, raws: Raw[], prevUnclosed: Raw | undefined): Raw | undefined {
  const s = sentenceOf(b, q.open);
  if (!s) return undefined;
  const words = text.slice(q.content.start, q.content.end);
  if (!/\p{L}/u.test(words)) return undefined;
  const base = { kind: 'direct' as const, span: q.content, text: words, sentence: s.s };
  if (s.headline) return { ...base, cue: '', who: null, headline: true };
  if (isScareQuote(b.tokens, q, words, true)) return undefined;
  const all = liveCues(b);
  const sentOf = (c: Cue) => sentenceOf(b, b.tokens[c.at]!.start)!;
  // Attribution right after the quotation: `"…," Adams told reporters` / `"…," said the minister`.
  let k = lowerBound(b.tokens, q.close);
  // Skip the `,` and a stray closing mark (`…them,'''`: a single quote closing inside the double one).
  while (k < b.tokens.length && (b.tokens[k]!.type === 'p' || b.tokens[k]!.type === 'q') && b.tokens[k]!.lc !== '.' && k - lowerBound(b.tokens, q.close) < 3)
    k++;
  const tail = text.slice(q.content.end, q.close);
  const nextTok = b.tokens[k];
  if (q.closed && nextTok) {
    // `"Why not?" Ruiz asked.`: after `?` or `!` the loader may start a new sentence; the frame is that sentence.
    // After a full stop (`"… missing." Ruiz said.`) only a frame that reports nothing else counts.
    const stopped = tail.includes('.') && nextTok.cap;
    const c = frameCue(b, all, k, sentenceOf(b, nextTok.start)?.hi ?? s.hi);
    // `Ruiz's “excesses” are sickening, Berg said`: a short quotation with the writer's words before the frame is part of
    // what the cue reports, not its whole statement.
    const inside = c && wordCount(words) <= 3 && b.tokens.slice(k, Math.min(c.clauseStart, c.at)).filter((t) => t.type === 'w' && !t.quoted).length >= 2;
    if (c && !inside && (!stopped || c.complement.length === 0 || c.around)) {
      // `The board's new plan ''is a step back,'' Ruiz said`: the writer's words before the quotation are a report too.
      if (!(c.around && wordsBefore(b.tokens, c, q.open) >= 4 && mostlyOwnWords(c, b.tokens))) consumed.add(c);
      return { ...base, cue: cueText(text, b.tokens, c), who: { cue: c, block: b, sentence: sentOf(c).s.index } };
    }
  }
  // Attribution just before: `Adams stated, "…"`, `He concluded with, "…"`, `The minister replied: "…"`.
  let j = lowerBound(b.tokens, q.open) - 1;
  let gap = 0;
  while (j >= 0 && gap < 3 && /^(,|:|with|that|—|-)$/.test(b.tokens[j]!.lc)) {
    j--;
    gap++;
  }
  const adjacent = s.cues.find((c) => !c.quoted && !c.nested && (c.verbEnd === j || c.end === j));
  const around = adjacent ? undefined : circumstanceBefore(b, s.cues, j, gap);
  if (around && j >= s.lo) {
    consumed.add(around);
    return { ...base, cue: cueText(text, b.tokens, around), who: { cue: around, block: b, sentence: s.s.index } };
  }
  const before = adjacent;
  if (before && j >= s.lo) {
    const inner = before.complement.flatMap((r) => b.tokens.slice(r.first, r.last + 1)).filter((t) => t.type === 'w' && !t.quoted);
    const afterQuote = inner.filter((t) => t.start >= q.close);
    // `Ruiz said "it hurts" every time she drives past the pier`: words of her own after the quotation are a report too.
    // `suggesting “x” in the form of “y” had started to …`: mostly the writer's words around short quotations are a report too.
    const own = mostlyOwnWords(before, b.tokens);
    if (inner.length === afterQuote.length && !own && (CHARACTERISING.has(before.lemma) || !goesOnAfter(b, s, q, afterQuote.length))) consumed.add(before);
    return { ...base, cue: cueText(text, b.tokens, before), who: { cue: before, block: b, sentence: s.s.index } };
  }
  // A quotation after a colon, its speaker the sentence's subject: `Van der Berg was blunter: "…"`.
  if (b.tokens[j + 1]?.lc === ':' || b.tokens[j]?.lc === ':') {
    const last = phraseStartingAt(b.tokens, s.lo, s.hi, false, s.lo);
    if (last >= 0 && s.cues.every((c) => c.quoted || c.nested))
      return { ...base, cue: '', who: { phrase: { first: s.lo, last }, block: b, sentence: s.s.index } };
    // `When Dorn suggested that …, Ruiz fired back: "…"`: the subject of the clause before the colon, after an opening clause.
    const colon = b.tokens[j + 1]?.lc === ':' ? j + 1 : j;
    const after = clauseAfterComma(b, s.lo, colon, s.cues);
    if (after) return { ...base, cue: '', who: { phrase: after, block: b, sentence: s.s.index } };
  }
  // Inside what a cue reports: `described the meeting as "constructive"`.
  const owner = [...s.cues].reverse().find((c) => !c.quoted && !c.nested && c.complement.some((r) => inRange(b, r, q)));
  if (owner) {
    const inner = owner.complement.flatMap((r) => b.tokens.slice(r.first, r.last + 1)).filter((t) => t.type === 'w' && !t.quoted);
    if (inner.length === 0) consumed.add(owner);
    return { ...base, cue: cueText(text, b.tokens, owner), who: { cue: owner, block: b, sentence: s.s.index } };
  }
  // A quotation continued from the previous paragraph, or a quoted sentence after a statement.
  const atBlockStart = text.slice(b.start, q.open).trim() === '';
  if (prevUnclosed && atBlockStart) return { ...base, cue: prevUnclosed.cue, who: { same: prevUnclosed } };
  const sentenceIsQuote = quoteOnlySentence(b, s, q);
  if (sentenceIsQuote) {
    const prev = quoteGoesOn(raws, s.s, atBlockStart);
    if (prev) return { ...base, cue: prev.cue, who: { same: prev } };
    const lead = previousSubject(b, s, atBlockStart);
    if (lead && 'phrase' in lead) return { ...base, cue: '', who: lead };
  }
  if (isTitleCase(words) || (!q.closed && !atBlockStart) || isScareQuote(b.tokens, q, words, false)) return undefined;
  // A single quoted word no speech verb claims is a label, unless it stands as an utterance (`“Never!”`).
  if (wordCount(words) === 1 && !/[,.!?]/.test(text.slice(q.content.end, q.close))) return undefined;
  // The first part of a split quotation: the frame after the second part.
  const split = splitQuoteFrame(b, all, q, s.hi);
  if (split) return { ...base, cue: cueText(text, b.tokens, split), who: { cue: split, block: b, sentence: sentOf(split).s.index } };
  // No speech verb claims it: the subject of the sentence's main clause (`Ruiz called the plan "a mess."`).
  const subject = atBlockStart ? undefined : sentenceSubject(b.tokens, s.lo, s.hi, lowerBound(b.tokens, q.open));
  if (subject) return { ...base, cue: '', who: { phrase: subject, block: b, sentence: s.s.index } };
  // A sentence too long to read whole (blocks.ts) was not searched for a speaker: its quotations stay, unattributed.
  const cut = s.lo > lowerBound(b.tokens, s.s.span.start);
  return { ...base, cue: '', who: null, ...(cut || standsUnattributed(b, q) ? { unattributed: true } : {}) };
}

/** The loosely read speaker of the frame right after a closed quotation that ends with a comma, `?` or `!`. */
function frameAfter(text: string, b: Block, q: Quotation): LooseFrame | undefined {
  if (!q.closed || text.slice(q.content.end, q.close).includes('.')) return undefined;
  const s = sentenceOf(b, q.open);
  let k = lowerBound(b.tokens, q.close);
  while (k < b.tokens.length && (b.tokens[k]!.type === 'p' || b.tokens[k]!.type === 'q') && b.tokens[k]!.lc !== '.' && k - lowerBound(b.tokens, q.close) < 3)
    k++;
  const hi = sentenceOf(b, b.tokens[k]?.start ?? q.close)?.hi ?? s?.hi;
  return hi === undefined ? undefined : looseFrameSpeaker(b.tokens, k, hi);
}

function leadQuote(text: string, b: Block, q: Quotation, lead: Lead, consumed: Set<Cue>): Raw | undefined {
  const s = sentenceOf(b, q.open);
  const words = text.slice(q.content.start, q.content.end);
  if (!s || s.headline || text.slice(b.start, q.open).trim() !== '' || !/\p{L}/u.test(words)) return undefined;
  consumed.add(lead.cue);
  return {
    kind: 'direct',
    span: q.content,
    text: words,
    sentence: s.s,
    cue: cueText(text, lead.block.tokens, lead.cue),
    who: { cue: lead.cue, block: lead.block, sentence: lead.sentence },
  };
}

function resolveAll(text: string, blocks: Block[], raws: Raw[]) {
  if (raws.every((r) => r.headline)) return;
  const sentences: SentenceTokens[] = blocks.flatMap((b) =>
    b.sentences.filter((s) => !s.headline).map((s) => ({ tokens: b.tokens, lo: s.lo, hi: s.hi, sentence: s.s.index })),
  );
  const people = new ArticlePeople(text, sentences);
  const byCue = new Map<Cue, { mention: SpeakerMention | null }>();
  const cueSpeaker = (c: Cue, b: Block, sentence: number, depth = 0): SpeakerMention | null => {
    const hit = byCue.get(c);
    if (hit) return hit.mention;
    let mention: SpeakerMention | null = null;
    if (c.subject) {
      const phrase = classifyPhrase(text, b.tokens, c.subject.first, c.subject.last);
      mention = people.resolve(phrase, b.tokens[c.subject.first]!.start, sentence);
    } else if (c.inherit && depth < 8) mention = cueSpeaker(c.inherit, b, sentence, depth + 1);
    byCue.set(c, { mention });
    return mention;
  };
  const pending: Raw[] = [];
  for (const r of raws) {
    if (r.headline) continue;
    if (r.who && 'cue' in r.who) r.mention = cueSpeaker(r.who.cue, r.who.block, r.who.sentence);
    else if (r.who && 'same' in r.who) r.mention = r.who.same.mention ?? null;
    else if (r.who && 'phrase' in r.who) {
      const { phrase, block, sentence } = r.who;
      r.mention = people.resolve(classifyPhrase(text, block.tokens, phrase.first, phrase.last), block.tokens[phrase.first]!.start, sentence);
    } else r.mention = null;
    // The loose reading only where it reads another phrase: the same subject left unknown stays unknown.
    const sameSubject = r.alt && r.who && 'cue' in r.who && r.who.cue.subject?.first === r.alt.phrase.first && r.who.cue.subject.last === r.alt.phrase.last;
    if (!r.mention && r.alt && !sameSubject) {
      const { phrase, block, sentence } = r.alt;
      r.mention = people.resolve(classifyPhrase(text, block.tokens, phrase.first, phrase.last), block.tokens[phrase.first]!.start, sentence);
      if (r.mention && !r.cue) r.cue = block.tokens[phrase.verb]!.text;
    }
    if (r.who && 'same' in r.who && r.who.same.mention === undefined) pending.push(r);
    people.noteSpeaker(r.mention ?? null, r.sentence.index);
  }
  for (const r of pending) if (r.who && 'same' in r.who) r.mention = r.who.same.mention ?? null;
}
