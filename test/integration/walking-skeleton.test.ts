/**
 * End to end through the contract: a feed item about a watched person reaches a confirmed
 * subscriber's inbox, and nobody else's. Real Redis, real SMTP, a real feed server, real HTTP.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { admin, api, startTestVigil } from '../helpers/vigil.js';

const SEEDS = path.join(import.meta.dirname, '../fixtures/seeds');

function seedEntries() {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file, i) => {
      const text = readFileSync(path.join(SEEDS, file), 'utf8');
      return {
        guid: file,
        title: text.trim().split('\n')[0]!.trim(),
        text,
        path: `/articles/${i}`,
        publishedAt: new Date(Date.now() - 3600_000),
      };
    });
}

const textOf = (m: ParsedMail) => m.text ?? '';
/** The header as sent (mailparser turns List-Unsubscribe into an object). */
const rawHeader = (m: ParsedMail, name: string) =>
  m.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '').replace(/\r?\n\s+/g, ' ');
const confirmLink = (m: ParsedMail) => {
  const match = /http:\/\/vigil\.test\/confirm\?token=[^\s]+/.exec(textOf(m));
  if (!match) throw new Error('no confirm link in the confirmation email');
  return new URL(match[0]);
};

describe('walking skeleton', () => {
  let smtp: SmtpSink;
  let feeds: FeedServer;
  let vigil: Awaited<ReturnType<typeof startTestVigil>>;
  let call: ReturnType<typeof api>;
  let adminCall: ReturnType<typeof admin>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startSmtpSink();
    feeds = await startFeedServer(seedEntries());
    vigil = await startTestVigil({ SMTP_URL: smtp.url });
    call = api(vigil);
    adminCall = admin(vigil);
  });
  afterAll(async () => {
    await vigil?.stop();
    await feeds?.close();
    await smtp?.close();
  });

  it('refuses the admin API without the right token', async () => {
    expect((await call('GET', '/api/admin/persons')).status).toBe(401);
    expect((await admin(vigil, 'wrong-token-wrong-token')('GET', '/api/admin/persons')).status).toBe(401);
    expect((await admin(vigil, 'wrong-token-wrong-token')('POST', '/api/admin/persons', { name: 'X' })).status).toBe(401);
  });

  it('serves /healthz', async () => {
    const res = await call('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('takes the watchlist', async () => {
    const chamroeun = await adminCall('POST', '/api/admin/persons', { name: 'Soun Chamroeun', context: ['CNRP'], country: 'Cambodia' });
    expect(chamroeun.status).toBe(201);
    expect(chamroeun.body).toMatchObject({ name: 'Soun Chamroeun', country: 'Cambodia', public: true });
    ids.chamroeun = chamroeun.body.id;
    const nobody = await adminCall('POST', '/api/admin/persons', { name: 'Veasna Thornbury' });
    ids.nobody = nobody.body.id;
    const bad = await adminCall('POST', '/api/admin/persons', { aliases: ['x'] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/name/);
  });

  it('subscribes with double opt-in, without telling who is subscribed', async () => {
    const subscribe = (email: string, personId: string) => call('POST', '/api/subscriptions', { email, personId });
    for (const [email, person] of [
      ['alice@example.org', ids.chamroeun],
      ['bob@example.org', ids.nobody],
      ['carol@example.org', ids.chamroeun],
      ['dave@example.org', ids.chamroeun],
    ] as const) {
      const res = await subscribe(email, person!);
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ status: 'pending' });
    }
    await smtp.waitFor((m) => m.length >= 4, 10_000, 'four confirmation emails');
    for (const m of smtp.messages) expect(m.headers.get('x-vigil-alert')).toBeUndefined();

    // GET shows a button and confirms nothing (mail scanners prefetch links).
    const aliceLink = confirmLink(smtp.to('alice@example.org')[0]!);
    const page = await call('GET', `${aliceLink.pathname}${aliceLink.search}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post"');

    for (const who of ['alice', 'bob', 'dave']) {
      const link = confirmLink(smtp.to(`${who}@example.org`)[0]!);
      const res = await call('POST', `${link.pathname}${link.search}`);
      expect(res.status).toBe(200);
    }
    // A used token is refused. Carol never confirms.
    expect((await call('POST', `${aliceLink.pathname}${aliceLink.search}`)).status).toBe(400);
    // A second request for an already confirmed address looks exactly like the first.
    const again = await subscribe('alice@example.org', ids.chamroeun!);
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ status: 'pending' });
  });

  it('alerts the confirmed subscriber of Soun Chamroeun with the Amnesty text, and nobody else', async () => {
    const feed = await adminCall('POST', '/api/admin/feeds', { url: feeds.feedUrl, intervalSeconds: 1 });
    expect(feed.status).toBe(201);
    expect(feed.body).toMatchObject({ url: feeds.feedUrl, intervalSeconds: 1 });

    const alertsTo = (email: string) => smtp.to(email).filter((m) => m.headers.get('x-vigil-alert'));
    // Dave unsubscribes with one click from his first alert's header.
    await smtp.waitFor(() => alertsTo('alice@example.org').length >= 1 && alertsTo('dave@example.org').length >= 1, 20_000, 'alerts');
    const alert = alertsTo('alice@example.org')[0]!;
    expect(alert.subject).toContain('Soun Chamroeun');
    expect(alert.headers.get('x-vigil-person')).toBe(ids.chamroeun);
    expect(alert.text).toContain(`${feeds.base}/articles/0`);
    expect(alert.html).toBeTruthy();
    const listUnsubscribe = rawHeader(alert, 'list-unsubscribe');
    expect(listUnsubscribe).toMatch(/^<http:\/\/vigil\.test\/unsubscribe\?token=[^>]+>$/);
    expect(rawHeader(alert, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    const daveUnsub = new URL(rawHeader(alertsTo('dave@example.org')[0]!, 'list-unsubscribe')!.slice(1, -1));
    const res = await fetch(`${vigil.url}${daveUnsub.pathname}${daveUnsub.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);

    // The API shows the alert.
    const alerts = await adminCall('GET', `/api/admin/alerts?personId=${ids.chamroeun}`);
    expect(alerts.status).toBe(200);
    expect(alerts.body[0]).toMatchObject({ personId: ids.chamroeun, items: [{ url: `${feeds.base}/articles/0`, feedId: feed.body.id }] });
    expect(alerts.body[0].urgency).toMatch(/^(critical|high|elevated|info|good-news)$/);
  });

  it('sends nothing new when the same feed is polled again', async () => {
    const hitsBefore = feeds.hits();
    const before = smtp.messages.length;
    // A new item about Chamroeun appears: it alerts alice, and only alice (dave left, carol never confirmed).
    feeds.entries.push({
      guid: 'later',
      title: 'Soun Chamroeun detained in Bangkok',
      text: 'Thai police detained Soun Chamroeun, a CNRP activist, on Monday.',
      path: '/articles/later',
      publishedAt: new Date(),
    });
    await smtp.waitFor((m) => m.length > before, 20_000, 'the alert about the new item');
    // Let several more polls pass.
    const hitsAfterAlert = feeds.hits();
    while (feeds.hits() < hitsAfterAlert + 3) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    expect(feeds.hits()).toBeGreaterThan(hitsBefore + 3);

    const alertMails = smtp.messages.filter((m) => m.headers.get('x-vigil-alert'));
    const byRecipient = (email: string) => alertMails.filter((m) => m.to && JSON.stringify(m.to).includes(email));
    expect(byRecipient('alice@example.org').map((m) => m.text).filter((t) => t?.includes('/articles/0'))).toHaveLength(1);
    expect(byRecipient('alice@example.org').map((m) => m.text).filter((t) => t?.includes('/articles/later'))).toHaveLength(1);
    expect(byRecipient('bob@example.org')).toHaveLength(0);
    expect(byRecipient('carol@example.org')).toHaveLength(0);
    expect(byRecipient('dave@example.org').filter((m) => m.text?.includes('/articles/later'))).toHaveLength(0);
    // No alert id reaches the same subscriber twice.
    const pairs = alertMails.map((m) => `${JSON.stringify(m.to)}|${m.headers.get('x-vigil-alert')}`);
    expect(new Set(pairs).size).toBe(pairs.length);

    // Who follows whom never reaches the logs: no address, no token.
    const logs = vigil.logLines.join('');
    expect(vigil.logLines.length).toBeGreaterThan(20);
    expect(logs).toContain('alert sent');
    expect(logs).not.toMatch(/[a-z]+@example\.org/);
    expect(logs).not.toContain('token=');

    const feedList = await adminCall('GET', '/api/admin/feeds');
    expect(feedList.body[0]).toMatchObject({ lastStatus: '200', lastError: null, itemsSeen: 6 });
    expect(feedList.body[0].lastFetchedAt).toBeTruthy();
  });
});
