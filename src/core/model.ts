/**
 * The domain model shared by every part of the engine. Pure data: no behaviour here.
 * All offsets are UTF-16 code-unit offsets into `Article.text` (the file's text after
 * any front matter), so every sentence, quote and statement can be cited back to its source.
 */

/** A half-open character range `[start, end)` into `Article.text`. */
export interface Span {
  start: number;
  end: number;
}

/** What the dateline at the top of an article said (`LISBON, Mar 3 (Harbor Wire):`). */
export interface Dateline {
  /** The exact dateline text as it appears. */
  raw: string;
  span: Span;
  place?: string;
  /** 1–12 */
  month?: number;
  day?: number;
  outlet?: string;
}

/** The role a block of text plays in an article. */
export type BlockKind = 'body' | 'subhead' | 'takeaway' | 'bullet';

/** A paragraph (a block of text between line breaks) that survived debris removal. */
export interface Paragraph {
  index: number;
  span: Span;
  kind: BlockKind;
}

/** One sentence of an article, with its place in the text. */
export interface Sentence {
  /** Index in `Article.sentences`. */
  index: number;
  /** Index in `Article.paragraphs`. */
  paragraph: number;
  span: Span;
  /** `Article.text.slice(span.start, span.end)`. */
  text: string;
  kind: BlockKind;
}

/** A parsed article: metadata, and the content that survived debris removal, split into sentences. */
export interface Article {
  /** The file name without its extension; unique in a corpus. */
  id: string;
  /** The file name as found (`001_x.txt`). */
  file: string;
  title: string;
  /** Headline span in `text`, when the headline came from the text rather than front matter. */
  titleSpan?: Span;
  /** The outlet (front matter `source`, a dateline outlet, or a `Based On … Report` credit). */
  source?: string;
  /** Publication date `YYYY-MM-DD` from front matter, when known. */
  published?: string;
  url?: string;
  dateline?: Dateline;
  /** The body text (everything after front matter), unchanged. */
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  /** Spans of `text` recognised as scraping debris and excluded from paragraphs. */
  debris: Span[];
  /** When this article repeats another of the corpus (same or near-identical text), that article's id. */
  duplicateOf?: string;
  /** ISO instant the article was added to the corpus (file modification time), for "what's new". */
  addedAt?: string;
}

/** A problem with one input (an article file, the config), named precisely. */
export interface InputIssue {
  /** The file (or config field) the issue is about. */
  file: string;
  /** Machine-readable reason. */
  code:
    | 'missing_folder'
    | 'empty'
    | 'binary'
    | 'invalid_utf8'
    | 'too_large'
    | 'bad_front_matter'
    | 'no_content'
    | 'duplicate'
    | 'unreadable'
    | 'analysis_failed';
  /** One sentence a person can act on: what is wrong and what would be valid. */
  message: string;
  /** `error`: the file was not loaded; `warning`: loaded, but something was off. */
  severity: 'error' | 'warning';
  /** For `analysis_failed`: the stage of the engine that failed (`statements`, `events`, …). */
  stage?: string;
}

/** A weighted term or phrase that signals a topic. */
export interface TopicTerm {
  /** A word or phrase, matched case-insensitively on word boundaries; a trailing `*` matches any word ending. */
  term: string;
  weight: number;
  /**
   * Set on a term the engine learned from the corpus (an expansion), not one asked or configured: the
   * learned terms of a text add at most as much as its asked terms (none without them).
   */
  learned?: boolean;
}

/** A topic, as configured in `config/briefing.yaml`. */
export interface TopicDef {
  id: string;
  title: string;
  description: string;
  terms: TopicTerm[];
}

/** A reference to an article, as shown next to a point. */
export interface SourceRef {
  article: string;
  title: string;
  /** `YYYY-MM-DD`, `--MM-DD` when only the month and day are known, or undefined. */
  date?: string;
  source?: string;
  url?: string;
}

/** Where a point's text came from. */
export interface Evidence {
  article: string;
  sentence: number;
  span: Span;
}

/** One point of a digest. */
export interface DigestItem {
  text: string;
  /** Every article that reports this point. */
  sources: SourceRef[];
  /** The sentences behind the point, one or more per source. */
  evidence: Evidence[];
  /** Set when another party denies or qualifies the claim. */
  disputed?: boolean;
  /**
   * The other side, cited: the denial or qualification of this point (`side: 'counter'`), or, when the
   * point itself is the denial, the claim it answers (`side: 'claim'`).
   */
  dispute?: { text: string; sources: SourceRef[]; side: 'claim' | 'counter' };
}

/** A topic digest. */
export interface Digest {
  topic: string;
  title: string;
  items: DigestItem[];
  /** With `since`: the instant after which contributions were counted. */
  since?: string;
}

/** Direct quote or reported speech. */
export type StatementKind = 'direct' | 'reported';

/** One thing someone said, with who said it. */
export interface Statement {
  article: string;
  /** Index of the sentence the statement is in (the first, for quotes spanning sentences). */
  sentence: number;
  /** Canonical speaker name, or null when no speaker can be found. */
  speaker: string | null;
  /** Speaker id (stable key of the canonical speaker), or null. */
  speakerId: string | null;
  /** The role as given in this article (`presidential aide`), if any. */
  role?: string;
  kind: StatementKind;
  /** For a direct quote, exactly the quoted words; for reported speech, what was said. */
  text: string;
  span: Span;
  /** The speech verb or cue (`told reporters`, `said`, `according to`). */
  cue: string;
  /** The whole sentence the statement is in. */
  sentenceText: string;
  /** Topic ids the statement is relevant to. */
  topics: string[];
}

/** A person or body that makes statements, merged across articles and spellings. */
export interface Speaker {
  id: string;
  name: string;
  kind: 'person' | 'body';
  roles: string[];
  /** Every spelling seen (`Yuri Petrov`, `Yury Petrov`, `Petrov`). */
  aliases: string[];
  gender?: 'male' | 'female';
  /** How many statements are attributed to this speaker. */
  count: number;
  /** Articles the speaker is quoted in. */
  articles: string[];
}

/** A dated event in the timeline. */
export interface TimelineEvent {
  /** `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
  date: string;
  text: string;
  sources: SourceRef[];
  evidence: Evidence[];
  topics: string[];
}

/** An expected failure, returned as a value; adapters turn codes into words. */
export type BriefingError =
  | { code: 'unknown_topic'; input: string; known: string[]; suggestions: string[] }
  | { code: 'unknown_speaker'; input: string; suggestions: string[] }
  | { code: 'bad_date'; input: string; message: string }
  | { code: 'no_articles'; message: string };

/** A result that is either a value or an expected failure. */
export type Result<T, E = BriefingError> = { ok: true; value: T } | { ok: false; error: E };

/** Wraps a value as a successful result. */
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

/** Wraps an expected failure. */
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** A known speaker's canonical name and aliases (`config/speakers.yaml`); the engine finds speakers without them. */
export interface SpeakerAlias {
  name: string;
  aliases: string[];
  role?: string | undefined;
  gender?: 'male' | 'female' | undefined;
  kind: 'person' | 'body';
}

/** The speaker aliases the engine is given. */
export interface SpeakersConfig {
  speakers: SpeakerAlias[];
}

/** A party and the words that match its speakers' names, roles and aliases (`config/parties.yaml`). */
export interface PartyDef {
  id: string;
  name: string;
  match: string[];
}
