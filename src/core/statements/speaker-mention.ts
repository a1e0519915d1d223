/** A speaker as named in one article, before merging across articles. */
export interface SpeakerMention {
  name: string;
  role?: string;
  kind: 'person' | 'body';
  gender?: 'male' | 'female';
  /**
   * Known only by a description (`a Twitter spokesman`, `officials`): the speaker of this article's statement,
   * never merged with other articles' speakers of the same description.
   */
  described?: true;
}
