/**
 * One BullMQ job scheduler per feed. The schedulers live in Redis, so any number of processes
 * share them and a feed is polled once per interval however many schedulers or workers run.
 */
import type { Feed } from '../domain/model.js';
import { jobId } from '../queues.js';
import type { Queues } from '../services.js';
import type { FeedStore } from '../adapters/redis/feed-store.js';

export async function scheduleFeed(queues: Queues, feed: Pick<Feed, 'id' | 'intervalSeconds'>): Promise<void> {
  await queues.poll.upsertJobScheduler(
    jobId.pollScheduler(feed.id),
    { every: feed.intervalSeconds * 1000 },
    {
      name: 'poll',
      data: { feedId: feed.id },
      // A failed poll is not retried: the next interval polls again, and backoff lives in FeedHealth.
      opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
    },
  );
}

export async function unscheduleFeed(queues: Queues, feedId: string): Promise<void> {
  await queues.poll.removeJobScheduler(jobId.pollScheduler(feedId));
}

/** Makes the schedulers match the feeds: safe at every start and on any number of processes. */
export async function reconcileSchedules(queues: Queues, feeds: FeedStore): Promise<{ scheduled: number; removed: number }> {
  const all = await feeds.list();
  const wanted = new Map(all.map((f) => [jobId.pollScheduler(f.id), f]));
  const existing = await queues.poll.getJobSchedulers(0, -1);
  let removed = 0;
  for (const s of existing) {
    const feed = wanted.get(s.key);
    if (!feed) {
      await queues.poll.removeJobScheduler(s.key);
      removed++;
    } else if (Number(s.every) === feed.intervalSeconds * 1000) {
      wanted.delete(s.key);
    }
  }
  for (const feed of wanted.values()) await scheduleFeed(queues, feed);
  return { scheduled: wanted.size, removed };
}
