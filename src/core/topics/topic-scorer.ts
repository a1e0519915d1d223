import type { TopicDef } from '../model.ts';
import { stemWord, tokenize, words, type Token } from './tokenize.ts';

/** One compiled term: the stems it must match, in order, and an optional prefix for a trailing `*`. */
interface CompiledTerm {
  /** Index of the term's topic in `CompiledTopics.defs`. */
  topic: number;
  /** Unique id of the term across all topics. */
  id: number;
  term: string;
  weight: number;
  /** Stems of the exact words, in order (without the wildcard word). */
  stems: string[];
  /** Lower-case prefix the last word must start with, for `word*`. */
  prefix?: string;
  /** Number of words the term spans. */
  length: number;
  /** Learned from the corpus (an expansion word): capped by the asked terms found. */
  learned: boolean;
}

/** Topics compiled for fast scoring of many sentences: a stem → terms map, no per-term scan. */
export interface CompiledTopics {
  defs: TopicDef[];
  /** Terms keyed by the stem of their first word. */
  byStem: Map<string, CompiledTerm[]>;
  /** Single-word wildcard terms keyed by their prefix. */
  byPrefix: Map<string, CompiledTerm[]>;
  /** The distinct prefix lengths of `byPrefix`, for lookups by slicing. */
  prefixLengths: number[];
  /** The first one or two letters (`headLength`) of every prefix, as char codes: a word starting otherwise takes no wildcard term. */
  heads: Set<number>;
  headLength: number;
}

/** One occurrence of a topic term in a text. */
export interface TermMatch {
  topic: string;
  term: string;
  weight: number;
  /** Character range of the match in the text. */
  start: number;
  end: number;
}

function compileTerm(topic: number, def: TopicDef, j: number, id: number): CompiledTerm {
  const raw = def.terms[j]!.term.trim();
  const where = `topic "${def.id}", terms[${j}] ("${raw}")`;
  const star = raw.indexOf('*');
  if (star !== -1 && (star !== raw.length - 1 || /[^\p{L}\p{N}]\*$/u.test(raw))) {
    throw new Error(`${where}: "*" is allowed only at the end of a word, as in "sanction*"`);
  }
  const ws = words(star === -1 ? raw : raw.slice(0, -1));
  if (ws.length === 0) throw new Error(`${where}: a term needs at least one word of letters or digits`);
  const weight = def.terms[j]!.weight;
  if (!(weight > 0)) throw new Error(`${where}: weight must be a positive number, got ${weight}`);
  const learned = def.terms[j]!.learned === true;
  if (star === -1) return { topic, id, term: raw, weight, stems: ws.map(stemWord), length: ws.length, learned };
  const prefix = ws[ws.length - 1]!;
  return { topic, id, term: raw, weight, stems: ws.slice(0, -1).map(stemWord), prefix, length: ws.length, learned };
}

/** Which of two terms at one position is tried first: the longer, then the asked (not learned) one. */
function byPrecedence(a: CompiledTerm, b: CompiledTerm): number {
  return b.length - a.length || Number(a.learned) - Number(b.learned);
}

function push<K>(map: Map<K, CompiledTerm[]>, key: K, t: CompiledTerm): void {
  const list = map.get(key);
  if (list) list.push(t);
  else map.set(key, [t]);
}

/** Compiles topic definitions once, for scoring many texts. Throws on an invalid term, naming topic and term. */
export function compileTopics(defs: TopicDef[]): CompiledTopics {
  const byStem = new Map<string, CompiledTerm[]>();
  const byPrefix = new Map<string, CompiledTerm[]>();
  const seen = new Set<string>();
  let id = 0;
  defs.forEach((def, topic) => {
    if (seen.has(def.id)) throw new Error(`topics: topic id "${def.id}" appears twice; each topic needs a unique id`);
    seen.add(def.id);
    def.terms.forEach((_, j) => {
      const t = compileTerm(topic, def, j, id++);
      if (t.stems.length > 0) push(byStem, t.stems[0]!, t);
      else push(byPrefix, t.prefix!, t);
    });
  });
  // Longest terms first, so a phrase wins over a word it starts with; at equal length an asked term before a learned one.
  for (const list of [...byStem.values(), ...byPrefix.values()]) list.sort(byPrecedence);
  const prefixLengths = [...new Set([...byPrefix.keys()].map((k) => k.length))].sort((a, b) => a - b);
  const headLength = Math.min(2, prefixLengths[0] ?? 2);
  const heads = new Set([...byPrefix.keys()].map((k) => head(k, headLength)));
  return { defs, byStem, byPrefix, prefixLengths, heads, headLength };
}

