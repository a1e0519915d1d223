/** Who holds a delivery lease: `host:pid:nonce`, and whether that process is still alive. */
import { randomBytes } from 'node:crypto';
import os from 'node:os';

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
