import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A short lease, so two workers never perform the same effect at once (a stalled job re-run while
 * its first run still sends). Returns a release function, or null when someone else holds it.
 */
export async function acquireLease(redis: Redis, key: string, ttlMs: number): Promise<(() => Promise<void>) | null> {
  const owner = randomBytes(8).toString('hex');
  const ok = await redis.set(key, owner, 'PX', ttlMs, 'NX');
  if (ok !== 'OK') return null;
  return async () => {
    await redis.eval("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0", 1, key, owner);
  };
}
