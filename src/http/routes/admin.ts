import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import type { PersonInput } from '../../domain/model.js';
import { alertsQuery, feedCreateSchema, feedPatchSchema, idParams, personCreateSchema, personPatchSchema } from '../schemas.js';
import { scheduleFeed, unscheduleFeed } from '../../scheduling/feed-schedules.js';
import { feedUrlProblem } from '../feed-url.js';
import { metricsRoute } from './metrics.js';

interface Opts {
  services: Services;
  adminToken: string;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export async function adminRoutes(app: FastifyInstance, { services: s, adminToken }: Opts) {
  const expected = digest(adminToken);
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token || !timingSafeEqual(digest(token), expected)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized', message: 'A valid admin bearer token is required.' });
    }
  });

  const notFound = (reply: FastifyReply, what: string, id: string) => reply.code(404).send({ error: 'not_found', message: `${what} ${id} not found` });

  // Watchlist
  app.post<{ Body: PersonInput }>('/persons', { schema: { body: personCreateSchema } }, async (req, reply) => {
    if (!req.body.name.trim()) return reply.code(400).send({ error: 'invalid_request', field: 'body.name', message: 'body.name: must not be blank' });
    return reply.code(201).send(await s.persons.create(req.body));
  });
  app.get('/persons', async () => s.persons.list());
  app.get<{ Params: { id: string } }>('/persons/:id', { schema: { params: idParams } }, async (req, reply) => {
    const person = await s.persons.get(req.params.id);
    return person ?? notFound(reply, 'person', req.params.id);
  });
  app.patch<{ Params: { id: string }; Body: Partial<PersonInput> }>(
    '/persons/:id',
    { schema: { params: idParams, body: personPatchSchema } },
    async (req, reply) => {
      const person = await s.persons.update(req.params.id, req.body);
      return person ?? notFound(reply, 'person', req.params.id);
    },
  );
  app.delete<{ Params: { id: string } }>('/persons/:id', { schema: { params: idParams } }, async (req, reply) => {
    if (!(await s.persons.delete(req.params.id))) return notFound(reply, 'person', req.params.id);
    return reply.code(204).send();
  });

  // Feeds
  app.post<{ Body: { url: string; intervalSeconds?: number; fullText?: boolean } }>(
    '/feeds',
    { schema: { body: feedCreateSchema } },
    async (req, reply) => {
      const problem = feedUrlProblem(req.body.url, s.config.allowPrivateFeeds);
      if (problem) return reply.code(400).send({ error: 'invalid_request', field: 'body.url', message: `body.url: ${problem}` });
      const feed = await s.feeds.create({
        url: new URL(req.body.url).toString(),
        intervalSeconds: req.body.intervalSeconds ?? s.config.defaultPollSeconds,
        fullText: req.body.fullText ?? false,
      });
      await scheduleFeed(s.queues, feed);
      req.log.info({ feedId: feed.id }, 'feed added');
      return reply.code(201).send(feed);
    },
  );
  app.get('/feeds', async () => {
    const feeds = await s.feeds.list();
    const states = await s.feeds.getStates(feeds.map((f) => f.id));
    return feeds.map((feed, i) => {
      const { etag: _e, lastModified: _l, ...health } = states[i]!;
      return { ...feed, ...health };
    });
  });
  app.patch<{ Params: { id: string }; Body: { intervalSeconds?: number; fullText?: boolean } }>(
    '/feeds/:id',
    { schema: { params: idParams, body: feedPatchSchema } },
    async (req, reply) => {
      const feed = await s.feeds.update(req.params.id, req.body);
      if (!feed) return notFound(reply, 'feed', req.params.id);
      await scheduleFeed(s.queues, feed);
      return feed;
    },
  );
  app.delete<{ Params: { id: string } }>('/feeds/:id', { schema: { params: idParams } }, async (req, reply) => {
    await unscheduleFeed(s.queues, req.params.id);
    if (!(await s.feeds.delete(req.params.id))) return notFound(reply, 'feed', req.params.id);
    return reply.code(204).send();
  });

  await app.register(metricsRoute, { services: s });

  // Alerts and the review queue
  app.get<{ Querystring: { personId?: string; limit: number } }>('/alerts', { schema: { querystring: alertsQuery } }, async (req) =>
    (await s.alerts.list({ personId: req.query.personId, limit: req.query.limit })).map((a) => ({
      ...a,
      items: a.items.map(({ url, title, feedId }) => ({ url, title, feedId })),
    })),
  );
  app.get<{ Querystring: { limit: number } }>(
    '/reviews',
    { schema: { querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } } } } },
    async (req) => s.alerts.listForReview(req.query.limit),
  );
}
