/**
 * Notify worker: one alert to one subscriber, at most once. The sent-marker is checked before and
 * written after the SMTP hand-off, under a lease so two runs of the same job never send at once.
 * The one gap no mail system closes: killed after the server accepted and before the marker.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import { acquireLease } from '../src/adapters/redis/lock.js';
import { renderAlertEmail } from '../src/domain/emails/render.js';
import type { NotifyJob } from '../src/queues.js';
import type { Services } from '../src/services.js';

export type NotifyResult = 'sent' | 'already-sent' | 'dropped';

export async function processNotifyJob(s: Services, job: Job<NotifyJob>): Promise<NotifyResult> {
  return notify(s, job.data);
}

export async function notify(s: Services, { alertId, subscriberId }: NotifyJob): Promise<NotifyResult> {
  const log = s.log.child({ alertId, subscriberId });
  if (await s.subscriptions.wasSent(alertId, subscriberId)) return 'already-sent';
  const alert = await s.alerts.get(alertId);
  if (!alert) throw new UnrecoverableError(`alert ${alertId} not found`);
  const person = await s.persons.get(alert.personId);
  if (!person) {
    log.info('person removed from the watchlist; alert not sent');
    return 'dropped';
  }
  if (!(await s.subscriptions.isSubscribed(subscriberId, person.id))) return 'dropped';

  // As long as a job lock: once that lapses BullMQ deems this worker dead and hands the job on.
  const release = await acquireLease(s.redis, s.keys.lock(`send-${alertId}-${subscriberId}`), s.config.jobLockSeconds * 1000);
  if (!release) throw new Error('another worker is sending this alert to this subscriber; retrying later');
  try {
    if (await s.subscriptions.wasSent(alertId, subscriberId)) return 'already-sent';
    const to = await s.subscriptions.emailOf(subscriberId);
    if (!to) return 'dropped';
    const unsubscribeUrl = `${s.config.publicUrl}/unsubscribe?token=${encodeURIComponent(s.subscriptions.unsubscribeToken(subscriberId, person.id))}`;
    const email = renderAlertEmail(s.templates, { alert, person, unsubscribeUrl, publicUrl: s.config.publicUrl });
    const sent = await s.mailer
      .send({ to, ...email, unsubscribeUrl, headers: { 'X-Vigil-Person': person.id, 'X-Vigil-Alert': alert.id } })
      .catch((err: Error & { responseCode?: number }) => {
        // A 5xx answer (no such mailbox, policy refusal) will not change on retry; 4xx and network errors may.
        if (err.responseCode && err.responseCode >= 500) throw new UnrecoverableError(`refused by the mail server: ${err.responseCode}`);
        throw err;
      });
    await s.subscriptions.markSent(alertId, subscriberId);
    log.info({ messageId: sent.messageId, file: sent.file, urgency: alert.urgency }, 'alert sent');
    return 'sent';
  } finally {
    await release();
  }
}
