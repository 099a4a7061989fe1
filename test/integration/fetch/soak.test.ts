/**
 * Soak: 500 feeds on one loopback server (under 50 host names), fetched and parsed with bounded
 * concurrency, twice (200 then 304), with hostile feeds mixed in. Every healthy feed must succeed,
 * every hostile one must fail with a reason, and the heap must stay bounded.
 */
import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeFetchAgents, fetchUrl, type FetchOptions } from '../../../src/adapters/fetch/fetch-url.js';
import type { HostResolver } from '../../../src/adapters/fetch/guarded-agent.js';
import { parseFeed } from '../../../src/domain/feeds/parse-feed.js';
import { itemKey } from '../../../src/domain/items/item-key.js';
import { fixture } from '../../unit/feeds/fixtures.js';
import { startLoopback, type Loopback } from './loopback.js';

const FEEDS = 500;
const HOSTS = 50;
const CONCURRENCY = 32;
const ITEMS = 20;

function feedXml(n: number): string {
  const items = Array.from(
    { length: ITEMS },
    (_, i) => `<item><title>Feed ${n} story ${i}: Kem Sokha &amp; others</title><link>/f${n}/s${i}?utm_source=rss</link>
<guid isPermaLink="false">f${n}-s${i}</guid><pubDate>${new Date(Date.UTC(2024, 5, 1, 0, i)).toUTCString()}</pubDate>
<description><![CDATA[<p>Paragraph about story ${i} of feed ${n}.</p><p>${'More text. '.repeat(40)}</p>]]></description></item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed ${n}</title><link>https://site${n}.example/</link>${items.join('')}</channel></rss>`;
}

const hostile: Record<string, () => { headers: Record<string, string>; body: Buffer }> = {
  bomb: () => ({ headers: { 'content-encoding': 'gzip' }, body: zlib.gzipSync(Buffer.alloc(32 * 1024 * 1024, 0x20)) }),
  laughs: () => ({ headers: {}, body: fixture('billion-laughs.xml') }),
  html: () => ({ headers: { 'content-type': 'text/html' }, body: fixture('html-page.html') }),
  truncated: () => ({ headers: {}, body: fixture('truncated.xml') }),
};
const hostileBodies = Object.fromEntries(Object.entries(hostile).map(([k, f]) => [k, f()]));

let server: Loopback;

beforeAll(async () => {
  const bodies = Array.from({ length: FEEDS }, (_, n) => zlib.gzipSync(feedXml(n)));
  server = await startLoopback({
    '/feed/*': (req, res) => {
      const n = Number(req.url!.split('/')[2]);
      const etag = `"f${n}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip', etag }).end(bodies[n]);
    },
    '/hostile/*': (req, res) => {
      const h = hostileBodies[req.url!.split('/')[2]!]!;
      res.writeHead(200, { 'content-type': 'application/rss+xml', ...h.headers }).end(h.body);
    },
  });
});

afterAll(async () => {
  await server.close();
  await closeFetchAgents();
});

const resolver: HostResolver = async () => [{ address: '127.0.0.1', family: 4 }];
const opts: FetchOptions = { allowPrivate: true, userAgent: 'Vigil-soak', resolveHost: resolver };

async function pool<T>(tasks: Array<() => Promise<T>>, size: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < tasks.length) {
        const i = next++;
        out[i] = await tasks[i]!();
      }
    }),
  );
  return out;
}

it('polls 500 feeds twice with hostile feeds mixed in: all healthy ones succeed, memory stays bounded', async () => {
  const url = (n: number) => `http://feeds-${n % HOSTS}.soak.test:${server.port}/feed/${n}`;
  const hostileUrls = Object.keys(hostile).flatMap((k) => Array.from({ length: 5 }, (_, i) => `http://bad-${i}.soak.test:${server.port}/hostile/${k}`));
  const etags = new Map<number, string>();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;

  for (const round of [1, 2]) {
    const healthyTasks = Array.from({ length: FEEDS }, (_, n) => async () => {
      const res = await fetchUrl(url(n), { etag: etags.get(n) }, opts);
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      if (res.notModified) return { n, status: 304, keys: 0 };
      if (res.etag) etags.set(n, res.etag);
      const feed = await parseFeed(res.body, res.contentType, res.finalUrl);
      expect(feed.items).toHaveLength(ITEMS);
      expect(feed.items[0]!.link).toBe(`https://site${n}.example/f${n}/s0?utm_source=rss`);
      return { n, status: res.status, keys: new Set(feed.items.map((it) => itemKey(`feed${n}`, it))).size };
    });
    const hostileTasks = hostileUrls.map((u) => async () => {
      const err = await fetchUrl(u, {}, opts)
        .then((res) => (res.notModified ? null : parseFeed(res.body, res.contentType, res.finalUrl)))
        .then(
          () => null,
          (e: Error) => e.message,
        );
      return { n: -1, status: err ? 0 : -1, keys: 0, err };
    });
    // Interleave: a hostile feed every ~25 healthy ones.
    const tasks: Array<() => Promise<{ n: number; status: number; keys: number; err?: string | null }>> = [];
    healthyTasks.forEach((t, i) => {
      tasks.push(t);
      if (i % 25 === 0 && hostileTasks.length) tasks.push(hostileTasks.pop()!);
    });
    tasks.push(...hostileTasks);
    const results = await pool(tasks, CONCURRENCY);

    const healthy = results.filter((r) => r.n >= 0);
    expect(healthy).toHaveLength(FEEDS);
    expect(healthy.every((r) => r.status === (round === 1 ? 200 : 304))).toBe(true);
    if (round === 1) expect(healthy.every((r) => r.keys === ITEMS)).toBe(true);
    const failed = results.filter((r) => r.n < 0);
    expect(failed).toHaveLength(hostileUrls.length);
    for (const f of failed) expect(f.err).toMatch(/^(response larger|refused|not a feed|invalid XML)/);
  }
  // Bounded: 32 polls in flight, each at most 10 MB decoded; far below what 500 feeds would pin.
  expect(peakHeap - heapBefore).toBeLessThan(400 * 1024 * 1024);
  expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
});
