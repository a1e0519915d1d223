import { distance } from 'fastest-levenshtein';
import type { SpeakersConfig } from '../model.ts';
import type { Speaker, Statement } from '../model.ts';
import type { ExtractedStatement } from './extract-statements.ts';
import type { SpeakerMention } from './speaker-mention.ts';
import { compatibleNames, foldName, nameWords, similarWord, slugOf, surnameOf } from './names.ts';

interface Cluster {
  kind: 'person' | 'body';
  names: Map<string, number>;
  /** Names from the configuration: the first is canonical. */
  configured: string[];
  roles: string[];
  genders: { male: number; female: number };
  fixedGender?: 'male' | 'female';
  count: number;
  articles: Set<string>;
}

const bodyKey = (name: string) => foldName(name).replace(/^(the|a|an) /, '');

function newCluster(kind: 'person' | 'body'): Cluster {
  return { kind, names: new Map(), configured: [], roles: [], genders: { male: 0, female: 0 }, count: 0, articles: new Set() };
}

function allNames(c: Cluster): string[] {
  return [...c.configured, ...c.names.keys()];
}

/** Clusters indexed by exact folded name and by the first letters of the surname, so lookups stay cheap. */
class ClusterIndex {
  readonly all: Cluster[] = [];
  private readonly exact = new Map<string, Cluster>();
  private readonly buckets = new Map<string, Cluster[]>();

  add(c: Cluster): void {
    this.all.push(c);
    for (const n of allNames(c)) this.addName(c, n);
  }

  addName(c: Cluster, name: string): void {
    const key = bodyKey(name);
    if (!this.exact.has(key)) this.exact.set(key, c);
    const b = bucketOf(name);
    const list = this.buckets.get(b) ?? [];
    if (!list.includes(c)) list.push(c);
    this.buckets.set(b, list);
  }

  byExact(name: string): Cluster | undefined {
    return this.exact.get(bodyKey(name));
  }

  near(name: string): Cluster[] {
    return this.buckets.get(bucketOf(name)) ?? [];
  }
}

const bucketOf = (name: string) => surnameOf(name).slice(0, 3);

/** Finds the cluster a mention belongs to, or undefined when none (or more than one) fits. */
function findCluster(index: ClusterIndex, m: SpeakerMention): Cluster | undefined {
  const hit = index.byExact(m.name);
  if (hit) return hit;
  const clusters = index.near(m.name);
  const single = nameWords(m.name).length === 1;
  if (m.kind === 'person' || single) {
    // `Republicans`, `Democrats` are groups, not a spelling of someone's surname (`Republican`, `Democratic` in a misread
    // `New Hampshire Republican`): a bare word ending in -s joins a person only by the very same surname.
    const plural = (n: string) => single && m.kind === 'body' && /s$/.test(surnameOf(m.name)) && surnameOf(m.name) !== surnameOf(n);
    const fits = clusters.filter((c) => c.kind === 'person' && allNames(c).some((n) => compatibleNames(n, m.name) && !plural(n)));
    const multi = fits.filter((c) => allNames(c).some((n) => nameWords(n).length > 1));
    if (m.kind === 'person' && !single) {
      const strict = multi.filter((c) => allNames(c).some((n) => nameWords(n).length > 1 && compatibleNames(n, m.name)));
      return strict.length === 1 ? strict[0] : fits.length === 1 && !multi.length ? fits[0] : undefined;
    }
    if (fits.length === 1) return fits[0];
  }
  return undefined;
}

function canonical(c: Cluster): string {
  if (c.configured[0]) return c.configured[0];
  const names = [...c.names.entries()];
  names.sort((a, b) => {
    if (c.kind === 'person') {
      const ma = nameWords(a[0]).length > 1 ? 1 : 0;
      const mb = nameWords(b[0]).length > 1 ? 1 : 0;
      if (ma !== mb) return mb - ma;
    }
    return b[1] - a[1];
  });
  return names[0]?.[0] ?? 'unknown';
}

/**
 * Merges speakers across articles and spellings, batch by batch: a bot that gains an article resolves
 * only that article's mentions against the speakers it already knows. `version` counts the batches, so
 * a holder can tell whether the resolver still matches what it has seen.
 */
export class SpeakerResolver {
  private readonly index = new ClusterIndex();
  private readonly clusterOf: (Cluster | undefined)[] = [];
  /** How many batches were added. */
  version = 0;

