/**
 * Who speaks for whom: matching a speaker's roles, name and aliases against configured parties
 * (`config/parties.yaml`). The parties and their match words are data; nothing here names one.
 */
import type { Speaker, Statement } from '../model.ts';

/** A government or body that speakers speak for (the shape of one entry of `config/parties.yaml`). */
export interface Party {
  id: string;
  name: string;
  /** Words or phrases matched against a speaker's roles, name and aliases (whole words; all-capital words match case-sensitively). */
  match: string[];
}

/** Parties compiled for matching many speakers. */
export interface PartyMatcher {
  parties: Party[];
  patterns: { party: Party; re: RegExp; length: number }[];
  /** Texts already matched (roles and names repeat a lot). */
  cache: Map<string, Party | null>;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles the match words of every party once. */
export function compileParties(parties: Party[]): PartyMatcher {
  const patterns = parties.flatMap((party) =>
    party.match.map((m) => {
      const words = m.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
      const acronym = /^[A-Z][A-Z.]*$/.test(m.trim()) && m.trim().length <= 6;
      return { party, re: new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, acronym ? 'u' : 'iu'), length: m.length };
    }),
  );
  return { parties, patterns, cache: new Map() };
}

/** The party a piece of text (a role, a name) points to: the earliest match, the longest on a tie. */
export function partyInText(matcher: PartyMatcher, text: string): Party | undefined {
  const cached = matcher.cache.get(text);
  if (cached !== undefined) return cached ?? undefined;
  const found = matchParty(matcher, text);
  if (matcher.cache.size > 50_000) matcher.cache.clear();
  matcher.cache.set(text, found ?? null);
  return found;
}

function matchParty(matcher: PartyMatcher, text: string): Party | undefined {
  let best: { party: Party; at: number; length: number } | undefined;
  for (const p of matcher.patterns) {
    const m = p.re.exec(text);
    if (!m) continue;
    if (!best || m.index < best.at || (m.index === best.at && p.length > best.length)) best = { party: p.party, at: m.index, length: p.length };
  }
  return best?.party;
}

/**
 * The party a speaker speaks for: tried on the role given with the statement, then on each of the
 * speaker's roles, then on the name and aliases; the first of these that matches decides.
 */
export function partyOf(
  matcher: PartyMatcher,
  speaker: Pick<Speaker, 'name' | 'roles' | 'aliases'> | undefined,
  statement?: Pick<Statement, 'role' | 'speaker'>,
): Party | undefined {
  const fields = [statement?.role, ...(speaker?.roles ?? []), speaker?.name ?? statement?.speaker ?? undefined, ...(speaker?.aliases ?? [])];
  for (const f of fields) {
    if (!f) continue;
    const p = partyInText(matcher, f);
    if (p) return p;
  }
  return undefined;
}
