/**
 * Everything a role needs, opened once per process from the Config: Redis connections, stores,
 * queues, the mailer and the templates. Roles (api, worker, scheduler) take what they use.
 */
import path from 'node:path';
import { Queue, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { QUEUE, type JobPayloads, type QueueName } from './queues.js';
import { redisKeys, type RedisKeys } from './adapters/redis/keys.js';
import { PersonStore } from './adapters/redis/person-store.js';
import { FeedStore } from './adapters/redis/feed-store.js';
import { ItemStore } from './adapters/redis/item-store.js';
import { AlertStore } from './adapters/redis/alert-store.js';
import { SubscriptionStore } from './adapters/redis/subscription-store.js';
import { createMailer, type Mailer } from './adapters/mail/mailer.js';
import { loadTemplates } from './adapters/templates.js';
import type { TemplateRenderer } from './domain/emails/render.js';

export type Queues = { [K in QueueName]: Queue<JobPayloads[K]> };

export interface Services {
  config: Config;
  log: Logger;
  redis: Redis;
  keys: RedisKeys;
  persons: PersonStore;
  feeds: FeedStore;
  items: ItemStore;
  alerts: AlertStore;
  subscriptions: SubscriptionStore;
  queues: Queues;
  /** For BullMQ workers, which need connections of their own. */
  connection: () => ConnectionOptions;
  bullPrefix: string;
  mailer: Mailer;
  templates: TemplateRenderer;
  close(): Promise<void>;
}

const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export async function openServices(config: Config, log: Logger, redisUrl: string): Promise<Services> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  redis.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  const keys = redisKeys(config.redisPrefix);
  const bullPrefix = keys.bull;
  const queues = Object.fromEntries(
    Object.values(QUEUE).map((name) => [
      name,
      new Queue(name, { connection: redis, prefix: bullPrefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
    ]),
  ) as unknown as Queues;
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    outboxDir: path.join(config.dataDir, 'outbox'),
  });
  return {
    config,
    log,
    redis,
    keys,
    persons: new PersonStore(redis, keys),
    feeds: new FeedStore(redis, keys),
    items: new ItemStore(redis, keys),
    alerts: new AlertStore(redis, keys),
    subscriptions: await SubscriptionStore.open(redis, keys),
    queues,
    // Options, not a client: BullMQ then owns (and closes) each worker's connections.
    connection: () => ({ url: redisUrl, maxRetriesPerRequest: null }),
    bullPrefix,
    mailer,
    templates: loadTemplates(),
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
      mailer.close();
      redis.disconnect();
    },
  };
}

