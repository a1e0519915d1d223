/** A speaker as named in one article, before merging across articles. */
export interface SpeakerMention {
  name: string;
  role?: string;
  kind: 'person' | 'body';
  gender?: 'male' | 'female';
}
