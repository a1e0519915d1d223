/**
 * Disputes: a claim one side makes that another denies or qualifies, found generically from
 * denial and qualification cues in the sentences and the statements around them.
 */
import type { Article, Evidence, Sentence, Speaker, Statement } from '../model.ts';
import { compileParties, partyInText, partyOf, type Party, type PartyMatcher } from '../positions/parties.ts';
import { contentWords, overlap } from '../timeline/event-cues.ts';
import { deniesEarlierClaim, speechSubject } from './claim-cues.ts';
import { counterAccusations } from './counter-accusations.ts';
import { actorBefore, findCounterCue, type CounterCue } from './cues.ts';
import type { Dispute, DisputeSide } from './dispute.ts';

export type { Dispute, DisputeSide } from './dispute.ts';

/** What `findDisputes` needs; `parties` and `speakers` are optional and add party labels and cross-article merging by party. */
export interface DisputesInput {
  articles: Article[];
  /** Statements with speakers resolved (and topics set). */
  statements: Statement[];
  speakers?: Speaker[];
  parties?: Party[];
  /** The parties compiled once (`compileParties`), when many calls share them. */
  matcher?: PartyMatcher;
}

/** How far back (in sentences) a claim may be from the sentence that counters it. */
const LOOKBACK = 3;

interface Ctx {
  matcher: PartyMatcher | undefined;
  speakers: Map<string, Speaker>;
  /** Lower-case surname → the person speakers who have it (from name and aliases). */
  bySurname: Map<string, Speaker[]>;
  /** Speaker id → its place in the speaker list (the first match in list order wins). */
  order: Map<string, number>;
}

const SPEECH = /\b(?:announced|claimed|said|says|stated|told|insisted|asserted|suggested|declared|confirmed)\b/i;

function side(
  ctx: Ctx,
  article: string,
  sentence: Sentence,
  text: string,
  start: number,
  end: number,
  speaker: string | null,
  speakerId: string | null,
  st?: Statement,
): DisputeSide {
  const ev: Evidence = { article, sentence: sentence.index, span: { start: sentence.span.start + start, end: sentence.span.start + end } };
  const out: DisputeSide = { text: text.trim(), speaker, speakerId, evidence: [ev], articles: [article] };
  if (ctx.matcher && speaker) {
    const sp = speakerId ? ctx.speakers.get(speakerId) : undefined;
    const p = sp || st ? partyOf(ctx.matcher, sp, st ?? { speaker }) : partyInText(ctx.matcher, speaker);
    if (p) {
      out.party = p.id;
      out.partyName = p.name;
    }
  }
  return out;
}

const lastName = (name: string): string => name.trim().split(/\s+/).pop() ?? name;

/** The statement of the sentence whose speaker is the written actor, if any. */
function statementOfActor(actor: string, list: Statement[]): Statement | undefined {
  return list.find((s) => s.speaker && (actor.includes(lastName(s.speaker)) || (s.role !== undefined && actor.includes(s.role))));
}

/** A known speaker named by the written actor (`Costa` → the speaker with that alias). */
function knownSpeaker(ctx: Ctx, actor: string): Speaker | undefined {
  let best: Speaker | undefined;
  for (const w of actor.toLowerCase().split(/\s+/)) {
    for (const sp of ctx.bySurname.get(w) ?? []) if (!best || ctx.order.get(sp.id)! < ctx.order.get(best.id)!) best = sp;
  }
  return best;
}

function surnameIndex(speakers: Speaker[]): Map<string, Speaker[]> {
  const out = new Map<string, Speaker[]>();
  for (const sp of speakers) {
    if (sp.kind !== 'person') continue;
    for (const key of new Set([sp.name, ...sp.aliases].map((n) => lastName(n).toLowerCase()))) out.set(key, [...(out.get(key) ?? []), sp]);
  }
  return out;
}

/** The clause of a statement's text that comes before a contrast connective (the claim part). */
function beforeConnective(sentence: Sentence, cue: CounterCue): string {
  return sentence.text.slice(0, cue.connectiveAt ?? sentence.text.length).replace(/[\s,;—–-]+$/, '');
}

