/** The poll step against real feed servers: full-text articles, permanent moves, conditional GET, admin notices. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { rss } from '../helpers/feed-server.js';
import { startTestVigil } from '../helpers/vigil.js';
import { pollFeed } from '../../workers/poll.js';
import type { Services } from '../../src/services.js';

const ARTICLE = `<!doctype html><html><head><title>Crackdown widens</title></head><body>
<nav>Home | World | Asia</nav>
<article><h1>Crackdown widens</h1>
${'<p>The authorities widened their campaign against the opposition this week, according to several rights groups that track the cases closely.</p>'.repeat(4)}
<p>Among those detained on Tuesday was Yorm Bopha, a land-rights activist from Boeung Kak, who was taken from her home by police.</p>
${'<p>Diplomats in the capital said they were following the developments and called for restraint and due process in every case.</p>'.repeat(3)}
</article><footer>© News</footer></body></html>`;

describe('the poll step', () => {
  let smtp: SmtpSink;
  let server: http.Server;
  let base: string;
  let vigil: Awaited<ReturnType<typeof startTestVigil>>;
  let s: Services;
  const conditional: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const url = req.url ?? '';
      if (url === '/summary.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(rss(base, [{ guid: 'a1', title: 'Crackdown widens', text: 'Rights groups report new arrests.', path: '/article', publishedAt: new Date() }]));
      } else if (url === '/article') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
      } else if (url === '/old-home.xml') {
        res.writeHead(301, { location: `${base}/new-home.xml` }).end();
      } else if (url === '/new-home.xml' || url === '/etag.xml') {
        if (req.headers['if-none-match'] === '"v1"') {
          conditional.push(url);
          res.writeHead(304).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(rss(base, []));
      } else {
        res.writeHead(503, { 'retry-after': '120' }).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    smtp = await startSmtpSink();
    vigil = await startTestVigil({ SMTP_URL: smtp.url, ADMIN_EMAIL: 'caseworker@ngo.example' }, []);
    s = vigil.services;
  });
  afterAll(async () => {
    await vigil?.stop();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await smtp?.close();
  });

  it('reads the whole article when the feed asks for full text', async () => {
    const feed = await s.feeds.create({ url: `${base}/summary.xml`, intervalSeconds: 60, fullText: true });
    await pollFeed(s, feed.id, new Date());
    const [job] = await s.queues.match.getJobs(['wait']);
    const item = await s.items.get(job!.data.itemId);
    expect(item?.text).toContain('Among those detained on Tuesday was Yorm Bopha');
    expect(item?.text).not.toContain('Home | World');
    expect(item?.url).toBe(`${base}/article`);
  });

  it('keeps the feed text when full text is off', async () => {
    await s.queues.match.obliterate({ force: true });
    const feed = await s.feeds.create({ url: `${base}/summary.xml`, intervalSeconds: 60 });
    await pollFeed(s, feed.id, new Date());
    const [job] = await s.queues.match.getJobs(['wait']);
    expect((await s.items.get(job!.data.itemId))?.text).toBe('Rights groups report new arrests.');
  });

  it('follows a permanent move and then asks conditionally', async () => {
    const feed = await s.feeds.create({ url: `${base}/old-home.xml`, intervalSeconds: 60 });
    expect(await pollFeed(s, feed.id, new Date())).toMatchObject({ lastStatus: '200', etag: '"v1"' });
    expect((await s.feeds.get(feed.id))?.url).toBe(`${base}/new-home.xml`);
    expect(await pollFeed(s, feed.id, new Date())).toMatchObject({ lastStatus: '304', lastError: null });
    expect(conditional).toContain('/new-home.xml');
  });

  it('backs off on 503 with Retry-After, and tells the admin once when a feed fails for a day', async () => {
    const feed = await s.feeds.create({ url: `${base}/down.xml`, intervalSeconds: 60 });
    const t0 = new Date('2026-01-01T00:00:00Z');
    const first = await pollFeed(s, feed.id, t0);
    expect(first).toMatchObject({ lastStatus: '503', consecutiveFailures: 1 });
    expect(Date.parse(first!.nextPollAt!) - t0.getTime()).toBeGreaterThanOrEqual(120_000);
    // Not due yet: the poll is skipped and changes nothing.
    expect(await pollFeed(s, feed.id, new Date(t0.getTime() + 1000))).toMatchObject({ consecutiveFailures: 1 });

    const notices = () => smtp.to('caseworker@ngo.example');
    for (let h = 1; h <= 30; h++) await pollFeed(s, feed.id, new Date(t0.getTime() + h * 3600_000));
    expect(notices()).toHaveLength(1);
    expect(notices()[0]!.subject).toContain('down.xml');
    expect(notices()[0]!.headers.get('x-vigil-alert')).toBeUndefined();
    expect((await s.feeds.getState(feed.id)).flaggedAt).toBeTruthy();
  });
});
