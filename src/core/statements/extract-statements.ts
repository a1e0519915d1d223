import type { Article, Statement } from '../model.ts';

/** A speaker as named in one article, before merging across articles. */
export interface SpeakerMention {
  name: string;
  role?: string;
  kind: 'person' | 'body';
  gender?: 'male' | 'female';
}

/** A statement found in one article, its speaker resolved within that article only. */
export type ExtractedStatement = Omit<Statement, 'speaker' | 'speakerId' | 'topics'> & {
  mention: SpeakerMention | null;
};

/** Finds every direct quote and reported statement in an article, with its speaker as named there. */
export function extractStatements(article: Article): ExtractedStatement[] {
  // STUB: replaced by the statements implementation.
  void article;
  return [];
}