function counterSide(ctx: Ctx, article: Article, s: Sentence, cue: CounterCue, here: Statement[]): DisputeSide | undefined {
  const clause = s.text.slice(cue.clauseStart).trim();
  const start = s.text.indexOf(clause, cue.clauseStart);
  const actor = actorBefore(s.text, cue);
  const afterConnective = here.filter((x) => cue.connectiveAt === undefined || x.span.end > s.span.start + cue.connectiveAt);
  const st = actor ? statementOfActor(actor, here) : afterConnective.filter((x) => x.speaker).pop();
  if (st?.speaker) return side(ctx, article.id, s, clause, start, start + clause.length, st.speaker, st.speakerId, st);
  const known = actor ? knownSpeaker(ctx, actor) : undefined;
  if (known) return side(ctx, article.id, s, clause, start, start + clause.length, known.name, known.id);
  if (actor) return side(ctx, article.id, s, clause, start, start + clause.length, actor, null);
  return undefined;
}

const differs = (claim: { speaker: string | null; party?: string | undefined }, counter: DisputeSide): boolean => {
  if (!claim.speaker) return false;
  if (counter.speaker && lastName(claim.speaker).toLowerCase() === lastName(counter.speaker).toLowerCase()) return false;
  return !(claim.party && counter.party && claim.party === counter.party);
};

function claimSide(ctx: Ctx, article: Article, i: number, cue: CounterCue, counter: DisputeSide, byIndex: Map<number, Statement[]>): DisputeSide | undefined {
  const s = article.sentences[i];
  if (!s) return undefined;
  // A claim in the same sentence, before `though` / `but`.
  if (cue.connectiveAt !== undefined) {
    const before = (byIndex.get(i) ?? []).filter((x) => x.speaker && x.span.start < s.span.start + cue.connectiveAt!);
    for (const st of before) {
      const c = side(ctx, article.id, s, beforeConnective(s, cue), 0, cue.connectiveAt, st.speaker, st.speakerId, st);
      if (differs(c, counter)) return c;
    }
  }
  // `denied the claim`, `denied this`: the claim reported just before, whatever its words.
  if (deniesEarlierClaim(s.text, cue)) {
    for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
      const prev = article.sentences[j];
      if (!prev || prev.kind === 'subhead') continue;
      for (const o of optionsIn(ctx, article, prev, byIndex)) if (differs(o, counter)) return o;
    }
  }
  // Otherwise the nearest earlier statement by another side that shares content with the counter.
  const context = contentWords(`${s.text} ${article.sentences[i + 1]?.text ?? ''}`);
  let best: { score: number; side: DisputeSide } | undefined;
  for (let j = i - 1; j >= Math.max(0, i - LOOKBACK); j--) {
    const prev = article.sentences[j];
    if (!prev || prev.kind === 'subhead' || findCounterCue(prev.text)) continue;
    for (const o of optionsIn(ctx, article, prev, byIndex)) {
      if (!differs(o, counter)) continue;
      const o2 = overlap(contentWords(`${prev.text}`), context);
      const score = o2.shared - (i - j) * 0.5;
      if (o2.shared >= 1 && (!best || score > best.score)) best = { score, side: o };
    }
  }
  return best?.side;
}

/** The claims a sentence reports: its statements with a speaker, else the sentence under the subject of its speech verb. */
function optionsIn(ctx: Ctx, article: Article, prev: Sentence, byIndex: Map<number, Statement[]>): DisputeSide[] {
  const found = (byIndex.get(prev.index) ?? []).filter((x) => x.speaker);
  const options = found.map((st) =>
    side(ctx, article.id, prev, st.text, st.span.start - prev.span.start, st.span.end - prev.span.start, st.speaker, st.speakerId, st),
  );
  if (found.length === 0 && SPEECH.test(prev.text)) {
    const actor = speechSubject(prev.text);
    if (actor) options.push(side(ctx, article.id, prev, prev.text, 0, prev.text.length, actor.subject, null));
  }
  return options;
}

