/** The HTTP contract: validation that names the field, 404s, privacy of the subscribe endpoint, rate limits, pages. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { admin, api, startTestVigil } from '../helpers/vigil.js';

describe('HTTP API', () => {
  let smtp: SmtpSink;
  let vigil: Awaited<ReturnType<typeof startTestVigil>>;
  let call: ReturnType<typeof api>;
  let adm: ReturnType<typeof admin>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    vigil = await startTestVigil({ SMTP_URL: smtp.url, PUBLIC_RATE_LIMIT: '5' }, ['api']);
    call = api(vigil);
    adm = admin(vigil);
  });
  afterAll(async () => {
    await vigil?.stop();
    await smtp?.close();
  });

  describe('persons', () => {
    it('creates, reads, patches and deletes', async () => {
      const created = await adm('POST', '/api/admin/persons', {
        name: 'Kem Sokha',
        aliases: ['កឹម សុខា'],
        context: ['CNRP'],
        country: 'Cambodia',
        notes: 'Former CNRP president',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: expect.any(String), name: 'Kem Sokha', aliases: ['កឹម សុខា'], public: true });
      const id = created.body.id;
      expect((await adm('GET', `/api/admin/persons/${id}`)).body).toEqual(created.body);
      const patched = await adm('PATCH', `/api/admin/persons/${id}`, { public: false, aliases: ['Kem Sokhar'] });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ public: false, aliases: ['Kem Sokhar'], name: 'Kem Sokha' });
      expect((await call('GET', '/api/persons')).body.find((p: { id: string }) => p.id === id)).toBeUndefined();
      expect((await adm('DELETE', `/api/admin/persons/${id}`)).status).toBe(204);
      expect((await adm('GET', `/api/admin/persons/${id}`)).status).toBe(404);
      expect((await adm('DELETE', `/api/admin/persons/${id}`)).status).toBe(404);
      expect((await adm('PATCH', `/api/admin/persons/${id}`, { name: 'X' })).status).toBe(404);
    });

    it.each([
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 42 }, 'name'],
      [{ name: 'A', aliases: 'B' }, 'aliases'],
      [{ name: 'A', aliases: [''] }, 'aliases'],
      [{ name: 'A', public: 'yes' }, 'public'],
      [{ name: 'A', colour: 'red' }, 'colour'],
    ])('rejects %j naming the field %s', async (body, field) => {
      const res = await adm('POST', '/api/admin/persons', body);
      expect(res.status).toBe(400);
      expect(res.body.error).toBeTruthy();
      expect(res.body.message).toContain(field);
    });

    it('rejects malformed JSON with 400', async () => {
      const res = await fetch(`${vigil.url}/api/admin/persons`, {
        method: 'POST',
        headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'application/json' },
        body: '{"name": ',
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    });
  });

  describe('feeds', () => {
    it('adds, lists with health, and deletes', async () => {
      const created = await adm('POST', '/api/admin/feeds', { url: 'https://news.example.org/rss' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: expect.any(String), url: 'https://news.example.org/rss', intervalSeconds: 300 });
      const list = await adm('GET', '/api/admin/feeds');
      expect(list.body.find((f: { id: string }) => f.id === created.body.id)).toMatchObject({
        lastFetchedAt: null,
        lastStatus: null,
        lastError: null,
        itemsSeen: 0,
      });
      const schedulers = await vigil.services.queues.poll.getJobSchedulers();
      expect(schedulers.map((j) => j.key)).toContain(`feed-${created.body.id}`);
      const patched = await adm('PATCH', `/api/admin/feeds/${created.body.id}`, { intervalSeconds: 60, fullText: true });
      expect(patched.body).toMatchObject({ intervalSeconds: 60, fullText: true, url: 'https://news.example.org/rss' });
      const scheduler = (await vigil.services.queues.poll.getJobSchedulers()).find((j) => j.key === `feed-${created.body.id}`);
      expect(Number(scheduler?.every)).toBe(60_000);
      expect((await adm('PATCH', `/api/admin/feeds/${created.body.id}`, { url: 'https://elsewhere.example/' })).status).toBe(400);
      expect((await adm('DELETE', `/api/admin/feeds/${created.body.id}`)).status).toBe(204);
      expect((await vigil.services.queues.poll.getJobSchedulers()).map((j) => j.key)).not.toContain(`feed-${created.body.id}`);
      expect((await adm('DELETE', `/api/admin/feeds/${created.body.id}`)).status).toBe(404);
    });

    it.each([
      [{ url: 'not a url' }, 'url'],
      [{ url: 'ftp://example.org/feed' }, 'url'],
      [{ url: 'https://example.org/feed', intervalSeconds: 0 }, 'intervalSeconds'],
      [{ url: 'https://example.org/feed', intervalSeconds: 1.5 }, 'intervalSeconds'],
      [{}, 'url'],
    ])('rejects %j naming the field %s', async (body, field) => {
      const res = await adm('POST', '/api/admin/feeds', body);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(field);
    });
  });

  describe('subscriptions', () => {
    it('answers the same whether or not the address is known', async () => {
      const person = await adm('POST', '/api/admin/persons', { name: 'Mu Sochua' });
      const a = await call('POST', '/api/subscriptions', { email: 'x@example.org', personId: person.body.id });
      const token = await vigil.services.subscriptions.createPending('x@example.org', person.body.id);
      await vigil.services.subscriptions.confirm(token);
      const b = await call('POST', '/api/subscriptions', { email: 'x@example.org', personId: person.body.id });
      expect(a.status).toBe(202);
      expect(b.status).toBe(202);
      expect(b.body).toEqual(a.body);
      expect(b.body).toEqual({ status: 'pending' });
    });

    it('sends one address at most five confirmations a day, answering the same', async () => {
      const person = await adm('POST', '/api/admin/persons', { name: 'Tep Vanny' });
      for (let i = 0; i < 7; i++) {
        const res = await vigil.app!.inject({ method: 'POST', url: '/api/subscriptions', payload: { email: 'Victim@Example.org', personId: person.body.id }, remoteAddress: `10.0.0.${i}` });
        expect(res.statusCode).toBe(202);
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.to('victim@example.org')).toHaveLength(5);
    });

    it('validates the body', async () => {
      const res = await call('POST', '/api/subscriptions', { email: 'not-an-email', personId: 'abc' });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('email');
    });

    it('refuses an unknown token on confirm and unsubscribe', async () => {
      expect((await call('POST', '/confirm?token=nope')).status).toBe(400);
      expect((await call('POST', '/confirm')).status).toBe(400);
      expect((await call('GET', '/confirm?token=nope')).status).toBe(400);
      expect((await call('POST', '/unsubscribe?token=a.b.c')).status).toBe(400);
      expect((await call('GET', '/unsubscribe?token=a.b.c')).status).toBe(400);
    });

    it('limits the public POST routes per client with 429 and Retry-After', async () => {
      let last;
      for (let i = 0; i < 8; i++) last = await call('POST', '/api/subscriptions', { email: `r${i}@example.org`, personId: 'nobody' });
      expect(last!.status).toBe(429);
      expect(last!.headers.get('retry-after')).toMatch(/^\d+$/);
    });
  });

  describe('pages', () => {
    it('lists public persons with a form that works without JavaScript, and escapes names', async () => {
      await adm('POST', '/api/admin/persons', { name: '<script>alert(1)</script> Injected' });
      const res = await call('GET', '/');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.text).toContain('<form method="post" action="/subscribe">');
      expect(res.text).toContain('&lt;script&gt;');
      expect(res.text).not.toContain('<script>alert(1)</script>');
      expect(res.headers.get('content-security-policy')).toBeTruthy();
    });

    it('serves Prometheus metrics to admins only', async () => {
      expect((await call('GET', '/api/admin/metrics')).status).toBe(401);
      const res = await adm('GET', '/api/admin/metrics');
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/vigil_queue_jobs\{queue="match",state="waiting"\} \d+/);
      expect(res.text).toMatch(/vigil_watchlist_persons \d+/);
      expect(res.text).toContain('vigil_feeds{health="failing"}');
    });

    it('describes itself in OpenAPI, from the validating schemas', async () => {
      const res = await call('GET', '/api/openapi.json');
      expect(res.status).toBe(200);
      expect(res.body.openapi).toMatch(/^3\./);
      expect(res.body.paths['/api/admin/persons'].post.requestBody.content['application/json'].schema.required).toEqual(['name']);
      expect(res.body.paths['/api/subscriptions']).toBeTruthy();
    });

    it('serves /healthz', async () => {
      expect((await call('GET', '/healthz')).body).toEqual({ status: 'ok' });
    });

    it('answers unknown routes with 404 JSON', async () => {
      expect((await call('GET', '/nope')).status).toBe(404);
      expect((await adm('GET', '/api/admin/nope')).status).toBe(404);
    });
  });
});
