import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import { renderConfirmEmail } from '../../domain/emails/render.js';
import { subscriptionSchema, tokenQuery } from '../schemas.js';

interface Opts {
  services: Services;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function publicRoutes(app: FastifyInstance, { services: s }: Opts) {
  const page = (reply: FastifyReply, name: string, data: object, status = 200) =>
    reply.code(status).type('text/html; charset=utf-8').send(s.templates.html(`pages/${name}`, { publicUrl: s.config.publicUrl, ...data }));
  const rateLimited = { rateLimit: { max: s.config.publicRateLimit, timeWindow: '1 minute' } };

  const publicPersons = async () =>
    (await s.persons.list()).filter((p) => p.public).map((p) => ({ id: p.id, name: p.name, country: p.country }));

  /**
   * Same answer and same work whether or not the address is known or already subscribed, so the
   * response never tells anyone who follows whom.
   */
  async function requestSubscription(email: string, personId: string): Promise<'pending' | 'unknown-person'> {
    const person = await s.persons.get(personId);
    if (!person || !person.public) return 'unknown-person';
    if (!(await s.subscriptions.allowConfirmation(email))) {
      app.log.warn({ subscriberId: s.subscriptions.subscriberId(email) }, 'confirmation limit reached; not sent');
      return 'pending';
    }
    const token = await s.subscriptions.createPending(email, person.id);
    const confirmUrl = `${s.config.publicUrl}/confirm?token=${encodeURIComponent(token)}`;
    const message = renderConfirmEmail(s.templates, { person, confirmUrl, publicUrl: s.config.publicUrl });
    const sent = await s.mailer.send({ to: email, ...message });
    app.log.info({ subscriberId: s.subscriptions.subscriberId(email), personId, file: sent.file }, 'confirmation sent');
    return 'pending';
  }

  app.get('/healthz', async (_req, reply) => {
    try {
      await s.redis.ping();
      return { status: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', message: 'Redis does not answer' });
    }
  });

  app.get('/', async (_req, reply) => page(reply, 'index', { persons: await publicPersons() }));
  app.get('/api/persons', async () => publicPersons());

  app.post<{ Body: { email: string; personId: string } }>(
    '/api/subscriptions',
    { schema: { body: subscriptionSchema }, config: rateLimited },
    async (req, reply) => {
      const outcome = await requestSubscription(req.body.email, req.body.personId);
      if (outcome === 'unknown-person') {
        return reply.code(404).send({ error: 'not_found', message: `person ${req.body.personId} not found` });
      }
      return reply.code(202).send({ status: 'pending' });
    },
  );

  // The no-JavaScript form on the home page.
  app.post<{ Body: { email?: string; personId?: string } }>('/subscribe', { config: rateLimited }, async (req, reply) => {
    const email = String(req.body?.email ?? '').trim();
    const personId = String(req.body?.personId ?? '');
    if (!EMAIL_RE.test(email) || email.length > 254) {
      return page(reply, 'message', { title: 'Check the address', message: 'That does not look like an email address. Go back and try again.' }, 400);
    }
    const outcome = await requestSubscription(email, personId);
    if (outcome === 'unknown-person') return page(reply, 'message', { title: 'Not found', message: 'We could not find that person.' }, 404);
    return page(reply, 'message', {
      title: 'Check your inbox',
      message: 'If the address is right, a message with a confirmation link is on its way. Nothing is sent until you confirm.',
    }, 202);
  });

  // GET shows a button and changes nothing: mail scanners prefetch links.
  app.get<{ Querystring: { token?: string } }>('/confirm', { schema: { querystring: tokenQuery } }, async (req, reply) => {
    const token = req.query.token ?? '';
    if (!token || !(await s.subscriptions.pendingExists(token))) return invalidLink(reply, 'confirmation');
    return page(reply, 'action', { title: 'Confirm your alerts', action: `/confirm?token=${encodeURIComponent(token)}`, button: 'Confirm' });
  });
  app.post<{ Querystring: { token?: string } }>('/confirm', { schema: { querystring: tokenQuery }, config: rateLimited }, async (req, reply) => {
    const confirmed = req.query.token ? await s.subscriptions.confirm(req.query.token) : null;
    if (!confirmed) return invalidLink(reply, 'confirmation');
    const person = await s.persons.get(confirmed.personId);
    req.log.info({ subscriberId: confirmed.subscriberId, personId: confirmed.personId }, 'subscription confirmed');
    return page(reply, 'message', {
      title: 'Confirmed',
      message: `You will get an email when ${person?.name ?? 'this person'} is in the news. Every alert has a link to stop them.`,
    });
  });

  app.get<{ Querystring: { token?: string } }>('/unsubscribe', { schema: { querystring: tokenQuery } }, async (req, reply) => {
    const token = req.query.token ?? '';
    if (!s.subscriptions.verifyUnsubscribeToken(token)) return invalidLink(reply, 'unsubscribe');
    return page(reply, 'action', { title: 'Stop these alerts?', action: `/unsubscribe?token=${encodeURIComponent(token)}`, button: 'Unsubscribe' });
  });
  // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click"; the token in the URL is enough.
  app.post<{ Querystring: { token?: string } }>('/unsubscribe', { schema: { querystring: tokenQuery } }, async (req, reply) => {
    const done = req.query.token ? await s.subscriptions.unsubscribe(req.query.token) : null;
    if (!done) return invalidLink(reply, 'unsubscribe');
    req.log.info({ personId: done.personId }, 'unsubscribed');
    return page(reply, 'message', { title: 'Unsubscribed', message: 'You will get no more alerts about this person.' });
  });

  function invalidLink(reply: FastifyReply, kind: string) {
    return page(reply, 'message', { title: 'This link does not work', message: `This ${kind} link is unknown, expired or already used.` }, 400);
  }
}