function mergeSide(a: DisputeSide, b: DisputeSide): DisputeSide {
  const seen = new Set(a.evidence.map((e) => `${e.article}#${e.sentence}`));
  const evidence = [...a.evidence, ...b.evidence.filter((e) => !seen.has(`${e.article}#${e.sentence}`))];
  return { ...a, evidence, articles: [...new Set(evidence.map((e) => e.article))] };
}

/** A dispute being collected, with the content words of its claim sentences (for merging repeats). */
export interface Found {
  dispute: Dispute;
  claimWords: Set<string>;
}

/** True when two disputes are the same argument reported twice: same claimant, same counter side, similar claim sentences, shared topics. */
function sameDispute(a: Found, b: Found): boolean {
  const who = (x: DisputeSide) => (x.speakerId ?? lastName(x.speaker ?? '')).toLowerCase();
  if (who(a.dispute.claim) !== who(b.dispute.claim)) return false;
  const ca = a.dispute.counter;
  const cb = b.dispute.counter;
  if (!(ca.party && cb.party ? ca.party === cb.party : who(ca) === who(cb))) return false;
  const ta = a.dispute.topics;
  const tb = b.dispute.topics;
  if (ta.length > 0 && tb.length > 0 && !ta.some((t) => tb.includes(t))) return false;
  const o = overlap(a.claimWords, b.claimWords);
  return o.shared >= 3 && o.ratio >= 0.35;
}

/** A dispute found in one article, with the content words of its claim sentence (to merge repeats across articles). */
export interface ArticleDispute {
  dispute: Dispute;
  claimWords: readonly string[];
}

const claimantOf = (d: Dispute): string => (d.claim.speakerId ?? lastName(d.claim.speaker ?? '')).toLowerCase();

/**
 * Finds claims that one side makes and another denies or qualifies, article by article: a sentence with
 * a denial or qualification cue (the counter, with its actor), paired with the claim in the same sentence
 * before a contrast connective or with the nearest earlier statement by another side sharing its content.
 * Nothing is merged: see `mergeDisputes`.
 */
export function findArticleDisputes(input: DisputesInput): ArticleDispute[] {
  const ctx: Ctx = {
    matcher: input.matcher ?? (input.parties && input.parties.length > 0 ? compileParties(input.parties) : undefined),
    speakers: new Map((input.speakers ?? []).map((s) => [s.id, s])),
    bySurname: surnameIndex(input.speakers ?? []),
    order: new Map((input.speakers ?? []).map((s, i) => [s.id, i])),
  };
  const out: ArticleDispute[] = [];
  const byArticle = new Map<string, Map<number, Statement[]>>();
  for (const st of input.statements) {
    const m = byArticle.get(st.article) ?? new Map<number, Statement[]>();
    const list = m.get(st.sentence);
    if (list) list.push(st);
    else m.set(st.sentence, [st]);
    byArticle.set(st.article, m);
  }
  for (const article of input.articles) {
    if (article.duplicateOf) continue;
    const byIndex = byArticle.get(article.id) ?? new Map<number, Statement[]>();
    article.sentences.forEach((s, i) => {
      if (s.kind === 'subhead') return;
      const cue = findCounterCue(s.text);
      if (!cue) return;
      const counter = counterSide(ctx, article, s, cue, byIndex.get(s.index) ?? []);
      if (!counter) return;
      const claim = claimSide(ctx, article, i, cue, counter, byIndex);
      if (!claim) return;
      const topics = new Set<string>();
      for (const e of [...claim.evidence, ...counter.evidence]) {
        for (const st of byIndex.get(e.sentence) ?? []) for (const t of st.topics) topics.add(t);
      }
      const claimSentence = article.sentences.find((x) => x.index === claim.evidence[0]?.sentence)?.text ?? claim.text;
      const claimWords = contentWords(claimSentence);
      for (const w of contentWords(claim.speaker ?? '')) claimWords.delete(w);
      out.push({ dispute: { claim, counter, cue: cue.cue, topics: [...topics] }, claimWords: [...claimWords] });
    });
    const sideOf = (s: Sentence, start: number, end: number, actor: string): DisputeSide => {
      const st = statementOfActor(actor, byIndex.get(s.index) ?? []);
      const known = st?.speaker ? undefined : knownSpeaker(ctx, actor);
      return side(ctx, article.id, s, s.text.slice(start, end), start, end, st?.speaker ?? known?.name ?? actor, st?.speakerId ?? known?.id ?? null, st);
    };
    for (const d of counterAccusations(article, sideOf)) {
      if (!differs(d.claim, d.counter)) continue;
      const topics = new Set<string>();
      for (const e of [...d.claim.evidence, ...d.counter.evidence]) for (const st of byIndex.get(e.sentence) ?? []) for (const t of st.topics) topics.add(t);
      const claimWords = contentWords(article.sentences[d.claim.evidence[0]!.sentence]?.text ?? d.claim.text);
      for (const w of contentWords(d.claim.speaker ?? '')) claimWords.delete(w);
      out.push({ dispute: { ...d, topics: [...topics] }, claimWords: [...claimWords] });
    }
  }
  return out;
}

