/**
 * Poll worker: fetch one feed, parse it, store each new item and queue it for matching.
 * Order matters for "nothing lost": items are stored and their match jobs queued (with deterministic
 * ids) before they are marked seen, so a crash in between re-queues them on the next poll, and the
 * deterministic alert ids downstream make that repeat harmless.
 */
import type { Job } from 'bullmq';
import { fetchUrl, FetchError, ARTICLE_ACCEPT, type FetchOptions } from '../src/adapters/fetch/fetch-url.js';
import { parseFeed, FeedParseError } from '../src/domain/feeds/parse-feed.js';
import { itemKey } from '../src/domain/items/item-key.js';
import { isRecentForFirstPoll } from '../src/domain/items/recent.js';
import type { FeedState } from '../src/adapters/redis/feed-store.js';
import { afterFailure, afterSuccess, flagReason, isDue, markFlagged, shouldFlag } from '../src/domain/feeds/health.js';
import { decodeHtml, extractArticleText } from '../src/domain/feeds/extract-article.js';
import { renderFeedFlagEmail } from '../src/domain/emails/render.js';
import { acquireLease } from '../src/adapters/redis/lock.js';
import type { Feed, Item } from '../src/domain/model.js';
import { jobId, type PollJob } from '../src/queues.js';
import type { Services } from '../src/services.js';
import { unscheduleFeed } from '../src/scheduling/feed-schedules.js';

/** Article pages fetched per poll at most; beyond it (a feed's first poll, a burst) the feed's text stands in. */
const MAX_ARTICLES_PER_POLL = 25;

export function userAgent(publicUrl: string): string {
  return `Vigil/0.1 (urgent-action alerts; +${publicUrl})`;
}

export async function processPollJob(s: Services, job: Job<PollJob>): Promise<void> {
  await pollFeed(s, job.data.feedId, new Date());
}

/** Returns the feed's new state, or null when there was nothing to poll (deleted, or polled by another worker right now). */
export async function pollFeed(s: Services, feedId: string, now: Date): Promise<FeedState | null> {
  const feed = await s.feeds.get(feedId);
  if (!feed) {
    // The feed was deleted while its scheduler still held a job.
    await unscheduleFeed(s.queues, feedId);
    return null;
  }
  // One poll of a feed at a time, whichever worker holds its job.
  const release = await acquireLease(s.redis, s.keys.lock(`poll-${feedId}`), 5 * 60_000);
  if (!release) return null;
  try {
    return await pollLocked(s, feed, now);
  } finally {
    await release();
  }
}

async function pollLocked(s: Services, feed: Feed, now: Date): Promise<FeedState> {
  const state = await s.feeds.getState(feed.id);
  if (!isDue(state, now)) return state; // backing off
  const log = s.log.child({ feedId: feed.id });
  const fetchOptions = {
    allowPrivate: s.config.allowPrivateFeeds,
    userAgent: userAgent(s.config.publicUrl),
    timeoutMs: s.config.fetchTimeoutSeconds * 1000,
  };

  let next: FeedState;
  try {
    const res = await fetchUrl(feed.url, { etag: state.etag, lastModified: state.lastModified }, fetchOptions);
    if (res.permanentUrl && res.permanentUrl !== feed.url) {
      log.info({ from: feed.url, to: res.permanentUrl }, 'feed moved permanently; URL updated');
      await s.feeds.update(feed.id, { url: res.permanentUrl });
    }
    if (res.notModified) {
      next = afterSuccess(state, { now, status: 304, newItems: 0 });
    } else {
      const parsed = await parseFeed(res.body, res.contentType, res.finalUrl);
      const fresh = await storeNewItems(s, feed, state, parsed.items, now, fetchOptions);
      next = afterSuccess({ ...state, etag: res.etag, lastModified: res.lastModified }, { now, status: res.status, newItems: fresh });
      if (!state.firstPolledAt) next.firstPolledAt = now.toISOString();
      log.info({ items: parsed.items.length, new: fresh }, 'feed polled');
    }
  } catch (err) {
    // Any failure stays with this feed: recorded in its health, never thrown at the others.
    if (!(err instanceof FetchError) && !(err instanceof FeedParseError)) {
      log.error({ err }, 'unexpected error while polling');
    }
    const reason = err instanceof Error ? err.message : String(err);
    const status = err instanceof FetchError ? err.status : undefined;
    const retryAfterSeconds = err instanceof FetchError ? err.retryAfterSeconds : undefined;
    next = afterFailure(state, { now, reason, status, retryAfterSeconds, intervalSeconds: feed.intervalSeconds });
    log.warn({ reason, failures: next.consecutiveFailures, nextPollAt: next.nextPollAt }, 'feed poll failed');
  }
  if (shouldFlag(next, now)) {
    await flagToAdmin(s, feed, next, now);
    next = markFlagged(next, now);
  }
  await s.feeds.setState(feed.id, next);
  return next;
}

/** One notice per trouble (health decides when), to ADMIN_EMAIL when it is set. */
async function flagToAdmin(s: Services, feed: Feed, health: FeedState, now: Date): Promise<void> {
  const reason = flagReason(health, now);
  const problem =
    reason === 'failing'
      ? `It has failed every poll since ${health.failingSince ?? health.lastSuccessAt ?? 'it was added'}. Last error: ${health.lastError ?? 'unknown'}.`
      : `It has brought no new item since ${health.lastNewItemAt ?? health.firstFetchedAt ?? 'it was added'}.`;
  s.log.warn({ feedId: feed.id, reason }, 'feed flagged for admins');
  if (!s.config.adminEmail) return;
  const email = renderFeedFlagEmail(s.templates, { feed, problem, publicUrl: s.config.publicUrl });
  await s.mailer.send({ to: s.config.adminEmail, ...email, headers: { 'X-Vigil-Feed': feed.id } });
}

async function storeNewItems(
  s: Services,
  feed: Feed,
  state: FeedState,
  parsedItems: Awaited<ReturnType<typeof parseFeed>>['items'],
  now: Date,
  fetchOptions: FetchOptions,
): Promise<number> {
  const keyed = new Map(parsedItems.map((it) => [itemKey(feed.id, it), it]));
  const unseen = await s.feeds.unseen(feed.id, [...keyed.keys()]);
  const toMatch = unseen.filter((id) => state.firstPolledAt || isRecentForFirstPoll(keyed.get(id)?.publishedAt, now));
  let articlesLeft = MAX_ARTICLES_PER_POLL;
  for (const id of toMatch) {
    const it = keyed.get(id)!;
    const readInFull = feed.fullText && it.link && articlesLeft-- > 0;
    const item: Item = {
      id,
      feedId: feed.id,
      url: it.link ?? null,
      title: it.title,
      text: readInFull ? ((await articleText(it.link!, fetchOptions)) ?? it.text) : it.text,
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

async function articleText(url: string, opts: FetchOptions): Promise<string | null> {
  try {
    const res = await fetchUrl(url, {}, { ...opts, accept: ARTICLE_ACCEPT, maxBytes: 5 * 1024 * 1024 });
    if (res.notModified || !/html/i.test(res.contentType ?? 'text/html')) return null;
    return extractArticleText(decodeHtml(res.body, res.contentType), res.finalUrl);
  } catch {
    return null; // the feed's own text stands in
  }
}
