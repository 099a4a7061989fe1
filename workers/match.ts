/**
 * Match worker: one item against the whole watchlist. Alerts are created with deterministic ids and
 * the fan-out to subscribers is repeated on every run (job ids and sent-markers make it idempotent),
 * so a crash anywhere in here loses nothing and doubles nothing.
 */
import type { Job } from 'bullmq';
import { ALERT_THRESHOLD, buildMatcher, type Matcher, type Urgency } from '../src/domain/matching/index.js';
import { alertFromMention } from '../src/domain/alerts/alert.js';
import { jobId, type MatchJob } from '../src/queues.js';
import type { Services } from '../src/services.js';

/**
 * The matcher for the current watchlist version. Every job asks Redis for the version (one GET),
 * so an admin's edit reaches every worker process with the next item, without a restart.
 */
export class WatchlistMatcher {
  private built: { version: number; matcher: Matcher } | null = null;
  private building: Promise<{ version: number; matcher: Matcher }> | null = null;

  constructor(private readonly s: Pick<Services, 'persons' | 'log'>) {}

  async current(): Promise<Matcher> {
    const version = await this.s.persons.version();
    if (this.built?.version === version) return this.built.matcher;
    this.building ??= this.build(version).finally(() => (this.building = null));
    return (await this.building).matcher;
  }

  private async build(version: number) {
    const started = performance.now();
    const persons = await this.s.persons.list();
    const matcher = buildMatcher(persons.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, context: p.context })));
    this.built = { version, matcher };
    this.s.log.info({ version, persons: persons.length, ms: Math.round(performance.now() - started) }, 'matcher built');
    return this.built;
  }
}

const FAN_OUT_SLICE = 1000;

/** When mail backs up, an abduction goes out before a passing mention (lower runs first). */
const SEND_PRIORITY: Record<Urgency, number> = { critical: 1, high: 2, 'good-news': 3, elevated: 3, info: 4 };

export async function processMatchJob(s: Services, matchers: WatchlistMatcher, job: Job<MatchJob>): Promise<number> {
  return matchItem(s, matchers, job.data.itemId, new Date());
}

/** Returns how many alerts the item produced. */
export async function matchItem(s: Services, matchers: WatchlistMatcher, itemId: string, now: Date): Promise<number> {
  const item = await s.items.get(itemId);
  if (!item) {
    s.log.warn({ itemId }, 'item expired before it was matched');
    return 0;
  }
  const matcher = await matchers.current();
  const mentions = matcher.match({ id: item.id, title: item.title, text: item.text, url: item.url ?? undefined });
  let alerted = 0;
  for (const mention of mentions) {
    if (mention.score < ALERT_THRESHOLD) {
      await s.alerts.addForReview(mention, now);
      continue;
    }
    if (!(await s.persons.get(mention.personId))) continue; // deleted since the matcher was built
    const alert = alertFromMention(mention, item, now);
    const created = await s.alerts.create(alert);
    const subscribers = await s.subscriptions.subscribersOf(alert.personId);
    // In slices, so a person followed by many does not make one huge Redis call.
    for (let i = 0; i < subscribers.length; i += FAN_OUT_SLICE) {
      await s.queues.notify.addBulk(
        subscribers.slice(i, i + FAN_OUT_SLICE).map((subscriberId) => {
          const data = { alertId: alert.id, subscriberId };
          return { name: 'notify', data, opts: { jobId: jobId.notify(data), attempts: 12, priority: SEND_PRIORITY[alert.urgency] } };
        }),
      );
    }
    s.log.info(
      { itemId, personId: alert.personId, alertId: alert.id, urgency: alert.urgency, score: mention.score, subscribers: subscribers.length, created },
      'alert',
    );
    alerted++;
  }
  return alerted;
}
