/** The worker role: one BullMQ Worker per queue, each a thin shell around its workers/ module. */
import { Worker } from 'bullmq';
import type { Services } from '../services.js';
import { QUEUE } from '../queues.js';
import { processPollJob } from '../../workers/poll.js';
import { processMatchJob, WatchlistMatcher } from '../../workers/match.js';
import { processNotifyJob } from '../../workers/notify.js';

export interface WorkerRole {
  close(): Promise<void>;
}

export function startWorkers(s: Services, opts: { pollConcurrency?: number; matchConcurrency?: number; notifyConcurrency?: number } = {}): WorkerRole {
  const matchers = new WatchlistMatcher(s);
  const lockDuration = s.config.jobLockSeconds * 1000;
  // A crashed worker's job is taken over once its lock lapses, found by the next stalled check.
  const common = { prefix: s.bullPrefix, lockDuration, stalledInterval: lockDuration / 2, maxStalledCount: 3 };
  const workers = [
    new Worker(QUEUE.poll, (job) => processPollJob(s, job), { ...common, connection: s.connection(), concurrency: opts.pollConcurrency ?? 16 }),
    new Worker(QUEUE.match, (job) => processMatchJob(s, matchers, job), { ...common, connection: s.connection(), concurrency: opts.matchConcurrency ?? 2 }),
    new Worker(QUEUE.notify, (job) => processNotifyJob(s, job), { ...common, connection: s.connection(), concurrency: opts.notifyConcurrency ?? 5 }),
  ];
  for (const w of workers) {
    w.on('failed', (job, err) => s.log.warn({ queue: w.name, jobId: job?.id, attempt: job?.attemptsMade, err: err.message }, 'job failed'));
    w.on('error', (err) => s.log.error({ queue: w.name, err: err.message }, 'worker error'));
  }
  return {
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
