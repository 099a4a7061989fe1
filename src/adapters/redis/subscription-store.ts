/**
 * Subscribers and subscriptions, kept to the minimum: an address is stored only once confirmed and
 * only while it follows someone. Subscribers are known by an HMAC of their address (the id that
 * appears in jobs, logs and markers); tokens are stored hashed, and unsubscribe tokens are signed,
 * so a copy of the database holds no working link.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RedisKeys } from './keys.js';

const PENDING_TTL_SECONDS = 7 * 24 * 3600;
const SENT_MARKER_TTL_SECONDS = 180 * 24 * 3600;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class SubscriptionStore {
  private constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly secret: string,
  ) {}

  /** The instance secret lives in Redis so that every process derives the same ids and tokens. */
  static async open(redis: Redis, keys: RedisKeys): Promise<SubscriptionStore> {
    await redis.set(keys.secret, randomBytes(32).toString('hex'), 'NX');
    const secret = await redis.get(keys.secret);
    if (!secret) throw new Error('could not read the instance secret from Redis');
    return new SubscriptionStore(redis, keys, secret);
  }

  subscriberId(email: string): string {
    return createHmac('sha256', this.secret).update(normaliseEmail(email)).digest('hex').slice(0, 32);
  }

  /** A single-use confirmation token; the address waits, unconfirmed, for at most a week. */
  async createPending(email: string, personId: string): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.redis.set(
      this.keys.pending(sha256(token)),
      JSON.stringify({ email: normaliseEmail(email), personId }),
      'EX',
      PENDING_TTL_SECONDS,
    );
    return token;
  }

  /**
   * Counts a confirmation email to this address; false once it has had `max` in a day, so nobody
   * can use Vigil to flood a stranger's inbox (the answer to the requester stays the same).
   */
  async allowConfirmation(email: string, max = 5): Promise<boolean> {
    const key = this.keys.confirmationsSent(this.subscriberId(email));
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, 24 * 3600, 'NX').exec()) as [[null, number]];
    return count <= max;
  }

  /** Peeks at a pending confirmation without using it (for the GET page). */
  async pendingExists(token: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.pending(sha256(token)))) === 1;
  }

  /** Uses the token; null when it is unknown, expired or already used. */
  async confirm(token: string): Promise<{ subscriberId: string; personId: string } | null> {
    const raw = await this.redis.getdel(this.keys.pending(sha256(token)));
    if (!raw) return null;
    const { email, personId } = JSON.parse(raw) as { email: string; personId: string };
    const subscriberId = this.subscriberId(email);
    await this.redis
      .multi()
      .hset(this.keys.subscriber(subscriberId), 'email', email)
      .sadd(this.keys.subscriberPersons(subscriberId), personId)
      .sadd(this.keys.personSubscribers(personId), subscriberId)
      .exec();
    return { subscriberId, personId };
  }

  unsubscribeToken(subscriberId: string, personId: string): string {
    return `${subscriberId}.${personId}.${this.sign(`${subscriberId}.${personId}`)}`;
  }

  /** Ends one subscription; forgets the address when it follows no one any more. */
  async unsubscribe(token: string): Promise<{ personId: string } | null> {
    const parsed = this.verifyUnsubscribeToken(token);
    if (!parsed) return null;
    const { subscriberId, personId } = parsed;
    await this.redis
      .multi()
      .srem(this.keys.personSubscribers(personId), subscriberId)
      .srem(this.keys.subscriberPersons(subscriberId), personId)
      .exec();
    // Only delete the address if the set is still empty (a concurrent confirm may have just added to it).
    await this.redis.eval(
      "if redis.call('SCARD', KEYS[1]) == 0 then redis.call('DEL', KEYS[2]) end return 1",
      2,
      this.keys.subscriberPersons(subscriberId),
      this.keys.subscriber(subscriberId),
    );
    return { personId };
  }

  verifyUnsubscribeToken(token: string): { subscriberId: string; personId: string } | null {
    const [subscriberId, personId, mac, ...rest] = token.split('.');
    if (!subscriberId || !personId || !mac || rest.length > 0) return null;
    const expected = Buffer.from(this.sign(`${subscriberId}.${personId}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { subscriberId, personId };
  }

  async subscribersOf(personId: string): Promise<string[]> {
    return this.redis.smembers(this.keys.personSubscribers(personId));
  }

  async isSubscribed(subscriberId: string, personId: string): Promise<boolean> {
    return (await this.redis.sismember(this.keys.personSubscribers(personId), subscriberId)) === 1;
  }

  async emailOf(subscriberId: string): Promise<string | null> {
    return this.redis.hget(this.keys.subscriber(subscriberId), 'email');
  }

  async wasSent(alertId: string, subscriberId: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.sent(alertId, subscriberId))) === 1;
  }

  async markSent(alertId: string, subscriberId: string): Promise<void> {
    await this.redis.set(this.keys.sent(alertId, subscriberId), '1', 'EX', SENT_MARKER_TTL_SECONDS);
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(`unsubscribe\n${payload}`).digest('base64url').slice(0, 32);
  }
}
