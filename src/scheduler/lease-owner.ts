/**
 * Lease owners: who holds a lease (`host:pid:nonce`) and whether that holder may still be working. Every lease
 * in the store (a delivery being sent, a feed being polled) is taken over once its holder is known dead or its
 * lease has run out; `LeaseOwners` is the port that says who this instance is and who is alive.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';

/** This instance's lease identity and a liveness check of other holders. */
export interface LeaseOwners {
  /** This instance's owner id. */
  id: string;
  /** Whether a lease holder may still be working (true when it can't be told: its lease must run out first). */
  alive(owner: string): boolean | Promise<boolean>;
}

/** A lease-owner id for this scheduler instance. */
export function makeOwnerId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Whether a lease owner may still be sending: on this host, whether its process exists;
 * on another host we can't tell, so it counts as alive until its lease runs out.
 */
export function ownerAlive(owner: string): boolean {
  const parts = owner.split(':');
  const pid = Number(parts[parts.length - 2]);
  const host = parts.slice(0, -2).join(':');
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** The default owners: a fresh `host:pid:nonce` id, and the same-host pid check (other hosts wait for the lease to end). */
export function localLeaseOwners(id: string = makeOwnerId()): LeaseOwners {
  return { id, alive: ownerAlive };
}
