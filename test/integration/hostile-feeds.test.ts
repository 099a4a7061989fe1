/**
 * Hostile feeds beside a healthy one, through the whole pipeline: each bad feed ends as a failed
 * poll with a clear reason in its health, and the healthy feed keeps alerting throughout.
 * Each feed has its own loopback address (127.0.0.x), so the per-host limit keeps them apart as
 * separate hosts on the internet would be.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { rss } from '../helpers/feed-server.js';
import { admin, api, startTestVigil } from '../helpers/vigil.js';

const BOMB = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<rss version="2.0"><channel><title>&lol4;</title><item><title>&lol4;</title></item></channel></rss>`;

describe('hostile feeds beside a healthy one', () => {
  let smtp: SmtpSink;
  let server: http.Server;
  let port: number;
  let vigil: Awaited<ReturnType<typeof startTestVigil>>;
  const healthy: { guid: string; title: string; text: string; path: string; publishedAt: Date }[] = [];
  const sockets = new Set<import('node:net').Socket>();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const base = `http://${req.headers.host}`;
      switch (req.url) {
        case '/healthy.xml':
          res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(base, healthy));
          return;
        case '/huge.xml': {
          res.writeHead(200, { 'content-type': 'application/rss+xml' });
          res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>huge</title>');
          const chunk = `<item><title>${'x'.repeat(64 * 1024)}</title></item>`;
          let sent = 0;
          const pump = () => {
            while (sent < 12 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
            if (sent < 12 * 1024 * 1024) res.once('drain', pump);
            else res.end('</channel></rss>');
          };
          pump();
          return;
        }
        case '/endless.xml': {
          res.writeHead(200, { 'content-type': 'application/rss+xml' });
          res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
          const timer = setInterval(() => res.write('<!-- still here -->'), 200);
          res.on('close', () => clearInterval(timer));
          return;
        }
        case '/bomb.xml':
          res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(BOMB);
          return;
        case '/page.html':
          res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>');
          return;
        case '/truncated.xml':
          res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<?xml version="1.0"?><rss version="2.0"><channel><title>cut</title><item><title>Soun Chamr');
          return;
        case '/loop':
          res.writeHead(302, { location: '/loop' }).end();
          return;
        case '/error':
          res.writeHead(500).end('boom');
          return;
        default:
          res.writeHead(404).end();
      }
    });
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    port = (server.address() as AddressInfo).port;
    smtp = await startSmtpSink();
    vigil = await startTestVigil({ SMTP_URL: smtp.url, FETCH_TIMEOUT_SECONDS: '3' });
  });
  afterAll(async () => {
    await vigil?.stop();
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
    await smtp?.close();
  });

  it('records a clear reason for each bad feed and keeps alerting from the healthy one', { timeout: 60_000 }, async () => {
    const adm = admin(vigil);
    const person = await adm('POST', '/api/admin/persons', { name: 'Soun Chamroeun' });
    await api(vigil)('POST', '/api/subscriptions', { email: 'watcher@example.org', personId: person.body.id });
    await smtp.waitFor((m) => m.length === 1, 10_000, 'the confirmation');
    const link = new URL(/http:\/\/vigil\.test\/confirm\?token=\S+/.exec(smtp.messages[0]!.text ?? '')![0]);
    await api(vigil)('POST', `${link.pathname}${link.search}`);

    const hostile = ['huge.xml', 'endless.xml', 'bomb.xml', 'page.html', 'truncated.xml', 'loop', 'error'];
    const feedIds: Record<string, string> = {};
    for (const [i, path] of hostile.entries()) {
      const res = await adm('POST', '/api/admin/feeds', { url: `http://127.0.0.${i + 2}:${port}/${path}`, intervalSeconds: 1 });
      expect(res.status).toBe(201);
      feedIds[path] = res.body.id;
    }
    const healthyFeed = await adm('POST', '/api/admin/feeds', { url: `http://127.0.0.1:${port}/healthy.xml`, intervalSeconds: 1 });

    // News keeps coming on the healthy feed while the hostile ones do their worst.
    const alerts = () => smtp.to('watcher@example.org').filter((m) => m.headers.get('x-vigil-alert'));
    for (let round = 0; round < 5; round++) {
      healthy.push({
        guid: `g${round}`,
        title: `Round ${round}`,
        text: `Soun Chamroeun was detained again, report ${round}.`,
        path: `/news/${round}`,
        publishedAt: new Date(),
      });
      await smtp.waitFor(() => alerts().length === round + 1, 15_000, `alert ${round + 1} from the healthy feed`);
    }

    // Every hostile feed has failed at least once with its reason on record, all within the bounds.
    const deadline = Date.now() + 20_000;
    let byId: Map<string, any> = new Map();
    for (;;) {
      byId = new Map((await adm('GET', '/api/admin/feeds')).body.map((f: any) => [f.id, f]));
      if (hostile.every((p) => byId.get(feedIds[p]!)?.consecutiveFailures >= 1) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    for (const path of hostile) {
      const f = byId.get(feedIds[path]!);
      expect(f, path).toBeTruthy();
      expect(f.consecutiveFailures, `${path}: ${JSON.stringify(f)}`).toBeGreaterThanOrEqual(1);
      expect(f.lastError, path).toEqual(expect.any(String));
      expect(f.lastError.length, path).toBeGreaterThan(5);
    }
    expect(byId.get(feedIds['error']!).lastStatus).toBe('500');
    const h = byId.get(healthyFeed.body.id);
    expect(h).toMatchObject({ lastError: null, consecutiveFailures: 0, itemsSeen: 5 });
    // Nothing hostile produced an alert.
    expect(alerts()).toHaveLength(5);
  });
});
