import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Person, PersonInput } from '../../domain/model.js';
import type { RedisKeys } from './keys.js';
import { getJson, mgetJson } from './json.js';

/** The watchlist. Every change bumps a version counter, which workers watch to rebuild their matcher. */
export class PersonStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async create(input: PersonInput, now = new Date()): Promise<Person> {
    const person: Person = {
      id: randomBytes(8).toString('hex'),
      name: input.name.trim(),
      aliases: clean(input.aliases),
      context: clean(input.context),
      country: input.country?.trim() || null,
      notes: input.notes ?? null,
      public: input.public ?? true,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await this.redis
      .multi()
      .set(this.keys.person(person.id), JSON.stringify(person))
      .sadd(this.keys.persons, person.id)
      .incr(this.keys.watchlistVersion)
      .exec();
    return person;
  }

  async get(id: string): Promise<Person | null> {
    return getJson<Person>(this.redis, this.keys.person(id));
  }

  async list(): Promise<Person[]> {
    const ids = await this.redis.smembers(this.keys.persons);
    return (await mgetJson<Person>(this.redis, ids.map((id) => this.keys.person(id)))).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  async update(id: string, patch: Partial<PersonInput>, now = new Date()): Promise<Person | null> {
    const current = await this.get(id);
    if (!current) return null;
    const next: Person = {
      ...current,
      ...(patch.name !== undefined && { name: patch.name.trim() }),
      ...(patch.aliases !== undefined && { aliases: clean(patch.aliases) }),
      ...(patch.context !== undefined && { context: clean(patch.context) }),
      ...(patch.country !== undefined && { country: patch.country?.trim() || null }),
      ...(patch.notes !== undefined && { notes: patch.notes }),
      ...(patch.public !== undefined && { public: patch.public }),
      updatedAt: now.toISOString(),
    };
    await this.redis.multi().set(this.keys.person(id), JSON.stringify(next)).incr(this.keys.watchlistVersion).exec();
    return next;
  }

  /** Removes the person and every subscription to them; their pending alerts then find no person and are dropped. */
  async delete(id: string): Promise<boolean> {
    const subscribers = await this.redis.smembers(this.keys.personSubscribers(id));
    const tx = this.redis
      .multi()
      .del(this.keys.person(id))
      .srem(this.keys.persons, id)
      .del(this.keys.personSubscribers(id))
      .incr(this.keys.watchlistVersion);
    for (const sid of subscribers) tx.srem(this.keys.subscriberPersons(sid), id);
    const results = await tx.exec();
    return results?.[0]?.[1] === 1;
  }

  async version(): Promise<number> {
    return Number((await this.redis.get(this.keys.watchlistVersion)) ?? 0);
  }
}

function clean(values: string[] | undefined): string[] {
  return [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];
}
