import type { Redis } from 'ioredis';

/** Records are stored as JSON strings, one key each. */
export async function getJson<T>(redis: Redis, key: string): Promise<T | null> {
  const raw = await redis.get(key);
  return raw ? (JSON.parse(raw) as T) : null;
}

/** The records at `keys` in one round trip, leaving out keys that no longer exist. */
export async function mgetJson<T>(redis: Redis, keys: string[]): Promise<T[]> {
  if (keys.length === 0) return [];
  const raws = await redis.mget(keys);
  return raws.filter((r): r is string => r !== null).map((r) => JSON.parse(r) as T);
}
