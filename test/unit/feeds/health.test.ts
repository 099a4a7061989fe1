import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  afterSuccess,
  backoffSeconds,
  emptyHealth,
  flagReason,
  isDue,
  markFlagged,
  MAX_BACKOFF_SECONDS,
  MAX_RETRY_AFTER_SECONDS,
  shouldFlag,
} from '../../../src/domain/feeds/health.js';

const t0 = new Date('2024-06-01T00:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const HOUR = 60;
const fail = { reason: 'HTTP 500 Internal Server Error', status: 500, intervalSeconds: 300, random: () => 0.5 };

describe('afterSuccess', () => {
  it('records the poll and resets the failure streak', () => {
    let h = afterFailure(afterFailure(emptyHealth(), { ...fail, now: at(0) }), { ...fail, now: at(5) });
    expect(h.consecutiveFailures).toBe(2);
    h = afterSuccess(h, { now: at(10), status: 200, newItems: 3 });
    expect(h).toMatchObject({
      lastFetchedAt: at(10).toISOString(),
      lastStatus: '200',
      lastError: null,
      consecutiveFailures: 0,
      itemsSeen: 3,
      nextPollAt: null,
      lastSuccessAt: at(10).toISOString(),
      lastNewItemAt: at(10).toISOString(),
      failingSince: null,
    });
    h = afterSuccess(h, { now: at(15), status: 304, newItems: 0 });
    expect(h).toMatchObject({ lastStatus: '304', itemsSeen: 3, lastNewItemAt: at(10).toISOString() });
  });

  it('keeps the rest of a richer record (etag...)', () => {
    const h = afterSuccess({ ...emptyHealth(), etag: '"x"' }, { now: t0, status: 200, newItems: 0 });
    expect(h.etag).toBe('"x"');
  });
});

describe('afterFailure and backoff', () => {
  it('retries the first failure on schedule, then backs off exponentially', () => {
    let h = afterFailure(emptyHealth(), { ...fail, now: at(0) });
    expect(h).toMatchObject({ lastStatus: '500', lastError: fail.reason, consecutiveFailures: 1, nextPollAt: null });
    expect(isDue(h, at(0))).toBe(true);
    h = afterFailure(h, { ...fail, now: at(5) });
    expect(h.nextPollAt).toBe(new Date(at(5).getTime() + 600_000).toISOString()); // 300 × 2
    expect(isDue(h, at(10))).toBe(false);
    expect(isDue(h, at(15))).toBe(true);
    h = afterFailure(h, { ...fail, now: at(15) });
    expect(Date.parse(h.nextPollAt!) - at(15).getTime()).toBe(1_200_000); // 300 × 4
  });

  it('says "error" when no HTTP status was received', () => {
    const h = afterFailure(emptyHealth(), { now: t0, reason: 'connection refused by x', intervalSeconds: 60 });
    expect(h.lastStatus).toBe('error');
  });

  it('caps the backoff at 6 hours and jitters it', () => {
    expect(backoffSeconds(50, 300, undefined, () => 0.5)).toBe(MAX_BACKOFF_SECONDS);
    const low = backoffSeconds(3, 300, undefined, () => 0);
    const high = backoffSeconds(3, 300, undefined, () => 0.999999);
    expect(low).toBe(960); // 1200 × 0.8
    expect(high).toBe(1440); // 1200 × 1.2
    // Never sooner than the normal interval.
    expect(backoffSeconds(1, 300, undefined, () => 0)).toBe(300);
  });

  it('honours Retry-After, even on a first failure, up to a day', () => {
    const h = afterFailure(emptyHealth(), { ...fail, status: 429, now: t0, retryAfterSeconds: 7200 });
    expect(h.nextPollAt).toBe(new Date(t0.getTime() + 7_200_000).toISOString());
    expect(backoffSeconds(1, 300, 10 * 24 * 3600)).toBe(MAX_RETRY_AFTER_SECONDS);
    // A short Retry-After never shortens a longer backoff.
    expect(backoffSeconds(10, 300, 5, () => 0.5)).toBe(MAX_BACKOFF_SECONDS);
  });
});

describe('flagging', () => {
  it('flags a feed failing for 24 hours, once', () => {
    let h = afterSuccess(emptyHealth(), { now: at(0), status: 200, newItems: 1 });
    h = afterFailure(h, { ...fail, now: at(60) });
    for (let m = 120; m < 24 * HOUR + 60; m += 6 * HOUR) {
      h = afterFailure(h, { ...fail, now: at(m) });
      expect(shouldFlag(h, at(m))).toBe(false);
    }
    h = afterFailure(h, { ...fail, now: at(24 * HOUR + 61) });
    expect(flagReason(h, at(24 * HOUR + 61))).toBe('failing');
    expect(shouldFlag(h, at(24 * HOUR + 61))).toBe(true);
    h = markFlagged(h, at(24 * HOUR + 61));
    h = afterFailure(h, { ...fail, now: at(30 * HOUR) });
    expect(shouldFlag(h, at(30 * HOUR))).toBe(false);
    // A success without new items is not a recovery: still flagged, no second email.
    h = afterSuccess(h, { now: at(31 * HOUR), status: 200, newItems: 0 });
    expect(shouldFlag(h, at(50 * HOUR))).toBe(false);
    // New items: recovered; a later 24-hour failure is flagged again.
    h = afterSuccess(h, { now: at(52 * HOUR), status: 200, newItems: 2 });
    expect(h.flaggedAt).toBeNull();
    h = afterFailure(h, { ...fail, now: at(53 * HOUR) });
    expect(shouldFlag(h, at(70 * HOUR))).toBe(false);
    h = afterFailure(h, { ...fail, now: at(77 * HOUR) });
    expect(shouldFlag(h, at(77 * HOUR))).toBe(true);
  });

  it('flags a feed that never succeeded after 24 hours', () => {
    let h = afterFailure(emptyHealth(), { ...fail, now: at(0) });
    h = afterFailure(h, { ...fail, now: at(23 * HOUR) });
    expect(shouldFlag(h, at(23 * HOUR))).toBe(false);
    expect(shouldFlag(h, at(24 * HOUR))).toBe(true);
  });

  it('flags a feed silent (no new item) for 24 hours, once', () => {
    let h = afterSuccess(emptyHealth(), { now: at(0), status: 200, newItems: 5 });
    h = afterSuccess(h, { now: at(23 * HOUR), status: 304, newItems: 0 });
    expect(shouldFlag(h, at(23 * HOUR))).toBe(false);
    h = afterSuccess(h, { now: at(25 * HOUR), status: 304, newItems: 0 });
    expect(flagReason(h, at(25 * HOUR))).toBe('silent');
    expect(shouldFlag(h, at(25 * HOUR))).toBe(true);
    h = markFlagged(h, at(25 * HOUR));
    h = afterSuccess(h, { now: at(26 * HOUR), status: 304, newItems: 0 });
    expect(shouldFlag(h, at(26 * HOUR))).toBe(false);
  });

  it('does not flag a fresh feed', () => {
    expect(shouldFlag(emptyHealth(), t0)).toBe(false);
    expect(shouldFlag(afterSuccess(emptyHealth(), { now: t0, status: 200, newItems: 0 }), at(60))).toBe(false);
  });
});
