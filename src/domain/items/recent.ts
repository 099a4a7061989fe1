/** A new feed's first poll alerts only on what is recent (or undated); the rest is remembered as seen. */
export const FIRST_POLL_WINDOW_MS = 24 * 3600 * 1000;

export function isRecentForFirstPoll(publishedAt: string | undefined | null, now: Date): boolean {
  if (!publishedAt) return true;
  const t = Date.parse(publishedAt);
  return Number.isNaN(t) || now.getTime() - t <= FIRST_POLL_WINDOW_MS;
}
