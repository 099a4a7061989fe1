/**
 * Starts the chosen roles in this process and stops them in order. Used by main.ts and by the
 * end-to-end tests, which run the real thing in-process.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { Redis } from 'ioredis';
import { ConfigError, redactUrl, type Config } from './config.js';
import { openServices, type Services } from './services.js';
import { startRedisServer, type RedisProcess } from './adapters/redis/redis-server.js';
import { buildApp } from './http/app.js';
import { startWorkers } from './roles/worker.js';
import { startScheduler } from './roles/scheduler.js';
import { closeFetchAgents } from './adapters/fetch/fetch-url.js';

export const ROLES = ['api', 'worker', 'scheduler'] as const;
export type Role = (typeof ROLES)[number];

export interface RunningVigil {
  services: Services;
  app: FastifyInstance | null;
  /** Where the API listens, when the api role runs. */
  url: string | null;
  adminToken: string;
  stop(): Promise<void>;
}

/** A Redis that does not answer should stop the start with a clear line, not hang it. */
async function assertRedisAnswers(url: string): Promise<void> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 1, retryStrategy: () => null });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
  } catch (err) {
    throw new Error(`Redis at ${redactUrl(url)} does not answer (${(err as Error).message}); check REDIS_URL`, { cause: err });
  } finally {
    probe.disconnect();
  }
}

export async function startVigil(config: Config, log: Logger, roles: readonly Role[] = ROLES): Promise<RunningVigil> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const fn of stops.reverse()) {
      try {
        await fn();
      } catch (err) {
        log.warn({ err: (err as Error).message }, 'error while stopping');
      }
    }
  };
  try {
    let redisUrl = config.redisUrl;
    if (!redisUrl && roles.length < ROLES.length) {
      // Processes of single roles must share one Redis; a private one each would split them apart.
      throw new ConfigError('REDIS_URL', `must be set when running only --role ${roles.join(', ')}: the roles share one Redis`);
    }
    if (!redisUrl) {
      const dir = path.join(config.dataDir, 'redis');
      const redis: RedisProcess = await startRedisServer({ dir, persistent: true });
      stops.push(() => redis.stop());
      log.info({ dir, url: redis.url }, 'started a private, persistent redis-server (set REDIS_URL to use your own)');
      redisUrl = redis.url;
    }
    await assertRedisAnswers(redisUrl);
    const services = await openServices(config, log, redisUrl);
    stops.push(() => services.close());
    stops.push(() => closeFetchAgents());
    if (!config.smtpUrl) log.info({ outbox: path.join(config.dataDir, 'outbox') }, 'SMTP_URL unset: messages are written as .eml files');

    let adminToken = config.adminToken ?? '';
    let app: FastifyInstance | null = null;
    let url: string | null = null;
    if (roles.includes('scheduler')) {
      const scheduler = await startScheduler(services);
      stops.push(() => scheduler.close());
    }
    if (roles.includes('worker')) {
      const workers = startWorkers(services);
      stops.push(() => workers.close());
    }
    if (roles.includes('api')) {
      if (!adminToken) {
        adminToken = randomBytes(24).toString('base64url');
        // Printed once, on stdout, so the operator can copy it; it is not written anywhere else.
        process.stdout.write(`ADMIN_TOKEN was not set; this run's admin token is: ${adminToken}\n`);
      }
      app = await buildApp(services, { adminToken });
      url = await app.listen({ port: config.port, host: config.host });
      stops.push(() => app!.close());
    }
    log.info({ roles, url }, 'vigil started');
    return { services, app, url, adminToken, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
