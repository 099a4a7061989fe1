/**
 * Loopback servers play each hostile case; every one must end as a failed fetch or parse with a
 * clear reason, while a healthy feed polled side by side keeps parsing correctly throughout.
 */
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeFetchAgents,
  FetchError,
  fetchUrl,
  type FetchOptions,
  type FetchOutcome,
} from '../../../src/adapters/fetch/fetch-url.js';
import { HostLimiter } from '../../../src/adapters/fetch/host-limiter.js';
import { FeedParseError, parseFeed, type ParsedFeed } from '../../../src/domain/feeds/parse-feed.js';
import { fixture } from '../../unit/feeds/fixtures.js';
import { serve, startLoopback, type Loopback, type Route } from './loopback.js';

const UA = 'Vigil/0.1 (+https://vigil.test)';
const MB = 1024 * 1024;
const opts: FetchOptions = { allowPrivate: true, userAgent: UA };

const healthyBody = fixture('rss2.xml');
const ETAG = '"rss2-v1"';
const LAST_MODIFIED = 'Mon, 03 Jun 2024 09:12:44 GMT';

const healthy: Route = (req, res) => {
  if (req.headers['if-none-match'] === ETAG || req.headers['if-modified-since'] === LAST_MODIFIED) {
    res.writeHead(304, { etag: ETAG }).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: ETAG, 'last-modified': LAST_MODIFIED });
  res.end(healthyBody);
};

const trickle: Route = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>slow</title>');
  const timer = setInterval(() => res.write('<item><title>drip</title></item>'), 50);
  res.on('close', () => clearInterval(timer));
};

const huge: Route = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  const pump = () => {
    while (sent < 50 * MB) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
};

const gzipBomb = zlib.gzipSync(Buffer.alloc(64 * MB, 0x20), { level: 9 });
const brBomb = zlib.brotliCompressSync(Buffer.alloc(32 * MB, 0x20), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } });

let server: Loopback;

const routes: Record<string, Route> = {
  '/healthy.xml': healthy,
  '/healthy-gzip.xml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(zlib.gzipSync(healthyBody));
  },
  '/healthy-deflate.xml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'deflate' }).end(zlib.deflateSync(healthyBody));
  },
  '/healthy-raw-deflate.xml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'deflate' }).end(zlib.deflateRawSync(healthyBody));
  },
  '/healthy-br.xml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'br' }).end(zlib.brotliCompressSync(healthyBody));
  },
  '/echo-headers': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.headers));
  },
  '/huge.xml': huge,
  '/huge-declared.xml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(20 * MB) });
    res.write('<rss>');
  },
  '/trickle.xml': trickle,
  '/no-answer.xml': () => {
    /* accepts the request, never answers */
  },
  '/gzip-bomb.xml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(gzipBomb);
  },
  '/br-bomb.xml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'br' }).end(brBomb);
  },
  '/corrupt-gzip.xml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(zlib.gzipSync(healthyBody).subarray(0, 200));
  },
  '/zstd.xml': serve('(zstd bytes)', { 'content-encoding': 'zstd' }),
  '/billion-laughs.xml': serve(fixture('billion-laughs.xml')),
  '/xxe.xml': serve(fixture('xxe.xml')),
  '/truncated.xml': serve(fixture('truncated.xml')),
  '/html.xml': serve(fixture('html-page.html'), { 'content-type': 'text/html; charset=utf-8' }),
  '/windows-1252.xml': serve(fixture('windows-1252.xml'), { 'content-type': 'text/xml' }),
  '/latin1.xml': serve(fixture('latin1-no-declaration.xml'), { 'content-type': 'application/xml; charset=iso-8859-1' }),
  '/rdf.xml': serve(fixture('rss1-rdf.xml'), { 'content-type': 'application/rdf+xml' }),
  '/atom.xml': serve(fixture('atom.xml'), { 'content-type': 'application/atom+xml' }),
  '/feed.json': serve(fixture('jsonfeed.json'), { 'content-type': 'application/feed+json' }),
  '/relative/feed.xml': serve(
    '<rss version="2.0"><channel><title>rel</title><item><title>a</title><link>../posts/1.html</link></item><item><title>b</title><link>/root.html</link></item></channel></rss>',
  ),
  '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
  '/loop-b': (_req, res) => res.writeHead(302, { location: '/loop-a' }).end(),
  '/hop/*': (req, res) => {
    // /hop/N/STATUS redirects N times (each with STATUS) then lands on the healthy feed.
    const [, , n, status] = req.url!.split('/');
    const left = Number(n);
    res.writeHead(left > 0 ? Number(status) : 302, { location: left > 1 ? `/hop/${left - 1}/${status}` : '/healthy.xml' }).end();
  },
  '/mixed-redirects': (_req, res) => res.writeHead(301, { location: '/hop/1/307' }).end(),
  '/redirect-no-location': (_req, res) => res.writeHead(302).end(),
  '/redirect-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
  '/429': (_req, res) => res.writeHead(429, { 'retry-after': '120' }).end('slow down'),
  '/503': (_req, res) => res.writeHead(503, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() }).end(),
  '/404': (_req, res) => res.writeHead(404).end('gone'),
  '/slow-ok': (_req, res) => setTimeout(() => healthy(_req, res), 100),
};

