import type { Redis } from 'ioredis';
import type { Item } from '../../domain/model.js';
import type { RedisKeys } from './keys.js';
import { getJson } from './json.js';

/** Items are kept only as long as matching and alert rendering may need them. */
export class ItemStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly retentionSeconds = 30 * 24 * 3600,
  ) {}

  async save(item: Item): Promise<void> {
    await this.redis.set(this.keys.item(item.id), JSON.stringify(item), 'EX', this.retentionSeconds);
  }

  async get(id: string): Promise<Item | null> {
    return getJson<Item>(this.redis, this.keys.item(id));
  }
}
