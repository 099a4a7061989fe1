/**
 * The scheduler role: keeps one job scheduler per feed. Feeds are scheduled when the API adds them;
 * this role reconciles at start and then every minute (a scheduler lost or left behind by a crash
 * between two Redis writes is mended). Several schedulers may run: upserts are idempotent.
 */
import type { Services } from '../services.js';
import { reconcileSchedules } from '../scheduling/feed-schedules.js';

export async function startScheduler(s: Services, everyMs = 60_000): Promise<{ close(): Promise<void> }> {
  const run = async () => {
    try {
      const result = await reconcileSchedules(s.queues, s.feeds);
      if (result.scheduled || result.removed) s.log.info(result, 'feed schedules reconciled');
    } catch (err) {
      s.log.error({ err: (err as Error).message }, 'reconciling feed schedules failed');
    }
  };
  await run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    async close() {
      clearInterval(timer);
    },
  };
}
