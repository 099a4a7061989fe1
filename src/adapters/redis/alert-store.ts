import type { Redis } from 'ioredis';
import type { Alert } from '../../domain/model.js';
import type { Mention } from '../../domain/matching/index.js';
import type { RedisKeys } from './keys.js';
import { getJson, mgetJson } from './json.js';

const REVIEW_KEEP = 1000;

export class AlertStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  /** Stores the alert unless one with its id exists; true when this call created it. */
  async create(alert: Alert): Promise<boolean> {
    const created = await this.redis.set(this.keys.alert(alert.id), JSON.stringify(alert), 'NX');
    // Index even when it existed: a run that crashed between the two steps is completed by its retry.
    const score = Date.parse(alert.createdAt);
    await this.redis
      .multi()
      .zadd(this.keys.alerts, 'NX', score, alert.id)
      .zadd(this.keys.personAlerts(alert.personId), 'NX', score, alert.id)
      .exec();
    return created === 'OK';
  }

  async get(id: string): Promise<Alert | null> {
    return getJson<Alert>(this.redis, this.keys.alert(id));
  }

  async list(opts: { personId?: string; limit: number }): Promise<Alert[]> {
    const index = opts.personId ? this.keys.personAlerts(opts.personId) : this.keys.alerts;
    const ids = await this.redis.zrevrange(index, 0, opts.limit - 1);
    return mgetJson<Alert>(this.redis, ids.map((id) => this.keys.alert(id)));
  }

  /** Mentions too unsure to alert on, kept (once per item and person) for an admin to look at. */
  async addForReview(mention: Mention, now = new Date()): Promise<void> {
    const member = `${mention.itemId}|${mention.personId}`;
    await this.redis
      .multi()
      .zadd(this.keys.reviews, 'NX', now.getTime(), member)
      .hsetnx(this.keys.reviewDetails, member, JSON.stringify({ ...mention, at: now.toISOString() }))
      .exec();
    // Keep the newest REVIEW_KEEP.
    const excess = (await this.redis.zcard(this.keys.reviews)) - REVIEW_KEEP;
    if (excess > 0) {
      const old = await this.redis.zrange(this.keys.reviews, '0', String(excess - 1));
      await this.redis.multi().zrem(this.keys.reviews, ...old).hdel(this.keys.reviewDetails, ...old).exec();
    }
  }

  async listForReview(limit: number): Promise<(Mention & { at: string })[]> {
    const members = await this.redis.zrevrange(this.keys.reviews, 0, limit - 1);
    if (members.length === 0) return [];
    const raws = await this.redis.hmget(this.keys.reviewDetails, ...members);
    return raws.filter((r): r is string => r !== null).map((r) => JSON.parse(r) as Mention & { at: string });
  }
}
