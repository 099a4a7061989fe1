/**
 * The HTTP surface as one fastify plugin tree: external plugins (security headers, forms, rate
 * limits), one error handler, then the admin and public routes.
 */
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { Ajv } from 'ajv';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import type { Services } from '../services.js';
import { adminRoutes } from './routes/admin.js';
import { publicRoutes } from './routes/public.js';

export async function buildApp(s: Services, opts: { adminToken: string }): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: s.log.child({ role: 'api' }) as FastifyBaseLogger,
    trustProxy: true,
  });
  // Query strings and params are text, so they are coerced ("50" → 50); JSON bodies are typed by
  // their sender and must not be ({"name": 42} is an error, not the name "42").
  const coercing = new Ajv({ coerceTypes: 'array', useDefaults: true, removeAdditional: false, allErrors: false });
  const strict = new Ajv({ coerceTypes: false, useDefaults: true, removeAdditional: false, allErrors: false });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));

  // An empty JSON body (a bare POST /confirm from some clients) is no body, not an error.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('The body is not valid JSON.'), { statusCode: 400, code: 'invalid_json' }));
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { 'default-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'form-action': ["'self'"] },
    },
  });
  await app.register(formbody, { bodyLimit: 16 * 1024 });
  await app.register(rateLimit, {
    global: false,
    // Shared through Redis, so the limit holds across any number of api processes.
    redis: s.redis,
    nameSpace: `${s.config.redisPrefix}:ratelimit:`,
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err.validation) {
      const first = err.validation[0];
      const field = first
        ? [err.validationContext, first.instancePath.replace(/^\//, '').replace(/\//g, '.'), (first.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ?? (first.params as { additionalProperty?: string }).additionalProperty]
            .filter(Boolean)
            .join('.')
        : err.validationContext;
      return reply.code(400).send({ error: 'invalid_request', field, message: `${field}: ${first?.message ?? err.message}` });
    }
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err }, 'request failed');
      return reply.code(status).send({ error: 'internal_error', message: 'Something went wrong on our side.' });
    }
    return reply.code(status).send({ error: err.code ?? 'error', message: err.message });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: 'not_found', message: `${req.method} ${req.url} does not exist` }));

  // The API description, generated from the same JSON schemas that validate requests.
  await app.register(swagger, {
    openapi: {
      info: { title: 'Vigil', version: '0.1.0', description: 'Urgent-action alerts: watchlist, feeds, subscriptions.' },
      components: { securitySchemes: { admin: { type: 'http', scheme: 'bearer' } } },
    },
    hideUntagged: false,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(adminRoutes, { prefix: '/api/admin', services: s, adminToken: opts.adminToken });
  await app.register(publicRoutes, { services: s });
  return app;
}