beforeAll(async () => {
  server = await startLoopback(routes);
});

afterAll(async () => {
  await server.close();
  await closeFetchAgents();
});

async function poll(path: string, extra: Partial<FetchOptions> = {}): Promise<{ res: FetchOutcome; feed?: ParsedFeed }> {
  const res = await fetchUrl(server.url(path), {}, { ...opts, ...extra });
  if (res.notModified) return { res };
  return { res, feed: await parseFeed(res.body, res.contentType, res.finalUrl) };
}

async function failure(path: string, extra: Partial<FetchOptions> = {}): Promise<FetchError | FeedParseError> {
  const err = await poll(path, extra).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof FetchError) && !(err instanceof FeedParseError)) throw new Error(`expected a failure, got ${String(err)}`);
  return err;
}

function expectHealthy(feed: ParsedFeed | undefined) {
  expect(feed?.items).toHaveLength(3);
  expect(feed?.items[0]?.text).toContain('Kem Sokha');
}

describe('healthy feeds', () => {
  it('fetches and parses, then answers a conditional GET with 304 and no body', async () => {
    const first = await poll('/healthy.xml');
    expectHealthy(first.feed);
    if (first.res.notModified) throw new Error('unexpected 304');
    expect(first.res).toMatchObject({ status: 200, etag: ETAG, lastModified: LAST_MODIFIED });
    expect(first.res.permanentUrl).toBeUndefined();
    const byEtag = await fetchUrl(server.url('/healthy.xml'), { etag: ETAG }, opts);
    expect(byEtag).toEqual({ notModified: true, status: 304, finalUrl: server.url('/healthy.xml') });
    const byDate = await fetchUrl(server.url('/healthy.xml'), { lastModified: LAST_MODIFIED }, opts);
    expect(byDate.notModified).toBe(true);
  });

  it.each(['/healthy-gzip.xml', '/healthy-deflate.xml', '/healthy-raw-deflate.xml', '/healthy-br.xml'])('decompresses %s', async (path) => {
    expectHealthy((await poll(path)).feed);
  });

  it('sends the honest User-Agent, Accept and Accept-Encoding', async () => {
    const res = await fetchUrl(server.url('/echo-headers'), {}, opts);
    if (res.notModified) throw new Error('unexpected 304');
    const headers = JSON.parse(res.body.toString()) as Record<string, string>;
    expect(headers['user-agent']).toBe(UA);
    expect(headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(headers.accept).toMatch(/application\/rss\+xml/);
  });

  it('reads RSS 1.0, Atom, JSON Feed, windows-1252 and ISO-8859-1 feeds over HTTP', async () => {
    expect((await poll('/rdf.xml')).feed?.items[0]?.title).toBe('Hong Kong: Jimmy Lai trial enters day 100');
    expect((await poll('/atom.xml')).feed?.items[0]?.title).toBe('Egypt: Alaa Abd El-Fattah still held');
    expect((await poll('/feed.json')).feed?.items[0]?.link).toBe(server.url('/2024/06/02/ilham-tohti'));
    expect((await poll('/windows-1252.xml')).feed?.items[0]?.title).toBe('Perú: “Liberen a José Domínguez” — campaña');
    expect((await poll('/latin1.xml')).feed?.items[0]?.text).toContain('indígena pidió protección');
  });

  it('resolves relative links against the final feed URL', async () => {
    const { feed } = await poll('/relative/feed.xml');
    expect(feed?.items.map((i) => i.link)).toEqual([server.url('/posts/1.html'), server.url('/root.html')]);
  });
});

describe('redirects', () => {
  it('follows up to 5 and reports a permanent move when every hop was 301 or 308', async () => {
    const five = await poll('/hop/5/301');
    expectHealthy(five.feed);
    expect(five.res.finalUrl).toBe(server.url('/healthy.xml'));
    expect(five.res.permanentUrl).toBe(server.url('/healthy.xml'));
    expect((await poll('/hop/1/308')).res.permanentUrl).toBe(server.url('/healthy.xml'));
  });

  it('does not report a move when any hop was temporary', async () => {
    expect((await poll('/hop/2/302')).res.permanentUrl).toBeUndefined();
    const mixed = await poll('/mixed-redirects');
    expect(mixed.res.finalUrl).toBe(server.url('/healthy.xml'));
    expect(mixed.res.permanentUrl).toBeUndefined();
  });

  it('refuses a 6th redirect, a loop, a redirect without Location and a non-http target', async () => {
    expect((await failure('/hop/6/301')).message).toBe('too many redirects (more than 5)');
    expect((await failure('/loop-a')).message).toMatch(/^redirect loop at http:\/\/127\.0\.0\.1:\d+\/loop-a$/);
    expect((await failure('/redirect-no-location')).message).toBe('HTTP 302 redirect without a Location header');
    expect((await failure('/redirect-file')).message).toBe('redirect to unsupported URL scheme "file" (only http and https)');
  });

  it('carries 304 through redirects', async () => {
    const res = await fetchUrl(server.url('/hop/2/301'), { etag: ETAG }, opts);
    expect(res).toMatchObject({ notModified: true, permanentUrl: server.url('/healthy.xml') });
  });
});

describe('hostile servers', () => {
  it('caps the body at 10 MB, streamed or declared', async () => {
    const streamed = await failure('/huge.xml');
    expect(streamed.message).toBe(`response larger than ${10 * MB} bytes`);
    expect((await failure('/huge-declared.xml')).message).toMatch(/^response larger than 10485760 bytes \(Content-Length/);
  });

  it('caps the decompressed size (gzip and brotli bombs)', async () => {
    expect((await failure('/gzip-bomb.xml')).message).toBe(`response larger than ${10 * MB} bytes once decompressed (gzip)`);
    expect((await failure('/br-bomb.xml')).message).toBe(`response larger than ${10 * MB} bytes once decompressed (br)`);
    expect((await failure('/corrupt-gzip.xml')).message).toMatch(/^could not decompress gzip body/);
    expect((await failure('/zstd.xml')).message).toBe('unsupported content-encoding "zstd"');
  });

  it('ends a body that trickles forever, and a server that never answers, at the total timeout', async () => {
    expect((await failure('/trickle.xml', { timeoutMs: 600 })).message).toMatch(/^timed out after 600 ms reading the body from 127\.0\.0\.1/);
    expect((await failure('/no-answer.xml', { timeoutMs: 400 })).message).toMatch(/^timed out after 400 ms waiting for 127\.0\.0\.1 to answer/);
  });

  it('refuses entity bombs, XXE, truncated XML and HTML pages at parse time', async () => {
    expect((await failure('/billion-laughs.xml')).message).toMatch(/^refused: .*entity-expansion bomb/);
    expect((await failure('/xxe.xml')).message).toMatch(/^refused: .*XXE/);
    expect((await failure('/truncated.xml')).message).toMatch(/^invalid XML: /);
    expect((await failure('/html.xml')).message).toBe('not a feed: looks like an HTML page');
  });

  it('reports 429 and 503 with Retry-After, and other errors by status', async () => {
    const tooMany = (await failure('/429')) as FetchError;
    expect(tooMany).toMatchObject({ message: 'HTTP 429 Too Many Requests', status: 429, retryAfterSeconds: 120 });
    const unavailable = (await failure('/503')) as FetchError;
    expect(unavailable.status).toBe(503);
    expect(unavailable.retryAfterSeconds).toBeGreaterThan(3500);
    expect(unavailable.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(await failure('/404')).toMatchObject({ message: 'HTTP 404 Not Found', status: 404, retryAfterSeconds: undefined });
  });

  it('reports refused connections and bad URLs', async () => {
    const closed = await startLoopback({});
    const url = closed.url('/feed.xml');
    await closed.close();
    await expect(fetchUrl(url, {}, opts)).rejects.toThrow(/^connection refused by 127\.0\.0\.1$/);
    await expect(fetchUrl('not a url', {}, opts)).rejects.toThrow('invalid URL: not a url');
    await expect(fetchUrl('ftp://example.org/feed', {}, opts)).rejects.toThrow('unsupported URL scheme "ftp" (only http and https)');
    await expect(fetchUrl('http://user:pw@example.org/feed', {}, opts)).rejects.toThrow('URLs with credentials are not supported');
  });

  it('keeps a healthy feed parsing correctly throughout, side by side with every hostile case', async () => {
    const hostile = [
      '/huge.xml', '/huge-declared.xml', '/trickle.xml', '/no-answer.xml', '/gzip-bomb.xml', '/br-bomb.xml', '/corrupt-gzip.xml',
      '/billion-laughs.xml', '/xxe.xml', '/truncated.xml', '/html.xml', '/loop-a', '/hop/6/301', '/redirect-file', '/429', '/503', '/404',
    ];
    // Many hostile fetches at once, through an unshared limiter so they do not queue the healthy one.
    const attacks = Promise.all(
      hostile.flatMap((path) =>
        [0, 1].map(() => failure(path, { timeoutMs: 1_000, hostLimiter: new HostLimiter(64) }).then((e) => `${path}: ${e.message}`)),
      ),
    );
    const healthyPolls: Array<Promise<ParsedFeed | undefined>> = [];
    for (let i = 0; i < 20; i++) {
      healthyPolls.push(poll('/healthy.xml', { hostLimiter: new HostLimiter(64) }).then((r) => r.feed));
      await new Promise((r) => setTimeout(r, 25));
    }
    for (const feed of await Promise.all(healthyPolls)) expectHealthy(feed);
    const reasons = await attacks;
    expect(reasons).toHaveLength(hostile.length * 2);
    for (const r of reasons) expect(r).toMatch(/: \S/);
  });
});

describe('per-host concurrency', () => {
  it('keeps at most 2 requests in flight to one host by default', async () => {
    const limited = await startLoopback({ '/slow-ok': routes['/slow-ok']! });
    const results = await Promise.all(Array.from({ length: 8 }, () => fetchUrl(limited.url('/slow-ok'), {}, opts)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(limited.maxInFlight).toBe(2);
    await limited.close();
  });

  it('counts time waiting for a slot against the total timeout', async () => {
    const limiter = new HostLimiter(1);
    const slow = fetchUrl(server.url('/trickle.xml'), {}, { ...opts, hostLimiter: limiter, timeoutMs: 800 }).catch((e: Error) => e);
    const queued = await fetchUrl(server.url('/healthy.xml'), {}, { ...opts, hostLimiter: limiter, timeoutMs: 300 }).catch((e: Error) => e);
    expect((queued as Error).message).toMatch(/^timed out after 300 ms waiting for a free slot for 127\.0\.0\.1 \(per-host limit 1\)$/);
    expect(((await slow) as Error).message).toMatch(/^timed out/);
  });

  it('can be cancelled by the caller', async () => {
    const ac = new AbortController();
    const p = fetchUrl(server.url('/trickle.xml'), {}, { ...opts, signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    await expect(p).rejects.toThrow(/^aborted$/);
  });
});
