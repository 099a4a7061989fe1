/**
 * Poll worker: fetch one feed, parse it, store each new item and queue it for matching.
 * Order matters for "nothing lost": items are stored and their match jobs queued (with deterministic
 * ids) before they are marked seen, so a crash in between re-queues them on the next poll, and the
 * deterministic alert ids downstream make that repeat harmless.
 */
import type { Job } from 'bullmq';
import { fetchUrl, FetchError, ARTICLE_ACCEPT } from '../src/adapters/fetch/fetch-url.js';
import { parseFeed, FeedParseError } from '../src/domain/feeds/parse-feed.js';
import { itemKey } from '../src/domain/items/item-key.js';
import { isRecentForFirstPoll } from '../src/domain/items/recent.js';
import type { FeedState } from '../src/adapters/redis/feed-store.js';
import type { Feed, Item } from '../src/domain/model.js';
import { jobId, type PollJob } from '../src/queues.js';
import type { Services } from '../src/services.js';
import { unscheduleFeed } from '../src/scheduling/feed-schedules.js';

export function userAgent(publicUrl: string): string {
  return `Vigil/0.1 (urgent-action alerts; +${publicUrl})`;
}

export async function processPollJob(s: Services, job: Job<PollJob>): Promise<void> {
  await pollFeed(s, job.data.feedId, new Date());
}

export async function pollFeed(s: Services, feedId: string, now: Date): Promise<FeedState | null> {
  const feed = await s.feeds.get(feedId);
  if (!feed) {
    // The feed was deleted while its scheduler still held a job.
    await unscheduleFeed(s.queues, feedId);
    return null;
  }
  const state = await s.feeds.getState(feedId);
  if (state.nextPollAt && Date.parse(state.nextPollAt) > now.getTime()) return state; // backing off
  const log = s.log.child({ feedId });
  const fetchOptions = { allowPrivate: s.config.allowPrivateFeeds, userAgent: userAgent(s.config.publicUrl) };

  let next: FeedState;
  try {
    const res = await fetchUrl(feed.url, { etag: state.etag, lastModified: state.lastModified }, fetchOptions);
    if (res.permanentUrl && res.permanentUrl !== feed.url) {
      log.info({ from: feed.url, to: res.permanentUrl }, 'feed moved permanently; URL updated');
      await s.feeds.update(feed.id, { url: res.permanentUrl });
    }
    if (res.notModified) {
      next = succeeded(state, now, '304', 0);
    } else {
      const parsed = await parseFeed(res.body, res.contentType, res.finalUrl);
      const fresh = await storeNewItems(s, feed, state, parsed.items, now, fetchOptions);
      next = succeeded({ ...state, etag: res.etag, lastModified: res.lastModified }, now, String(res.status), fresh);
      if (!state.firstPolledAt) next.firstPolledAt = now.toISOString();
      log.info({ items: parsed.items.length, new: fresh }, 'feed polled');
    }
  } catch (err) {
    if (!(err instanceof FetchError) && !(err instanceof FeedParseError)) throw err;
    next = failed(state, now, err, feed.intervalSeconds);
    log.warn({ reason: err.message, failures: next.consecutiveFailures, nextPollAt: next.nextPollAt }, 'feed poll failed');
  }
  await s.feeds.setState(feed.id, next);
  return next;
}

async function storeNewItems(
  s: Services,
  feed: Feed,
  state: FeedState,
  parsedItems: Awaited<ReturnType<typeof parseFeed>>['items'],
  now: Date,
  fetchOptions: { allowPrivate: boolean; userAgent: string },
): Promise<number> {
  const keyed = new Map(parsedItems.map((it) => [itemKey(feed.id, it), it]));
  const unseen = await s.feeds.unseen(feed.id, [...keyed.keys()]);
  const toMatch = unseen.filter((id) => state.firstPolledAt || isRecentForFirstPoll(keyed.get(id)?.publishedAt, now));
  for (const id of toMatch) {
    const it = keyed.get(id)!;
    const item: Item = {
      id,
      feedId: feed.id,
      url: it.link ?? null,
      title: it.title,
      text: feed.fullText && it.link ? ((await articleText(it.link, fetchOptions)) ?? it.text) : it.text,
      publishedAt: it.publishedAt ?? null,
      fetchedAt: now.toISOString(),
    };
    await s.items.save(item);
  }
  if (toMatch.length > 0) {
    await s.queues.match.addBulk(toMatch.map((itemId) => ({ name: 'match', data: { itemId }, opts: { jobId: jobId.match(itemId) } })));
  }
  await s.feeds.markSeen(feed.id, unseen, now);
  return unseen.length;
}

async function articleText(url: string, opts: { allowPrivate: boolean; userAgent: string }): Promise<string | null> {
  try {
    const res = await fetchUrl(url, {}, { ...opts, accept: ARTICLE_ACCEPT, maxBytes: 5 * 1024 * 1024, timeoutMs: 20_000 });
    if (res.notModified) return null;
    const { extractArticleText } = await import('../src/domain/feeds/extract-article.js');
    return extractArticleText(res.body.toString('utf8'), res.finalUrl);
  } catch {
    return null; // the feed's own text stands in
  }
}

function succeeded(state: FeedState, now: Date, status: string, newItems: number): FeedState {
  return {
    ...state,
    lastFetchedAt: now.toISOString(),
    lastStatus: status,
    lastError: null,
    consecutiveFailures: 0,
    itemsSeen: state.itemsSeen + newItems,
    nextPollAt: null,
    lastSuccessAt: now.toISOString(),
    lastNewItemAt: newItems > 0 ? now.toISOString() : state.lastNewItemAt,
  };
}

function failed(state: FeedState, now: Date, err: Error & { status?: number; retryAfterSeconds?: number }, intervalSeconds: number): FeedState {
  const failures = state.consecutiveFailures + 1;
  const backoffSeconds = Math.max(err.retryAfterSeconds ?? 0, Math.min(intervalSeconds * 2 ** (failures - 1), 6 * 3600));
  return {
    ...state,
    lastFetchedAt: now.toISOString(),
    lastStatus: err.status ? String(err.status) : 'error',
    lastError: err.message,
    consecutiveFailures: failures,
    nextPollAt: failures > 1 || err.retryAfterSeconds ? new Date(now.getTime() + backoffSeconds * 1000).toISOString() : null,
  };
}
