/**
 * The SSRF guard against real sockets. A "public" server listens on 127.0.0.2, which these tests
 * declare public through `isAllowedAddress`; an "internal" server on 127.0.0.1 plays the inside
 * of the network (an admin panel, a metadata service) and must never receive a request.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../../src/adapters/fetch/address-policy.js';
import { closeFetchAgents, fetchUrl, type FetchOptions } from '../../../src/adapters/fetch/fetch-url.js';
import type { HostResolver } from '../../../src/adapters/fetch/guarded-agent.js';
import { serve, startLoopback, type Loopback } from './loopback.js';

let pub: Loopback;
let internal: Loopback;

const redirectTo = (location: string) => serve('', { location }, 302);

beforeAll(async () => {
  internal = await startLoopback({ '/*': serve('<rss version="2.0"><channel><title>SECRET</title></channel></rss>') });
  const p = internal.port;
  pub = await startLoopback(
    {
      '/feed.xml': serve('<rss version="2.0"><channel><title>public</title></channel></rss>'),
      '/to-loopback': redirectTo(`http://127.0.0.1:${p}/admin`),
      '/to-name': redirectTo(`http://internal.test:${p}/admin`),
      '/to-localhost': redirectTo(`http://localhost:${p}/admin`),
      '/to-metadata': redirectTo('http://169.254.169.254/latest/meta-data/'),
      '/to-metadata-v6': redirectTo('http://[fd00:ec2::254]/latest/meta-data/'),
      '/to-v6-loopback': redirectTo(`http://[::1]:${p}/admin`),
      '/to-mapped': redirectTo(`http://[::ffff:127.0.0.1]:${p}/admin`),
      '/to-decimal': redirectTo(`http://2130706433:${p}/admin`),
      '/to-private': redirectTo('http://10.0.0.1/'),
      '/to-gopher': redirectTo('gopher://127.0.0.1:70/'),
    },
    '127.0.0.2',
  );
});

afterAll(async () => {
  await pub.close();
  await internal.close();
  await closeFetchAgents();
});

afterEach(() => {
  expect([...internal.hits.values()].reduce((a, b) => a + b, 0)).toBe(0);
});

const resolver: HostResolver = async (name) => {
  if (name === 'public.test') return [{ address: '127.0.0.2', family: 4 }];
  if (name === 'internal.test') return [{ address: '127.0.0.1', family: 4 }];
  if (name === 'mixed.test') return [{ address: '127.0.0.2', family: 4 }, { address: '127.0.0.1', family: 4 }];
  if (name === 'localhost') return [{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }];
  throw Object.assign(new Error(`no such host ${name}`), { code: 'ENOTFOUND' });
};

/** Public unicast, plus 127.0.0.2 standing in for a public host. */
const guarded: FetchOptions = {
  allowPrivate: false,
  userAgent: 'Vigil-test',
  resolveHost: resolver,
  isAllowedAddress: (ip) => ip === '127.0.0.2' || isPublicAddress(ip),
};

const publicUrl = (path: string) => `http://public.test:${pub.port}${path}`;

describe('SSRF guard', () => {
  it('fetches an allowed host', async () => {
    const res = await fetchUrl(publicUrl('/feed.xml'), {}, guarded);
    expect(res.status).toBe(200);
  });

  it.each([
    ['/to-loopback', /^refused: 127\.0\.0\.1 is not a public address \(loopback\)$/],
    ['/to-name', /^refused: internal\.test resolves to 127\.0\.0\.1, which is not a public address \(loopback\)$/],
    ['/to-localhost', /^refused: localhost resolves to 127\.0\.0\.1/],
    ['/to-metadata', /^refused: 169\.254\.169\.254 is not a public address \(link-local, cloud metadata endpoint\)$/],
    ['/to-metadata-v6', /^refused: fd00:ec2::254 is not a public address \(unique local, private, cloud metadata endpoint\)$/],
    ['/to-v6-loopback', /^refused: ::1 is not a public address \(loopback\)$/],
    ['/to-mapped', /^refused: ::ffff:7f00:1 is not a public address \(IPv4-mapped loopback\)$/],
    ['/to-decimal', /^refused: 127\.0\.0\.1 is not a public address/],
    ['/to-private', /^refused: 10\.0\.0\.1 is not a public address \(private\)$/],
    ['/to-gopher', /^redirect to unsupported URL scheme "gopher"/],
  ])('refuses a redirect %s from an allowed host', async (path, reason) => {
    await expect(fetchUrl(publicUrl(path), {}, guarded)).rejects.toThrow(reason);
  });

  it('refuses a name with any private address among its answers', async () => {
    await expect(fetchUrl(`http://mixed.test:${pub.port}/feed.xml`, {}, guarded)).rejects.toThrow(
      /^refused: mixed\.test resolves to 127\.0\.0\.1/,
    );
  });

  it('refuses loopback with the default policy and the system resolver', async () => {
    await expect(fetchUrl(internal.url('/admin'), {}, { allowPrivate: false, userAgent: 'x' })).rejects.toThrow(/^refused: 127\.0\.0\.1/);
    await expect(fetchUrl(`http://localhost:${internal.port}/admin`, {}, { allowPrivate: false, userAgent: 'x' })).rejects.toThrow(
      /^refused: localhost resolves to (127\.0\.0\.1|::1)/,
    );
  });

  it('connects to the address it checked: DNS rebinding cannot slip in a private address', async () => {
    // A rebinding resolver: public on odd calls, internal on even ones. The same port is bound
    // on both addresses, so a connection to the wrong one would reach the internal server.
    const twin = await startLoopback({ '/*': serve('internal twin') }, '127.0.0.1', pub.port).catch(() => null);
    let calls = 0;
    const rebinding: HostResolver = async () => [{ address: ++calls % 2 ? '127.0.0.2' : '127.0.0.1', family: 4 }];
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      await closeFetchAgents(); // a fresh connection (and so a fresh lookup) every time
      const r = await fetchUrl(`http://rebind.test:${pub.port}/feed.xml`, {}, { ...guarded, resolveHost: rebinding }).then(
        (res) => (res.notModified ? '304' : res.body.toString().includes('public') ? 'public' : 'INTERNAL'),
        (e: Error) => e.message,
      );
      outcomes.push(r);
    }
    expect(outcomes.filter((o) => o === 'public').length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.startsWith('refused: rebind.test resolves to 127.0.0.1')).length).toBeGreaterThan(0);
    expect(outcomes).not.toContain('INTERNAL');
    if (twin) {
      expect([...twin.hits.values()].reduce((a, b) => a + b, 0)).toBe(0);
      await twin.close();
    }
  });

  it('allows private addresses when allowPrivate is set', async () => {
    const res = await fetchUrl(`http://internal.test:${internal.port}/x`, {}, { ...guarded, allowPrivate: true });
    expect(res.status).toBe(200);
    internal.hits.clear();
  });
});
