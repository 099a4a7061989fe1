/**
 * Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP date. Returns whole seconds from
 * `now` (0 when the date is past), or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Math.min(Number(v), Number.MAX_SAFE_INTEGER);
  // Only accept things that look like an HTTP date, not any string Date.parse happens to read.
  if (!/^[A-Za-z]{3},? /.test(v)) return undefined;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
