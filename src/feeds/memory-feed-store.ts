/** An in-memory FeedStore for tests and runs without a database. */
import type { Feed, ItemRecord } from './feed-model.ts';
import type { FeedPatch, FeedStore } from './feed-store.ts';

const clone = <T>(v: T): T => structuredClone(v);

/** Applies a patch: `null` deletes the field, `undefined` leaves it. */
export function applyFeedPatch(feed: Feed, patch: FeedPatch): Feed {
  const next: Record<string, unknown> = { ...feed };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete next[k];
    else if (v !== undefined) next[k] = v;
  }
  return next as unknown as Feed;
}

/** Makes an empty in-memory feed store. */
export function createMemoryFeedStore(): FeedStore {
  const feeds = new Map<string, Feed>();
  const items = new Map<string, ItemRecord>();
  const itemKey = (feedId: string, key: string) => `${feedId}\u0000${key}`;
  const leases = new Map<string, { owner: string; until: string }>();
  return {
    async insertFeed(feed) {
      if (feeds.has(feed.id) || [...feeds.values()].some((f) => f.url === feed.url)) return false;
      feeds.set(feed.id, clone(feed));
      return true;
    },
    async getFeed(id) {
      const f = feeds.get(id);
      return f && clone(f);
    },
    async findFeedByUrl(url) {
      const f = [...feeds.values()].find((x) => x.url === url);
      return f && clone(f);
    },
    async listFeeds() {
      return [...feeds.values()].map(clone);
    },
    async updateFeed(id, patch) {
      const f = feeds.get(id);
      if (f) feeds.set(id, applyFeedPatch(f, patch));
    },
    async deleteFeed(id) {
      if (!feeds.delete(id)) return false;
      for (const [k, r] of items) if (r.feedId === id) items.delete(k);
      return true;
    },
    async getItem(feedId, key) {
      const r = items.get(itemKey(feedId, key));
      return r && clone(r);
    },
    async putItem(record) {
      items.set(itemKey(record.feedId, record.key), clone(record));
    },
    async findSimilar({ feedId, exceptKey, linkHash, titleHash }) {
      for (const r of items.values()) {
        if (r.state === 'duplicate' || (r.feedId === feedId && r.key === exceptKey)) continue;
        if (linkHash && r.linkHash === linkHash) return clone(r);
        if (titleHash && r.feedId === feedId && r.titleHash === titleHash) return clone(r);
      }
      return undefined;
    },
    async listItems({ feedId, states }) {
      return [...items.values()].filter((r) => (feedId === undefined || r.feedId === feedId) && states.includes(r.state)).map(clone);
    },
    async claimPoll(feedId, { owner, until, at, replacing }) {
      const held = leases.get(feedId);
      if (!feeds.has(feedId) || (held && held.owner !== owner && held.owner !== replacing && held.until >= at)) return false;
      leases.set(feedId, { owner, until });
      return true;
    },
    async releasePoll(feedId, owner) {
      if (leases.get(feedId)?.owner === owner) leases.delete(feedId);
    },
    pollLeaseOwner: async (feedId) => leases.get(feedId)?.owner,
  };
}
