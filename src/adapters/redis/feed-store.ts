import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Feed } from '../../domain/model.js';
import type { RedisKeys } from './keys.js';
import { getJson, mgetJson } from './json.js';
import { emptyHealth, type FeedHealth } from '../../domain/feeds/health.js';

/** What the poller remembers between polls of one feed: its health and its conditional-GET state. */
export interface FeedState extends FeedHealth {
  etag?: string;
  lastModified?: string;
  /** Unset until the first successful parse: that poll alerts only on recent items. */
  firstPolledAt?: string;
}

export const emptyFeedState = (): FeedState => emptyHealth();

export class FeedStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    /** How long an item's identity is remembered as seen. */
    private readonly seenRetentionMs = 90 * 24 * 3600 * 1000,
  ) {}

  async create(input: { url: string; intervalSeconds: number; fullText?: boolean }, now = new Date()): Promise<Feed> {
    const feed: Feed = {
      id: randomBytes(8).toString('hex'),
      url: input.url,
      intervalSeconds: input.intervalSeconds,
      fullText: input.fullText ?? false,
      createdAt: now.toISOString(),
    };
    await this.redis.multi().set(this.keys.feed(feed.id), JSON.stringify(feed)).sadd(this.keys.feeds, feed.id).exec();
    return feed;
  }

  async get(id: string): Promise<Feed | null> {
    return getJson<Feed>(this.redis, this.keys.feed(id));
  }

  async list(): Promise<Feed[]> {
    const ids = await this.redis.smembers(this.keys.feeds);
    return (await mgetJson<Feed>(this.redis, ids.map((id) => this.keys.feed(id)))).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async update(id: string, patch: Partial<Pick<Feed, 'url' | 'intervalSeconds' | 'fullText'>>): Promise<Feed | null> {
    const current = await this.get(id);
    if (!current) return null;
    const next = { ...current, ...patch };
    await this.redis.set(this.keys.feed(id), JSON.stringify(next));
    return next;
  }

  async delete(id: string): Promise<boolean> {
    const res = await this.redis
      .multi()
      .del(this.keys.feed(id))
      .srem(this.keys.feeds, id)
      .del(this.keys.feedHealth(id), this.keys.feedSeen(id))
      .exec();
    return res?.[0]?.[1] === 1;
  }

  async getState(id: string): Promise<FeedState> {
    return (await this.getStates([id]))[0]!;
  }

  async getStates(ids: string[]): Promise<FeedState[]> {
    if (ids.length === 0) return [];
    const raws = await this.redis.mget(ids.map((id) => this.keys.feedHealth(id)));
    return raws.map((raw) => (raw ? { ...emptyFeedState(), ...(JSON.parse(raw) as Partial<FeedState>) } : emptyFeedState()));
  }

  async setState(id: string, state: FeedState): Promise<void> {
    // Only while the feed exists: a poll finishing after a delete must not resurrect its keys.
    await this.redis.eval(
      "if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('SET', KEYS[2], ARGV[1]) end return 1",
      2,
      this.keys.feed(id),
      this.keys.feedHealth(id),
      JSON.stringify(state),
    );
  }

  /** The ids among `itemIds` this feed has not seen within the retention period. */
  async unseen(feedId: string, itemIds: string[]): Promise<string[]> {
    if (itemIds.length === 0) return [];
    const scores = await this.redis.zmscore(this.keys.feedSeen(feedId), ...itemIds);
    return itemIds.filter((_, i) => scores[i] === null);
  }

  /** Marks items seen (after their match jobs are safely queued) and forgets those past retention. */
  async markSeen(feedId: string, itemIds: string[], now = new Date()): Promise<void> {
    const key = this.keys.feedSeen(feedId);
    const tx = this.redis.multi();
    if (itemIds.length > 0) tx.zadd(key, 'NX', ...itemIds.flatMap((id) => [now.getTime(), id]));
    tx.zremrangebyscore(key, '-inf', now.getTime() - this.seenRetentionMs);
    await tx.exec();
  }
}