/** A word's first one or two letters as one number. */
const head = (word: string, length: number): number => (length === 1 ? word.charCodeAt(0) : word.charCodeAt(0) * 65536 + word.charCodeAt(1));

function matchesAt(t: CompiledTerm, tokens: readonly Token[], i: number): boolean {
  if (i + t.length > tokens.length) return false;
  for (let k = 0; k < t.stems.length; k++) if (tokens[i + k]!.stem !== t.stems[k]) return false;
  return t.prefix === undefined || tokens[i + t.length - 1]!.word.startsWith(t.prefix);
}

const NONE: CompiledTerm[] = [];

function candidatesAt(c: CompiledTopics, tok: Token): CompiledTerm[] {
  // Most words start unlike every wildcard prefix: one set look-up instead of a slice per prefix length.
  if (c.prefixLengths.length === 0 || tok.word.length < c.headLength || !c.heads.has(head(tok.word, c.headLength))) return c.byStem.get(tok.stem) ?? NONE;
  return wildcardCandidates(c, tok);
}

function wildcardCandidates(c: CompiledTopics, tok: Token): CompiledTerm[] {
  const exact = c.byStem.get(tok.stem);
  let out = exact ?? NONE;
  for (const len of c.prefixLengths) {
    if (len > tok.word.length) break;
    const more = c.byPrefix.get(tok.word.slice(0, len));
    if (more) out = out === exact ? [...out, ...more] : out.concat(more);
  }
  if (out !== exact && out.length > 1) out.sort(byPrecedence);
  return out;
}

/**
 * Finds topic terms in a text. Per topic the longest term at a position wins and its words are
 * consumed, so `security guarantees` is not also counted as `guarantees`.
 */
function scan(c: CompiledTopics, text: string, onMatch: (t: CompiledTerm, from: Token, to: Token) => void): void {
  const tokens = tokenize(text);
  const consumed = new Array<number>(c.defs.length).fill(0);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const cands = candidatesAt(c, tok);
    for (const t of cands) {
      if (i < consumed[t.topic]! || !matchesAt(t, tokens, i)) continue;
      consumed[t.topic] = i + t.length;
      onMatch(t, tok, tokens[i + t.length - 1]!);
    }
  }
}

/** Every topic-term occurrence in a text, in order. */
export function matchTerms(compiled: CompiledTopics, text: string): TermMatch[] {
  const out: TermMatch[] = [];
  scan(compiled, text, (t, from, to) => out.push({ topic: compiled.defs[t.topic]!.id, term: t.term, weight: t.weight, start: from.start, end: to.end }));
  return out;
}

/**
 * How much a text's learned terms (expansion words) may add, as a share of its asked terms' weight. A
 * learned word keeps company with the story, it does not ask about it: a sentence full of the story's
 * names but with one asked word (a list of who attended) must not outrank one that answers the question.
 */
export const LEARNED_SHARE = 1;
/** What learned terms may add to a text whatever its asked terms: a paraphrase of the question (`ban` for `embargo`) still counts. */
export const LEARNED_ALONE = 2;

/**
 * Scores a text against every topic: topic id → relevance (0 = unrelated). The relevance is the
 * sum of the weights of the distinct terms found; a term repeated in the same text counts once.
 * Learned terms together add at most `LEARNED_SHARE` × the asked terms' sum, or `LEARNED_ALONE` when that is more.
 */
export function scoreText(compiled: CompiledTopics, text: string): Record<string, number> {
  const out: Record<string, number> = {};
  const learned: Record<string, number> = {};
  for (const d of compiled.defs) out[d.id] = 0;
  const counted = new Set<number>();
  scan(compiled, text, (t) => {
    if (counted.has(t.id)) return;
    counted.add(t.id);
    const id = compiled.defs[t.topic]!.id;
    if (t.learned) learned[id] = (learned[id] ?? 0) + t.weight;
    else out[id] = out[id]! + t.weight;
  });
  for (const id in learned) out[id] = out[id]! + Math.min(learned[id]!, Math.max(LEARNED_ALONE, LEARNED_SHARE * out[id]!));
  return out;
}
