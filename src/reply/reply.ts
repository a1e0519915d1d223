/**
 * A platform-neutral reply: sections of points, each point with its citations.
 * Adapters render it for Discord (embeds), Telegram (entities) and the console (plain text).
 */

/** A citation of one article next to a point. */
export interface Citation {
  article: string;
  /** What a reader sees: the outlet, else the headline. */
  label: string;
  /** `YYYY-MM-DD` or `--MM-DD`. */
  date?: string;
  url?: string;
}

/** One point of a reply. */
export interface ReplyPoint {
  text: string;
  citations: Citation[];
  /** A short tag shown with the point, such as `disputed`. */
  tag?: string;
  /** A further line under the point (the other side of a dispute, the speaker and date of a quote). */
  detail?: string;
  /** Citations of the detail line (the sources of a dispute). */
  detailCitations?: Citation[];
}

/** A titled group of points. */
export interface ReplySection {
  heading?: string;
  /** Free text before the points. */
  text?: string;
  points: ReplyPoint[];
}

/** A choice the user can pick instead of typing (a topic menu). */
export interface ReplyChoice {
  label: string;
  /** The command line the choice stands for, e.g. `/briefing sanctions`. */
  command: string;
}

/** What a command answers. */
export interface Reply {
  kind: 'answer' | 'info' | 'error';
  title: string;
  sections: ReplySection[];
  footer?: string;
  choices?: ReplyChoice[];
  /** Errors and refusals are shown only to the asker where the platform allows it. */
  ephemeral?: boolean;
}
