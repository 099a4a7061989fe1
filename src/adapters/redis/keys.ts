/** Every Redis key Vigil writes, under one prefix, so instances and tests can share a server. */
export function redisKeys(prefix: string) {
  const k = (...parts: string[]) => [prefix, ...parts].join(':');
  return {
    secret: k('secret'),
    persons: k('persons'),
    person: (id: string) => k('person', id),
    watchlistVersion: k('watchlist', 'version'),
    feeds: k('feeds'),
    feed: (id: string) => k('feed', id),
    feedHealth: (id: string) => k('feed', id, 'health'),
    feedSeen: (id: string) => k('feed', id, 'seen'),
    item: (id: string) => k('item', id),
    alert: (id: string) => k('alert', id),
    alerts: k('alerts'),
    personAlerts: (personId: string) => k('person', personId, 'alerts'),
    reviews: k('reviews'),
    reviewDetails: k('reviews', 'details'),
    pending: (tokenHash: string) => k('pending', tokenHash),
    confirmationsSent: (subscriberId: string) => k('subscriber', subscriberId, 'confirmations'),
    subscriber: (id: string) => k('subscriber', id),
    subscriberPersons: (id: string) => k('subscriber', id, 'persons'),
    personSubscribers: (personId: string) => k('person', personId, 'subscribers'),
    sent: (alertId: string, subscriberId: string) => k('sent', alertId, subscriberId),
    lock: (name: string) => k('lock', name),
    /** BullMQ's own prefix. */
    bull: k('bull'),
  };
}
export type RedisKeys = ReturnType<typeof redisKeys>;
