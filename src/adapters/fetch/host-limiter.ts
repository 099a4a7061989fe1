/**
 * A per-host concurrency limit: at most `limit` requests in flight to one host name.
 *
 * This is PER PROCESS: with several worker processes the bound on one host is
 * (processes × limit). It keeps one slow or popular host from taking every worker slot and
 * keeps Vigil polite to hosts serving many feeds. Idle hosts cost nothing (entries are removed
 * when the last request finishes).
 */
export class HostLimiter {
  private readonly hosts = new Map<string, { active: number; waiting: Array<() => void> }>();

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
  }

  /**
   * Waits for a slot on `host`; resolves to a release function (call it exactly once).
   * Rejects with `signal.reason` if the signal aborts while waiting.
   */
  acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    const key = host.toLowerCase();
    let entry = this.hosts.get(key);
    if (!entry) this.hosts.set(key, (entry = { active: 0, waiting: [] }));
    const slot = entry;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = slot.waiting.shift();
      if (next) next();
      else if (--slot.active === 0) this.hosts.delete(key);
    };
    if (slot.active < this.limit) {
      slot.active++;
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(release);
      };
      const onAbort = () => {
        const i = slot.waiting.indexOf(grant);
        if (i >= 0) slot.waiting.splice(i, 1);
        reject(signal?.reason);
      };
      if (signal?.aborted) return reject(signal.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      slot.waiting.push(grant);
    });
  }

  /** Requests in flight and waiting for `host` (for tests and metrics). */
  stats(host: string): { active: number; waiting: number } {
    const e = this.hosts.get(host.toLowerCase());
    return { active: e?.active ?? 0, waiting: e?.waiting.length ?? 0 };
  }
}

export const DEFAULT_PER_HOST_CONCURRENCY = 2;