  constructor(aliases?: SpeakersConfig) {
    for (const e of aliases?.speakers ?? []) {
      const c = newCluster(e.kind);
      c.configured = [e.name, ...e.aliases];
      if (e.role) c.roles.push(e.role);
      if (e.gender) c.fixedGender = e.gender;
      this.index.add(c);
    }
  }

  /** Adds a batch of statements (in corpus order) and assigns each mention to a speaker. */
  add(extracted: readonly ExtractedStatement[]): void {
    const base = this.clusterOf.length;
    this.clusterOf.length = base + extracted.length;
    // Full names first, so bare surnames and bodies find the people they belong to.
    const order = extracted
      .map((s, i) => ({ s, i }))
      .filter((x) => x.s.mention)
      .sort((a, b) => nameWords(b.s.mention!.name).length - nameWords(a.s.mention!.name).length || a.i - b.i);
    // A description (`a spokesman`) is a speaker of its own article only: two articles' spokesmen are not one person.
    const described = new Map<string, Cluster>();
    for (const { s, i } of order) {
      const m = s.mention!;
      const key = m.described ? `${s.article}\u0000${bodyKey(m.name)}` : '';
      let c = m.described ? described.get(key) : findCluster(this.index, m);
      if (!c) {
        c = newCluster(m.kind);
        if (m.described) {
          described.set(key, c);
          this.index.all.push(c);
        } else this.index.add(c);
      }
      if (m.kind === 'person') c.kind = 'person';
      if (!c.names.has(m.name) && !m.described) this.index.addName(c, m.name);
      c.names.set(m.name, (c.names.get(m.name) ?? 0) + 1);
      if (m.role && !c.roles.includes(m.role)) c.roles.push(m.role);
      if (m.gender) c.genders[m.gender]++;
      c.count++;
      c.articles.add(s.article);
      this.clusterOf[base + i] = c;
    }
    this.version++;
  }

  /**
   * As `resolve`, reusing this resolver's earlier result (`previous`, over the first statements of
   * `extracted`): a statement whose speaker kept its name and id is that same object, a speaker who gained
   * nothing is that same object, so a batch added costs about its own size.
   */
  resolveMore(
    extracted: readonly ExtractedStatement[],
    previous: { statements: readonly Omit<Statement, 'topics'>[] },
  ): { statements: Omit<Statement, 'topics'>[]; speakers: Speaker[]; kept: boolean } {
    const r = this.resolve(extracted, previous);
    return { ...r, kept: this.kept };
  }

  /** The last result of `resolve` and the speaker names it gave; whether it began with the `previous` given unchanged. */
  private last: { statements: readonly Omit<Statement, 'topics'>[]; ids: Map<Cluster, { id: string; name: string }> } | undefined;
  private kept = false;

  /** The statements (every batch added, concatenated in order) with canonical speakers, and the speakers. */
  resolve(
    extracted: readonly ExtractedStatement[],
    previous?: { statements: readonly Omit<Statement, 'topics'>[] },
  ): { statements: Omit<Statement, 'topics'>[]; speakers: Speaker[] } {
    if (extracted.length !== this.clusterOf.length) {
      throw new RangeError(`SpeakerResolver.resolve: got ${extracted.length} statements, ${this.clusterOf.length} were added`);
    }
    const ids = new Map<Cluster, { id: string; name: string }>();
    const used = new Set<string>();
    for (const c of this.index.all) {
      if (c.count === 0) continue;
      const name = canonical(c);
      let id = slugOf(name);
      for (let n = 2; used.has(id); n++) id = `${slugOf(name)}-${n}`;
      used.add(id);
      ids.set(c, { id, name });
    }
    // Fields are copied one by one: object rest/spread is several times slower on 100,000 statements.
    const make = (s: ExtractedStatement, i: number): Omit<Statement, 'topics'> => {
      const c = this.clusterOf[i];
      const who = c ? ids.get(c) : undefined;
      const before = previous?.statements[i];
      if (before && before.span === s.span && before.speakerId === (who?.id ?? null) && before.speaker === (who?.name ?? null)) return before;
      const out: Omit<Statement, 'topics'> = {
        article: s.article,
        sentence: s.sentence,
        speaker: who?.name ?? null,
        speakerId: who?.id ?? null,
        kind: s.kind,
        text: s.text,
        span: s.span,
        cue: s.cue,
        sentenceText: s.sentenceText,
      };
      if (s.role !== undefined) out.role = s.role;
      return out;
    };
    // When `previous` is the last result and no speaker it named was renamed, its statements stand as they are.
    const last = this.last;
    this.kept =
      previous !== undefined &&
      last?.statements === previous.statements &&
      [...last.ids].every(([c, was]) => {
        const now = ids.get(c);
        return now !== undefined && now.id === was.id && now.name === was.name;
      });
    let statements: Omit<Statement, 'topics'>[];
    if (this.kept && previous) {
      statements = previous.statements.slice();
      for (let i = statements.length; i < extracted.length; i++) statements.push(make(extracted[i]!, i));
    } else statements = extracted.map(make);
    this.last = { statements, ids };
    const speakers: Speaker[] = [...ids.entries()].map(([c, who]) => {
      const made = this.speakerOf.get(c);
      if (previous && made && made.count === c.count && made.speaker.id === who.id && made.speaker.name === who.name) return made.speaker;
      const speaker = this.makeSpeaker(c, who);
      this.speakerOf.set(c, { count: c.count, speaker });
      return speaker;
    });
    speakers.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return { statements, speakers };
  }

