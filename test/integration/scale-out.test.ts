/** Several processes share one Redis: no feed is polled twice in an interval, and watchlist edits reach every worker. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { startTestVigil } from '../helpers/vigil.js';
import { WatchlistMatcher } from '../../workers/match.js';

describe('scale-out', () => {
  let feeds: FeedServer;
  let a: Awaited<ReturnType<typeof startTestVigil>>;
  let b: Awaited<ReturnType<typeof startTestVigil>>;
  let c: Awaited<ReturnType<typeof startTestVigil>>;

  beforeAll(async () => {
    feeds = await startFeedServer([{ guid: '1', title: 'Nothing', text: 'Quiet day.', path: '/1', publishedAt: new Date() }]);
    a = await startTestVigil({});
    // Two more processes' worth of schedulers and workers on the same Redis and prefix.
    b = await startTestVigil({ REDIS_PREFIX: a.prefix }, ['scheduler', 'worker']);
    c = await startTestVigil({ REDIS_PREFIX: a.prefix }, ['scheduler', 'worker']);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), c?.stop()]);
    await feeds?.close();
  });

  it('polls a feed once per interval however many schedulers and workers run', { timeout: 30_000 }, async () => {
    const feed = await a.services.feeds.create({ url: feeds.feedUrl, intervalSeconds: 1 });
    // Every process schedules it, as each would at its start.
    const { scheduleFeed } = await import('../../src/scheduling/feed-schedules.js');
    await Promise.all([a, b, c].map((v) => scheduleFeed(v.services.queues, feed)));
    while (feeds.hits() < 5) await new Promise((r) => setTimeout(r, 100));
    const gaps = feeds.hitTimes.slice(1).map((t, i) => t - feeds.hitTimes[i]!);
    // Doubled polls would arrive together; one schedule spaces them by about the interval.
    expect(Math.min(...gaps)).toBeGreaterThan(500);
    expect(await a.services.queues.poll.getJobSchedulersCount()).toBe(1);
  });

  it('refuses to run a single role on a private Redis of its own', async () => {
    const { loadConfig, ConfigError } = await import('../../src/config.js');
    const { startVigil } = await import('../../src/vigil.js');
    const { default: pino } = await import('pino');
    await expect(startVigil(loadConfig({ DATA_DIR: '/tmp/vigil-never' }), pino({ level: 'silent' }), ['worker'])).rejects.toBeInstanceOf(ConfigError);
  });

  it('an admin edit reaches a worker in another process with its next item', async () => {
    const matcherInB = new WatchlistMatcher(b.services);
    const item = { id: 'x', title: 'Yorm Bopha detained', text: 'Police detained Yorm Bopha today.' };
    expect((await matcherInB.current()).match(item)).toHaveLength(0);
    const person = await a.services.persons.create({ name: 'Yorm Bopha' });
    expect((await matcherInB.current()).match(item).map((m) => m.personId)).toEqual([person.id]);
    await a.services.persons.delete(person.id);
    expect((await matcherInB.current()).match(item)).toHaveLength(0);
  });
});
