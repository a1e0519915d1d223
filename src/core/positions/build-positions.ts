/**
 * Positions: for one topic, what each party has said, side by side, each point cited to its statement.
 */
import type { Span, Speaker, Statement, StatementKind, TopicDef } from '../model.ts';
import type { Dispute } from '../disputes/dispute.ts';
import { compileParties, partyOf, type Party, type PartyMatcher } from './parties.ts';

/** One statement as shown under a party. */
export interface PositionStatement {
  speaker: string | null;
  speakerId: string | null;
  role?: string;
  text: string;
  kind: StatementKind;
  /** The speech verb or cue. */
  cue: string;
  article: string;
  sentence: number;
  span: Span;
  /** Set when the statement is the claim or the counter of a dispute. */
  disputed?: boolean;
}

/** What one party has said on the topic. */
export interface PartyPosition {
  /** The party id from `config/parties.yaml`. */
  party: string;
  name: string;
  /** Canonical names of the speakers quoted for this party. */
  speakers: string[];
  statements: PositionStatement[];
  /** Set when one of the party's statements is disputed by another party (or disputes one). */
  disputed?: boolean;
}

/** Statements on the topic whose speaker matches no party (or is unknown). */
export interface UnassignedSpeaker {
  speaker: string | null;
  speakerId: string | null;
  statements: PositionStatement[];
}

/** The positions of every party on one topic. */
export interface Positions {
  topic: string;
  title: string;
  /** In the order of the parties' configuration; only parties with statements on the topic. */
  parties: PartyPosition[];
  unassigned: UnassignedSpeaker[];
}

/** What `buildPositions` needs. */
export interface PositionsInput {
  topic: TopicDef;
  /** Statements with speakers resolved and topics set; only those tagged with the topic are used. */
  statements: Statement[];
  speakers: Speaker[];
  parties: Party[];
  /** `parties` compiled once (it keeps what it matched), so each call does not compile and match afresh. */
  matcher?: PartyMatcher;
  /** Disputes found over the corpus, to mark disputed statements and parties. */
  disputes?: Dispute[];
}

const key = (article: string, sentence: number): string => `${article}#${sentence}`;

function toPoint(s: Statement, disputed: Set<string>): PositionStatement {
  const p: PositionStatement = {
    speaker: s.speaker,
    speakerId: s.speakerId,
    text: s.text,
    kind: s.kind,
    cue: s.cue,
    article: s.article,
    sentence: s.sentence,
    span: s.span,
  };
  if (s.role) p.role = s.role;
  if (disputed.has(key(s.article, s.sentence))) p.disputed = true;
  return p;
}

/** Drops a statement whose span lies inside another statement of the same speaker (a quote inside its reported sentence). */
function withoutNested(list: Statement[]): Statement[] {
  // Only statements of one article and one speaker can nest: compare within those groups, not all pairs.
  const groups = new Map<string, Statement[]>();
  for (const s of list) {
    const k = `${s.article}\u0000${s.speakerId ?? ''}`;
    const g = groups.get(k);
    if (g) g.push(s);
    else groups.set(k, [s]);
  }
  return list.filter((s) => {
    const group = groups.get(`${s.article}\u0000${s.speakerId ?? ''}`)!;
    return !group.some(
      (o) =>
        o !== s &&
        o.speakerId === s.speakerId &&
        o.span.start <= s.span.start &&
        s.span.end <= o.span.end &&
        o.span.end - o.span.start > s.span.end - s.span.start,
    );
  });
}

/** Groups the statements on a topic by the party their speaker speaks for. */
export function buildPositions(input: PositionsInput): Positions {
  const matcher = input.matcher ?? compileParties(input.parties);
  const byId = new Map(input.speakers.map((s) => [s.id, s]));
  const disputed = new Set<string>();
  for (const d of input.disputes ?? []) for (const e of [...d.claim.evidence, ...d.counter.evidence]) disputed.add(key(e.article, e.sentence));
  const onTopic = withoutNested(input.statements.filter((s) => s.topics.includes(input.topic.id))).sort(
    (a, b) => a.article.localeCompare(b.article) || a.sentence - b.sentence || a.span.start - b.span.start,
  );
  const byParty = new Map<string, PartyPosition>();
  const unassigned = new Map<string, UnassignedSpeaker>();
  for (const s of onTopic) {
    const speaker = s.speakerId ? byId.get(s.speakerId) : undefined;
    const party = s.speaker || speaker ? partyOf(matcher, speaker, s) : undefined;
    const point = toPoint(s, disputed);
    if (!party) {
      const k = s.speakerId ?? s.speaker ?? '';
      const u = unassigned.get(k) ?? { speaker: s.speaker, speakerId: s.speakerId, statements: [] };
      u.statements.push(point);
      unassigned.set(k, u);
      continue;
    }
    const pos = byParty.get(party.id) ?? { party: party.id, name: party.name, speakers: [], statements: [] };
    pos.statements.push(point);
    const name = speaker?.name ?? s.speaker;
    if (name && !pos.speakers.includes(name)) pos.speakers.push(name);
    if (point.disputed) pos.disputed = true;
    byParty.set(party.id, pos);
  }
  const parties = input.parties.map((p) => byParty.get(p.id)).filter((p): p is PartyPosition => p !== undefined);
  return { topic: input.topic.id, title: input.topic.title, parties, unassigned: [...unassigned.values()] };
}
