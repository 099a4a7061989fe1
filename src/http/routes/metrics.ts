/**
 * Prometheus metrics, read from Redis at scrape time so they describe the whole deployment, not
 * this process: queue depths, feed health, watchlist and subscription sizes. Admin-only, since
 * even counts about who follows whom are sensitive.
 */
import type { FastifyInstance } from 'fastify';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { QUEUE } from '../../queues.js';
import type { Services } from '../../services.js';

export async function metricsRoute(app: FastifyInstance, { services: s }: { services: Services }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vigil_process_' });

  new Gauge({
    name: 'vigil_queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      for (const name of Object.values(QUEUE)) {
        const counts = await s.queues[name].getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
        for (const [state, n] of Object.entries(counts)) this.set({ queue: name, state }, n);
      }
    },
  });
  new Gauge({
    name: 'vigil_feeds',
    help: 'Feeds by health',
    labelNames: ['health'],
    registers: [registry],
    async collect() {
      const feeds = await s.feeds.list();
      const states = await s.feeds.getStates(feeds.map((f) => f.id));
      const failing = states.filter((h) => h.consecutiveFailures > 0).length;
      const flagged = states.filter((h) => h.flaggedAt).length;
      this.set({ health: 'ok' }, feeds.length - failing);
      this.set({ health: 'failing' }, failing);
      this.set({ health: 'flagged' }, flagged);
    },
  });
  new Gauge({
    name: 'vigil_watchlist_persons',
    help: 'Persons on the watchlist',
    registers: [registry],
    async collect() {
      this.set(await s.redis.scard(s.keys.persons));
    },
  });
  new Gauge({
    name: 'vigil_alerts_total',
    help: 'Alerts created (kept in the index)',
    registers: [registry],
    async collect() {
      this.set(await s.redis.zcard(s.keys.alerts));
    },
  });

  app.get('/metrics', async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()));
}
