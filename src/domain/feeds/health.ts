/**
 * Per-feed health, as pure functions on plain data (the store persists it; the admin API shows it).
 *
 * - Success resets the failure streak. Failure backs off exponentially from the feed's interval
 *   (interval × 2^(failures−1), ±20 % jitter so feeds failing together spread out), capped at
 *   MAX_BACKOFF_SECONDS (6 h); a server's Retry-After is honoured when longer (up to 24 h).
 * - The first failure retries at the normal interval (one blip should not delay a feed).
 * - A feed is flagged (one admin email) when it has been failing, or silent (no new item), for
 *   FLAG_AFTER_MS (24 h), and it has not been flagged since it last recovered. Recovery means a
 *   poll that brought new items: only that clears `flaggedAt`, so a flaky or quiet feed produces
 *   one email, not one per poll.
 *
 * Every function is generic over the record, so a store's richer state (etag, ...) passes through.
 */

export interface FeedHealth {
  lastFetchedAt: string | null;
  /** HTTP status of the last poll ("200", "304", "429"...) or "error" when there was none. */
  lastStatus: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  itemsSeen: number;
  /** While backing off: the earliest time to poll again. null: poll on schedule. */
  nextPollAt: string | null;
  lastSuccessAt: string | null;
  lastNewItemAt: string | null;
  flaggedAt: string | null;
  /** Start of the current failure streak (optional: older records fall back to lastSuccessAt). */
  failingSince?: string | null;
  /** First poll of the feed, whatever its outcome (optional: used to judge a never-yielding feed). */
  firstFetchedAt?: string | null;
}

export const MAX_BACKOFF_SECONDS = 6 * 3600;
export const MAX_RETRY_AFTER_SECONDS = 24 * 3600;
export const FLAG_AFTER_MS = 24 * 3600 * 1000;
const JITTER = 0.2;

export function emptyHealth(): FeedHealth {
  return {
    lastFetchedAt: null,
    lastStatus: null,
    lastError: null,
    consecutiveFailures: 0,
    itemsSeen: 0,
    nextPollAt: null,
    lastSuccessAt: null,
    lastNewItemAt: null,
    flaggedAt: null,
    failingSince: null,
    firstFetchedAt: null,
  };
}

export interface SuccessInput {
  now: Date;
  /** 200, 304... */
  status: number;
  /** Items not seen before in this poll. */
  newItems: number;
}

export function afterSuccess<T extends FeedHealth>(h: T, { now, status, newItems }: SuccessInput): T {
  const at = now.toISOString();
  return {
    ...h,
    lastFetchedAt: at,
    lastStatus: String(status),
    lastError: null,
    consecutiveFailures: 0,
    itemsSeen: h.itemsSeen + Math.max(0, newItems),
    nextPollAt: null,
    lastSuccessAt: at,
    lastNewItemAt: newItems > 0 ? at : h.lastNewItemAt,
    flaggedAt: newItems > 0 ? null : h.flaggedAt,
    failingSince: null,
    firstFetchedAt: h.firstFetchedAt ?? at,
  };
}

export interface FailureInput {
  now: Date;
  /** Shown to admins, e.g. FetchError.reason or FeedParseError.message. */
  reason: string;
  /** HTTP status when the server answered. */
  status?: number;
  retryAfterSeconds?: number;
  /** The feed's normal poll interval. */
  intervalSeconds: number;
  /** For tests; default Math.random. */
  random?: () => number;
}

/** Seconds to wait before the next attempt after `failures` consecutive failures. */
export function backoffSeconds(
  failures: number,
  intervalSeconds: number,
  retryAfterSeconds?: number,
  random: () => number = Math.random,
): number {
  const interval = Math.max(1, intervalSeconds);
  const exp = interval * 2 ** Math.min(Math.max(failures - 1, 0), 30);
  const jittered = exp * (1 - JITTER + 2 * JITTER * random());
  let delay = Math.min(MAX_BACKOFF_SECONDS, Math.max(interval, jittered));
  if (retryAfterSeconds !== undefined && retryAfterSeconds > 0) {
    delay = Math.max(delay, Math.min(retryAfterSeconds, MAX_RETRY_AFTER_SECONDS));
  }
  return Math.round(delay);
}

export function afterFailure<T extends FeedHealth>(h: T, f: FailureInput): T {
  const at = f.now.toISOString();
  const failures = h.consecutiveFailures + 1;
  const delay = backoffSeconds(failures, f.intervalSeconds, f.retryAfterSeconds, f.random);
  return {
    ...h,
    lastFetchedAt: at,
    lastStatus: f.status !== undefined ? String(f.status) : 'error',
    lastError: f.reason,
    consecutiveFailures: failures,
    // The first failure (without Retry-After) retries on schedule: one blip should not delay a feed.
    nextPollAt:
      failures === 1 && !(f.retryAfterSeconds && f.retryAfterSeconds > 0)
        ? null
        : new Date(f.now.getTime() + delay * 1000).toISOString(),
    failingSince: h.consecutiveFailures > 0 ? (h.failingSince ?? h.lastSuccessAt ?? at) : at,
    firstFetchedAt: h.firstFetchedAt ?? at,
  };
}

/**
 * Whether a scheduled poll should run now. Only a backoff delays a feed: a healthy feed is
 * always due (its schedule decides), so a scheduler tick landing a moment early is not skipped.
 */
export function isDue(h: FeedHealth, now: Date): boolean {
  if (!h.nextPollAt) return true;
  const at = Date.parse(h.nextPollAt);
  return Number.isNaN(at) || now.getTime() >= at;
}

export type FlagReason = 'failing' | 'silent';

/** Why the feed needs an admin's attention now, or null. Ignores whether it was already flagged. */
export function flagReason(h: FeedHealth, now: Date): FlagReason | null {
  const since = (iso: string | null | undefined) => (iso ? now.getTime() - Date.parse(iso) : NaN);
  if (h.consecutiveFailures > 0) {
    const failingFor = since(h.failingSince ?? h.lastSuccessAt ?? h.firstFetchedAt);
    return failingFor >= FLAG_AFTER_MS ? 'failing' : null;
  }
  const quietFor = since(h.lastNewItemAt ?? h.firstFetchedAt ?? h.lastSuccessAt);
  return quietFor >= FLAG_AFTER_MS ? 'silent' : null;
}

/** True once per trouble: failing or silent for 24 h and not flagged since it last recovered. */
export function shouldFlag(h: FeedHealth, now: Date): boolean {
  return h.flaggedAt === null && flagReason(h, now) !== null;
}

export function markFlagged<T extends FeedHealth>(h: T, now: Date): T {
  return { ...h, flaggedAt: now.toISOString() };
}
