import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressRefusal, checkUrl, guardedLookup, type LookupFunction } from '../../src/feeds/address-policy.ts';

const octet = fc.integer({ min: 0, max: 255 });
const v4 = (a: fc.Arbitrary<number>, b: fc.Arbitrary<number> = octet) => fc.tuple(a, b, octet, octet).map((p) => p.join('.'));

describe('address policy', () => {
  it('refuses every loopback, private, link-local, CGNAT and unspecified IPv4 address', () => {
    const refused = fc.oneof(
      v4(fc.constant(127)),
      v4(fc.constant(10)),
      v4(fc.constant(172), fc.integer({ min: 16, max: 31 })),
      v4(fc.constant(192), fc.constant(168)),
      v4(fc.constant(169), fc.constant(254)),
      v4(fc.constant(100), fc.integer({ min: 64, max: 127 })),
      v4(fc.constant(0)),
      v4(fc.integer({ min: 224, max: 255 })),
    );
    fc.assert(
      fc.property(refused, (ip) => {
        expect(addressRefusal(ip)).toMatch(/ is a /);
      }),
    );
    fc.assert(
      fc.property(refused, (ip) => {
        expect(addressRefusal(`::ffff:${ip}`)).toBeDefined();
      }),
    );
  });

  it('refuses IPv6 loopback, unique-local, link-local, multicast and unspecified; allows public unicast', () => {
    for (const ip of ['::1', '::', 'fc00::1', 'fd12:3456::9', 'fe80::1', 'fe80::1%eth0', 'ff02::1', '[::1]']) expect(addressRefusal(ip), ip).toBeDefined();
    for (const ip of ['2001:4860:4860::8888', '8.8.8.8', '1.1.1.1', '93.184.216.34']) expect(addressRefusal(ip), ip).toBeUndefined();
    expect(addressRefusal('not-an-ip')).toMatch(/not an IP address/);
  });

  it('never throws on hostile URL text and accepts only http(s) without credentials', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = checkUrl(s);
        if (r.ok) expect(['http:', 'https:']).toContain(r.url.protocol);
        else expect(r.message.length).toBeGreaterThan(10);
      }),
    );
    fc.assert(
      fc.property(fc.webUrl(), (u) => {
        expect(checkUrl(u).ok).toBe(true);
      }),
    );
    expect(checkUrl('file:///etc/passwd')).toMatchObject({ ok: false, message: expect.stringMatching(/file URLs are not fetched/) });
    expect(checkUrl('https://user:pw@x.example/')).toMatchObject({ ok: false, message: expect.stringMatching(/user name or password/) });
  });

  it('refuses a host name when any of its addresses is refused (IPv4 or IPv6)', async () => {
    const fake =
      (addresses: { address: string; family: number }[]): LookupFunction =>
      (_h, _o, cb) =>
        cb(null, addresses);
    const run = (addrs: { address: string; family: number }[], all: boolean) =>
      new Promise<{ err: Error | null; address: unknown }>((resolve) =>
        guardedLookup(addressRefusal, fake(addrs))('news.example', { all }, (err, address) => resolve({ err, address })),
      );
    expect(
      (
        await run(
          [
            { address: '93.184.216.34', family: 4 },
            { address: '::1', family: 6 },
          ],
          true,
        )
      ).err?.message,
    ).toMatch(/news\.example resolves to ::1/);
    expect((await run([{ address: '10.1.2.3', family: 4 }], false)).err?.name).toBe('RefusedAddressError');
    expect(await run([{ address: '93.184.216.34', family: 4 }], false)).toEqual({ err: null, address: '93.184.216.34' });
  });
});
