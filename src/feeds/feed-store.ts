/** The port of feed state: feeds and the items taken from them. The SQLite and in-memory stores implement it. */
import type { Feed, ItemRecord, ItemState } from './feed-model.ts';

/** A change to a feed's state; `null` clears an optional field. */
export type FeedPatch = { [K in keyof Omit<Feed, 'id' | 'url' | 'addedAt'>]?: Feed[K] | null };

/** Where feed state lives. Every method is async so a networked store can implement it too. */
export interface FeedStore {
  /** Adds a feed; false when its id or URL is already followed. */
  insertFeed(feed: Feed): Promise<boolean>;
  getFeed(id: string): Promise<Feed | undefined>;
  findFeedByUrl(url: string): Promise<Feed | undefined>;
  /** Every feed, oldest first. */
  listFeeds(): Promise<Feed[]>;
  updateFeed(id: string, patch: FeedPatch): Promise<void>;
  /** Removes a feed and its item records; false when there was none. */
  deleteFeed(id: string): Promise<boolean>;
  getItem(feedId: string, key: string): Promise<ItemRecord | undefined>;
  /** Inserts or replaces one item record (one durable write). */
  putItem(record: ItemRecord): Promise<void>;
  /** An item (not `duplicate`) with this link hash in any feed, or with this title hash in `feedId`, other than `exceptKey` of `feedId`. */
  findSimilar(query: { feedId: string; exceptKey: string; linkHash?: string; titleHash?: string }): Promise<ItemRecord | undefined>;
  /** Items in the given states, of one feed or of all. */
  listItems(query: { feedId?: string; states: readonly ItemState[] }): Promise<ItemRecord[]>;
  /**
   * Takes the poll lease of a feed, so one instance polls it at a time: granted when no one holds it, this
   * owner already does, or the holder's lease ended before `at` (it died). False: another instance polls it.
   */
  claimPoll(feedId: string, lease: PollLease): Promise<boolean>;
  /** Gives the poll lease back (when the poll ends), if this owner still holds it. */
  releasePoll(feedId: string, owner: string): Promise<void>;
  /** Who holds the feed's poll lease, if anyone. */
  pollLeaseOwner(feedId: string): Promise<string | undefined>;
}

/** A poll lease request: who, until when, and the instant of asking (ISO instants). */
export interface PollLease {
  owner: string;
  until: string;
  at: string;
  /** Also take it from this holder (known dead), whatever its lease says. */
  replacing?: string;
}
