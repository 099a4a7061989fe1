/**
 * Queue names and typed job payloads: the contract between workers.
 * Payloads carry ids only, never personal data (no email addresses, no item text).
 * Job ids are deterministic so that adding the same work twice is a no-op while the job is kept;
 * effects are guarded by SET NX markers as well, because completed jobs are removed.
 */
export const QUEUE = {
  poll: 'poll',
  match: 'match',
  notify: 'notify',
} as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

/** One poll of one feed; produced by the feed's job scheduler. */
export interface PollJob {
  feedId: string;
}

/** One new item to match against the watchlist. The item itself is in the ItemStore. */
export interface MatchJob {
  itemId: string;
}

/** One alert to one subscriber. */
export interface NotifyJob {
  alertId: string;
  subscriberId: string;
}

export interface JobPayloads {
  poll: PollJob;
  match: MatchJob;
  notify: NotifyJob;
}

/** BullMQ job ids may not contain ':'. */
export const jobId = {
  pollScheduler: (feedId: string) => `feed-${feedId}`,
  match: (itemId: string) => `match-${itemId}`,
  notify: (j: NotifyJob) => `notify-${j.alertId}-${j.subscriberId}`,
};
