import { describe, expect, it } from 'vitest';
import { forbiddenRange, isPublicAddress } from '../../../src/adapters/fetch/address-policy.js';
import { parseRetryAfter } from '../../../src/adapters/fetch/retry-after.js';
import { HostLimiter } from '../../../src/adapters/fetch/host-limiter.js';

describe('address policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.251', 'multicast'],
    ['192.0.2.10', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'ipv4Mapped loopback'],
    ['::ffff:169.254.169.254', 'ipv4Mapped linkLocal'],
    ['[::ffff:10.0.0.1]', 'ipv4Mapped private'],
    ['64:ff9b::7f00:1', 'NAT64 loopback'],
    ['2002:c0a8:0101::1', '6to4 private'],
    ['2001::1', 'teredo'],
    ['2001:db8::1', 'reserved'],
    ['not-an-ip', 'not an IP address'],
  ])('refuses %s (%s)', (address, range) => {
    expect(forbiddenRange(address)).toBe(range);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:0808:0808::1'])('allows %s', (address) => {
    expect(forbiddenRange(address)).toBeNull();
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2024-06-01T00:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Sat, 01 Jun 2024 01:00:00 GMT', now)).toBe(3600);
    expect(parseRetryAfter('Fri, 31 May 2024 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('HostLimiter', () => {
  it('allows `limit` at once per host, queues the rest, and forgets idle hosts', async () => {
    const limiter = new HostLimiter(2);
    const r1 = await limiter.acquire('A.example');
    const r2 = await limiter.acquire('a.example');
    const other = await limiter.acquire('b.example');
    let third = false;
    const p3 = limiter.acquire('a.example').then((r) => ((third = true), r));
    await Promise.resolve();
    expect(third).toBe(false);
    expect(limiter.stats('a.example')).toEqual({ active: 2, waiting: 1 });
    r1();
    r1(); // releasing twice is harmless
    const r3 = await p3;
    expect(third).toBe(true);
    r2();
    r3();
    other();
    expect(limiter.stats('a.example')).toEqual({ active: 0, waiting: 0 });
  });

  it('stops waiting when the signal aborts', async () => {
    const limiter = new HostLimiter(1);
    const r1 = await limiter.acquire('h');
    const ac = new AbortController();
    const waiting = limiter.acquire('h', ac.signal);
    ac.abort(new Error('deadline'));
    await expect(waiting).rejects.toThrow('deadline');
    expect(limiter.stats('h')).toEqual({ active: 1, waiting: 0 });
    r1();
  });
});
