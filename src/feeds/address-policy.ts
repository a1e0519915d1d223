/**
 * Which URLs and addresses the bot may fetch: only http(s), and (unless private fetching is allowed) only
 * public unicast addresses — never loopback, private, link-local, unique-local, CGNAT, multicast or reserved.
 * Range arithmetic is ipaddr.js's (a well-kept library), not ours.
 */
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/** Why an address is refused, or undefined when it is public. */
export function addressRefusal(address: string): string | undefined {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return `"${address}" is not an IP address`;
  }
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  return range === 'unicast' ? undefined : `${parsed.toString()} is a ${range} address`;
}

/** True when the address is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  return addressRefusal(address) === undefined;
}

/** The parsed URL when it is an absolute http(s) URL without credentials, else a message saying what is valid. */
export function checkUrl(input: string): { ok: true; url: URL } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, message: `"${input}" is not a URL; give an address such as https://example.org/feed.xml` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: `${url.protocol.replace(/:$/, '')} URLs are not fetched (${input}); only http and https are` };
  }
  if (url.username || url.password) return { ok: false, message: `${url.origin} carries a user name or password; give the address without credentials` };
  if (!url.hostname) return { ok: false, message: `"${input}" has no host name` };
  return { ok: true, url };
}

/** The error raised inside a connection attempt when the host resolves to a refused address. */
export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
}

/** A `dns.lookup`-compatible function. */
export type LookupFunction = (
  hostname: string,
  options: dns.LookupOptions,
  callback: (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void,
) => void;

/**
 * A lookup for the HTTP agent that resolves every address of the host and refuses the connection when any
 * is not allowed, so the address checked is the address connected to (no DNS-rebinding window).
 */
export function guardedLookup(
  isAllowed: (address: string) => string | undefined,
  resolve: LookupFunction = dns.lookup as unknown as LookupFunction,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as dns.LookupAddress[];
      if (list.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      for (const a of list) {
        const why = isAllowed(a.address);
        if (why) return callback(new RefusedAddressError(`${hostname} resolves to ${a.address}: ${why}`), []);
      }
      if (options.all) return callback(null, list);
      const first = list.find((a) => !options.family || a.family === options.family) ?? list[0]!;
      return callback(null, first.address, first.family);
    });
  };
}

/** Checks a URL's host when it is an IP literal (a lookup is never made for those); undefined when allowed. */
export function literalHostRefusal(url: URL, isAllowed: (address: string) => string | undefined): string | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return net.isIP(host) ? isAllowed(host) : undefined;
}
