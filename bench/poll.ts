/**
 * `npx tsx bench/poll.ts`: fetch + parse throughput for 2,000 feeds answering 200 and 304 from a
 * loopback server, Vigil's guarded fetcher and parser against a baseline in the same run
 * (plain `fetch()` + a new rss-parser per document, with none of the guards or normalising).
 *
 * The server runs in a child process, so the CPU time measured (process.cpuUsage) is the
 * client's alone. Each feed is an RSS 2.0 document of 20 items (CDATA HTML descriptions of varied
 * prose; ~13 kB, ~4 kB gzipped on the wire) with an ETag; a 304 run sends the ETag back. 64 polls in flight; Vigil's
 * feeds are spread over 100 host names (resolved to 127.0.0.1 by an injected resolver, checked by
 * the address policy on every new connection) so the per-host limit of 2 is exercised as it
 * would be in production rather than serialising everything onto one host.
 * Usage: npx tsx bench/poll.ts [--feeds 2000] [--concurrency 64]
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import Parser from 'rss-parser';
import { isPublicAddress } from '../src/adapters/fetch/address-policy.js';
import { closeFetchAgents, fetchUrl, type FetchOptions } from '../src/adapters/fetch/fetch-url.js';
import { parseFeed } from '../src/domain/feeds/parse-feed.js';
import { itemKey } from '../src/domain/items/item-key.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const FEEDS = arg('feeds', 2000);
const CONCURRENCY = arg('concurrency', 64);
const HOSTS = 100;
const ITEMS = 20;

const WORDS = (
  'the court appeal sentence prison release activist journalist lawyer family detained charged hearing judge ' +
  'authorities human rights defender protest police arrested trial verdict condemned politically motivated ' +
  'observers refused entry courtroom international community urged immediate unconditional health visit'
).split(' ');

/** Varied, deterministic prose, so a feed compresses like real text rather than like a repeat. */
function prose(seed: number, words: number): string {
  let x = seed * 2654435761 + 1;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[x % WORDS.length]!);
  }
  return `${out.join(' ')} &ndash; ${seed}.`;
}

function feedXml(n: number): string {
  const items = Array.from(
    { length: ITEMS },
    (_, i) => `<item><title>Feed ${n}, story ${i}: court upholds sentence &amp; more</title>
<link>https://site${n}.example/2024/06/story-${i}?utm_source=rss&amp;utm_medium=feed</link>
<guid isPermaLink="false">site${n}-${i}</guid><pubDate>${new Date(Date.UTC(2024, 5, 1, 0, i)).toUTCString()}</pubDate>
<description><![CDATA[<p>The appeal court on Monday upheld the sentence against the opposition leader, story ${i} of feed ${n}.</p>
<p>${prose(n * 100 + i, 60)}</p>]]></description></item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed ${n}</title><link>https://site${n}.example/</link><description>d</description>${items.join('\n')}</channel></rss>`;
}

// ---- server (child process) ----

if (process.argv.includes('--serve')) {
  const bodies = Array.from({ length: FEEDS }, (_, n) => zlib.gzipSync(feedXml(n)));
  const server = http.createServer((req, res) => {
    const n = Number((req.url ?? '').split('/')[2]) % FEEDS;
    const etag = `"v1-${n}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    const gzip = /gzip/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? bodies[n]! : zlib.gunzipSync(bodies[n]!);
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    res.end(body);
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port, bytes: bodies[0]!.length, raw: zlib.gunzipSync(bodies[0]!).length }));
} else {
  await main();
}

// ---- client ----

async function pool(count: number, size: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

interface Result {
  name: string;
  polls: number;
  seconds: number;
  cpuMs: number;
  items: number;
}

async function measure(name: string, run: () => Promise<number>): Promise<Result> {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const items = await run();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { name, polls: FEEDS, seconds, cpuMs: (cpu.user + cpu.system) / 1000, items };
}

async function main(): Promise<void> {
  const child: ChildProcess = fork(process.argv[1]!, ['--serve', '--feeds', String(FEEDS)], { execArgv: process.execArgv, stdio: 'inherit' });
  const { port, bytes, raw } = await new Promise<{ port: number; bytes: number; raw: number }>((resolve) =>
    child.once('message', (m) => resolve(m as { port: number; bytes: number; raw: number })),
  );
  const vigilOpts: FetchOptions = {
    allowPrivate: false,
    userAgent: 'Vigil/0.1 (+https://bench.invalid)',
    resolveHost: async () => [{ address: '127.0.0.1', family: 4 }],
    isAllowedAddress: (ip) => ip === '127.0.0.1' || isPublicAddress(ip),
  };
  const vigilUrl = (n: number) => `http://feed-${n % HOSTS}.bench.test:${port}/feed/${n}`;
  const plainUrl = (n: number) => `http://127.0.0.1:${port}/feed/${n}`;
  const etag = (n: number) => `"v1-${n}"`;

  const vigil = (conditional: boolean) => async () => {
    let items = 0;
    await pool(FEEDS, CONCURRENCY, async (n) => {
      const res = await fetchUrl(vigilUrl(n), conditional ? { etag: etag(n) } : {}, vigilOpts);
      if (res.notModified) return;
      const feed = await parseFeed(res.body, res.contentType, res.finalUrl);
      for (const it of feed.items) itemKey(`feed${n}`, it);
      items += feed.items.length;
    });
    return items;
  };
  const baseline = (conditional: boolean) => async () => {
    let items = 0;
    await pool(FEEDS, CONCURRENCY, async (n) => {
      const res = await fetch(plainUrl(n), { headers: conditional ? { 'if-none-match': etag(n) } : {} });
      if (res.status === 304) return void (await res.arrayBuffer());
      const feed = await new Parser().parseString(await res.text());
      items += feed.items.length;
    });
    return items;
  };

  // Warm up both paths (JIT, connection pools), then measure, alternating.
  await vigil(false)();
  await baseline(false)();
  const results: Result[] = [];
  results.push(await measure('Vigil fetchUrl + parseFeed, 200', vigil(false)));
  results.push(await measure('baseline fetch() + rss-parser, 200', baseline(false)));
  results.push(await measure('Vigil fetchUrl, 304', vigil(true)));
  results.push(await measure('baseline fetch(), 304', baseline(true)));

  child.kill();
  await closeFetchAgents();

  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} ×${os.cpus().length}, Node ${process.version}, ${os.platform()} ${os.release()}`;
  console.log(`machine: ${machine}`);
  console.log(`${FEEDS} feeds, ${CONCURRENCY} in flight; per feed ${ITEMS} items, ${raw} bytes (${bytes} gzipped)\n`);
  console.log('| run | polls/s | CPU ms per poll | wall s | items |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${Math.round(r.polls / r.seconds)} | ${(r.cpuMs / r.polls).toFixed(3)} | ${r.seconds.toFixed(2)} | ${r.items} |`,
    );
  }
}
