import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { inject } from 'vitest';

/** URL of the run's private Redis. */
export const testRedisUrl = (): string => inject('redisUrl');

/** A key prefix of its own for each test, so files and tests never see each other's keys. */
export const testPrefix = (): string => `t${randomBytes(6).toString('hex')}`;

export function testRedis(): Redis {
  return new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
}
