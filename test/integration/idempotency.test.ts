/**
 * Each step run twice has one effect. The steps are called directly, as a retry or a stalled job
 * taken over by another worker would call them, against real Redis and a real SMTP server.
 */
import { UnrecoverableError } from 'bullmq';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { startTestVigil } from '../helpers/vigil.js';
import { matchItem, WatchlistMatcher } from '../../workers/match.js';
import { notify } from '../../workers/notify.js';
import { pollFeed } from '../../workers/poll.js';
import { startWorkers } from '../../src/roles/worker.js';
import type { Services } from '../../src/services.js';
import type { Item } from '../../src/domain/model.js';

describe('idempotent steps', () => {
  let smtp: SmtpSink;
  let feeds: FeedServer;
  let vigil: Awaited<ReturnType<typeof startTestVigil>>;
  let s: Services;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    feeds = await startFeedServer();
    vigil = await startTestVigil({ SMTP_URL: smtp.url, JOB_LOCK_SECONDS: '2' }, []);
    s = vigil.services;
  });
  afterAll(async () => {
    await vigil?.stop();
    await feeds?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    smtp.messages.length = 0;
    await s.queues.match.obliterate({ force: true });
    await s.queues.notify.obliterate({ force: true });
  });

  async function subscribed(name: string, email: string) {
    const person = await s.persons.create({ name });
    const token = await s.subscriptions.createPending(email, person.id);
    const confirmed = await s.subscriptions.confirm(token);
    return { person, subscriberId: confirmed!.subscriberId };
  }

  const item = (id: string, text: string): Item => ({
    id,
    feedId: 'f1',
    url: `https://news.example/${id}`,
    title: text,
    text,
    publishedAt: null,
    fetchedAt: new Date().toISOString(),
  });

  it('matching an item twice makes one alert and one notify job per subscriber', async () => {
    const { person } = await subscribed('Tep Vanny', 'a@example.org');
    await s.items.save(item('i1', 'Police arrested Tep Vanny in Phnom Penh.'));
    const matchers = new WatchlistMatcher(s);
    expect(await matchItem(s, matchers, 'i1', new Date())).toBe(1);
    expect(await matchItem(s, matchers, 'i1', new Date())).toBe(1);
    expect(await s.alerts.list({ personId: person.id, limit: 10 })).toHaveLength(1);
    expect(await s.queues.notify.getJobCounts('wait', 'prioritized', 'delayed', 'active')).toMatchObject({ prioritized: 1 });
  });

  it('notifying twice sends one message, even once the first job is gone', async () => {
    const { person, subscriberId } = await subscribed('Mam Sonando', 'b@example.org');
    await s.items.save(item('i2', 'Mam Sonando was detained on Monday.'));
    await matchItem(s, new WatchlistMatcher(s), 'i2', new Date());
    const [alert] = await s.alerts.list({ personId: person.id, limit: 1 });
    expect(await notify(s, { alertId: alert!.id, subscriberId })).toBe('sent');
    expect(await notify(s, { alertId: alert!.id, subscriberId })).toBe('already-sent');
    // The completed jobs are removed (as removeOnComplete does); matching runs again (a retry):
    await s.queues.notify.obliterate({ force: true });
    await matchItem(s, new WatchlistMatcher(s), 'i2', new Date());
    const workers = startWorkers(s);
    try {
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      await workers.close();
    }
    expect(smtp.to('b@example.org')).toHaveLength(1);
  });

  it('keeps an unsure mention for review once, however often the item is matched', async () => {
    const mention = { itemId: 'i9', personId: 'p9', score: 0.5, urgency: 'info' as const, evidence: 'Sokha spoke.', reasons: ['one name part'], field: 'text' as const, start: 0, end: 5 };
    await s.alerts.addForReview(mention);
    await s.alerts.addForReview(mention);
    const reviews = await s.alerts.listForReview(10);
    expect(reviews.filter((r) => r.itemId === 'i9')).toHaveLength(1);
  });

  it('drops alerts about a person deleted before they were sent', async () => {
    const { person, subscriberId } = await subscribed('Kong Raiya', 'c@example.org');
    await s.items.save(item('i3', 'Kong Raiya was charged with incitement.'));
    await matchItem(s, new WatchlistMatcher(s), 'i3', new Date());
    const [alert] = await s.alerts.list({ personId: person.id, limit: 1 });
    await s.persons.delete(person.id);
    expect(await notify(s, { alertId: alert!.id, subscriberId })).toBe('dropped');
    expect(smtp.to('c@example.org')).toHaveLength(0);
  });

  it('retries a message the SMTP server refused for now, and sends it once', async () => {
    await subscribed('Seng Sary', 'd@example.org');
    await s.items.save(item('i4', 'Seng Sary was sentenced to two years.'));
    smtp.failNext(1);
    await matchItem(s, new WatchlistMatcher(s), 'i4', new Date());
    const workers = startWorkers(s);
    try {
      await smtp.waitFor(() => smtp.to('d@example.org').length === 1, 20_000, 'the retried alert');
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await workers.close();
    }
    expect(smtp.to('d@example.org')).toHaveLength(1);
  });

  it('does not retry a message the SMTP server refused for good', async () => {
    const { person, subscriberId } = await subscribed('Chhim Sithar', 'gone@example.org');
    await s.items.save(item('i5', 'Chhim Sithar was convicted on Thursday.'));
    await matchItem(s, new WatchlistMatcher(s), 'i5', new Date());
    const [alert] = await s.alerts.list({ personId: person.id, limit: 1 });
    smtp.failNext(1, 550);
    const err = await notify(s, { alertId: alert!.id, subscriberId }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(UnrecoverableError);
    expect((err as Error).message).toMatch(/550/);
    expect(smtp.to('gone@example.org')).toHaveLength(0);
  });

  it('polling a feed twice queues each new item once, and the first poll skips old items', async () => {
    feeds.entries.push(
      { guid: 'new', title: 'New', text: 'fresh', path: '/new', publishedAt: new Date() },
      { guid: 'old', title: 'Old', text: 'stale', path: '/old', publishedAt: new Date(Date.now() - 3 * 24 * 3600_000) },
      { guid: 'undated', title: 'Undated', text: 'no date', path: '/undated' },
    );
    const feed = await s.feeds.create({ url: feeds.feedUrl, intervalSeconds: 60 });
    const first = await pollFeed(s, feed.id, new Date());
    expect(first).toMatchObject({ lastStatus: '200', itemsSeen: 3, consecutiveFailures: 0 });
    const queued = async () => (await s.queues.match.getJobs(['wait', 'delayed', 'active', 'completed'])).map((j) => j.data.itemId);
    expect(await queued()).toHaveLength(2); // new and undated; old only remembered
    await pollFeed(s, feed.id, new Date());
    expect(await queued()).toHaveLength(2);
    feeds.entries.push({ guid: 'later', title: 'Later', text: 'later', path: '/later', publishedAt: new Date() });
    const third = await pollFeed(s, feed.id, new Date());
    expect(await queued()).toHaveLength(3);
    expect(third?.itemsSeen).toBe(4);
  });
});