/**
 * Disputes merged so far, ready to take more in order. Extending copies what it changes, so an older
 * state (held by an older briefing) stays valid.
 */
export interface MergedDisputes {
  readonly merged: readonly Found[];
  /** Claimant key → indexes into `merged`: disputes can only be the same when their claimants are. */
  readonly byClaimant: ReadonlyMap<string, readonly number[]>;
}

/** No disputes merged yet. */
export const NO_DISPUTES: MergedDisputes = { merged: [], byClaimant: new Map() };

/** Merges more disputes, in order, into a merged state: the same argument reported again joins its twin. */
export function extendDisputes(state: MergedDisputes, found: readonly ArticleDispute[]): MergedDisputes {
  if (found.length === 0) return state;
  const merged = [...state.merged];
  const byClaimant = new Map(state.byClaimant);
  for (const f of found) {
    const next: Found = { dispute: { ...f.dispute }, claimWords: new Set(f.claimWords) };
    const key = claimantOf(next.dispute);
    const bucket = byClaimant.get(key) ?? [];
    const twin = bucket.find((i) => sameDispute(merged[i]!, next));
    if (twin === undefined) {
      byClaimant.set(key, [...bucket, merged.length]);
      merged.push(next);
      continue;
    }
    const t = merged[twin]!;
    merged[twin] = {
      dispute: {
        ...t.dispute,
        claim: mergeSide(t.dispute.claim, next.dispute.claim),
        counter: mergeSide(t.dispute.counter, next.dispute.counter),
        topics: [...new Set([...t.dispute.topics, ...next.dispute.topics])],
      },
      claimWords: new Set([...t.claimWords, ...next.claimWords]),
    };
  }
  return { merged, byClaimant };
}

/** Merged disputes as plain data (JSON-safe), to keep them across restarts: each dispute and its claim words, in merge order. */
export interface StoredDisputes {
  merged: { dispute: Dispute; claimWords: string[] }[];
}

/** The merged state as plain data. */
export function storeDisputes(state: MergedDisputes): StoredDisputes {
  return { merged: state.merged.map((f) => ({ dispute: f.dispute, claimWords: [...f.claimWords] })) };
}

/** The merged state a stored one describes (its claimant index rebuilt), ready to take more in order. */
export function restoreDisputes(stored: StoredDisputes): MergedDisputes {
  const merged: Found[] = stored.merged.map((f) => ({ dispute: f.dispute, claimWords: new Set(f.claimWords) }));
  const byClaimant = new Map<string, number[]>();
  merged.forEach((f, i) => {
    const key = claimantOf(f.dispute);
    const bucket = byClaimant.get(key);
    if (bucket) bucket.push(i);
    else byClaimant.set(key, [i]);
  });
  return { merged, byClaimant };
}

/** Merges the same argument reported several times (same claimant and counter side, similar claim), in order; the input is not changed. */
export function mergeDisputes(found: readonly ArticleDispute[]): Dispute[] {
  return extendDisputes(NO_DISPUTES, found).merged.map((f) => f.dispute);
}

/** Finds the disputes of a corpus and merges the same argument reported by several articles. */
export function findDisputes(input: DisputesInput): Dispute[] {
  return mergeDisputes(findArticleDisputes(input));
}
