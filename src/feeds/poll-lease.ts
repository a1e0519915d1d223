/** Takes a feed's poll lease, also from a holder that is known dead (same-host pid check) before its lease ends. */
import type { LeaseOwners } from '../scheduler/lease-owner.ts';
import type { FeedStore } from './feed-store.ts';

/** Claims the poll lease of `feedId` for `owners.id` for `ms`; false while another live instance holds it. */
export async function takePollLease(store: FeedStore, feedId: string, owners: LeaseOwners, ms: number, now: Date): Promise<boolean> {
  const lease = { owner: owners.id, until: new Date(now.getTime() + ms).toISOString(), at: now.toISOString() };
  if (await store.claimPoll(feedId, lease)) return true;
  const holder = await store.pollLeaseOwner(feedId);
  if (!holder || (await owners.alive(holder))) return false;
  return store.claimPoll(feedId, { ...lease, replacing: holder });
}