  /** Each cluster's speaker as last made, with the count it was made at (`resolveMore` reuses it). */
  private readonly speakerOf = new WeakMap<Cluster, { count: number; speaker: Speaker }>();

  private makeSpeaker(c: Cluster, who: { id: string; name: string }): Speaker {
    const gender = c.fixedGender ?? (c.genders.male > c.genders.female ? 'male' : c.genders.female > c.genders.male ? 'female' : undefined);
    return {
      id: who.id,
      name: who.name,
      kind: c.kind,
      roles: [...c.roles],
      aliases: [...new Set([who.name, ...c.names.keys(), ...c.configured])],
      ...(gender ? { gender } : {}),
      count: c.count,
      articles: [...c.articles].sort(),
    };
  }
}

/** Merges speakers across articles and spellings and gives each statement its canonical speaker. */
export function resolveSpeakers(extracted: ExtractedStatement[], aliases?: SpeakersConfig): { statements: Omit<Statement, 'topics'>[]; speakers: Speaker[] } {
  const resolver = new SpeakerResolver(aliases);
  resolver.add(extracted);
  return resolver.resolve(extracted);
}

/** Finds a speaker by a loose name (`orlova`, `Kovalskyy`): the match, or the closest names. */
export function matchSpeaker(speakers: Speaker[], query: string): { speaker?: Speaker; suggestions: string[] } {
  const q = foldName(query);
  const names = (s: Speaker) => [s.name, ...s.aliases].map(foldName);
  if (!q) return { suggestions: speakers.slice(0, 3).map((s) => s.name) };
  const exact = speakers.find((s) => names(s).includes(q));
  if (exact) return { speaker: exact, suggestions: [] };
  const qWords = q.split(' ');
  const pick = (hits: Speaker[]) =>
    hits.length === 1 ? { speaker: hits[0]!, suggestions: [] } : hits.length > 1 ? { suggestions: hits.slice(0, 3).map((s) => s.name) } : undefined;
  if (qWords.length === 1) {
    const bySurname = speakers.filter((s) => names(s).some((n) => surnameOf(n) === q));
    const r = pick(bySurname) ?? pick(speakers.filter((s) => names(s).some((n) => similarWord(surnameOf(n), q))));
    if (r) return r;
  } else {
    const r = pick(speakers.filter((s) => [s.name, ...s.aliases].some((n) => compatibleNames(n, query))));
    if (r) return r;
  }
  const contained = speakers.filter((s) => names(s).some((n) => qWords.every((w) => n.split(' ').includes(w))));
  const r = pick(contained);
  if (r) return r;
  const scored = speakers
    .map((s) => {
      const cands = names(s).flatMap((n) => [n, surnameOf(n)]);
      return { s, d: Math.min(...cands.map((n) => distance(q, n))) };
    })
    .sort((a, b) => a.d - b.d || b.s.count - a.s.count);
  const best = scored[0];
  const tolerance = Math.max(1, Math.floor(q.length / 5));
  if (best && best.d <= tolerance && (scored[1]?.d ?? Infinity) > best.d) return { speaker: best.s, suggestions: [] };
  return { suggestions: scored.slice(0, 3).map((x) => x.s.name) };
}
