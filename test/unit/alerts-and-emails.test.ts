import { describe, expect, it } from 'vitest';
import { alertFromMention, alertId } from '../../src/domain/alerts/alert.js';
import { renderAlertEmail, renderConfirmEmail } from '../../src/domain/emails/render.js';
import { loadTemplates } from '../../src/adapters/templates.js';
import { isRecentForFirstPoll } from '../../src/domain/items/recent.js';
import type { Item } from '../../src/domain/model.js';

const item: Item = {
  id: 'i1',
  feedId: 'f1',
  url: 'https://news.example/a?x=1&y=2',
  title: 'Activist <detained> & charged',
  text: '…',
  publishedAt: null,
  fetchedAt: '2026-11-23T00:00:00.000Z',
};

describe('alerts', () => {
  it('derive their id from the person and the item URL, so two feeds carrying one article make one alert', () => {
    expect(alertId('p1', item)).toBe(alertId('p1', { ...item, id: 'other-feed-item' }));
    expect(alertId('p1', item)).toBe(alertId('p1', { id: 'i9', url: `${item.url}&utm_source=rss#top` }));
    expect(alertId('p1', item)).not.toBe(alertId('p2', item));
    expect(alertId('p1', { ...item, url: null })).not.toBe(alertId('p1', { ...item, id: 'i2', url: null }));
    expect(alertId('p1', item)).toMatch(/^[0-9a-f]+$/);
  });

  it('carry the mention urgency, evidence and the item', () => {
    const alert = alertFromMention(
      { itemId: 'i1', personId: 'p1', score: 0.9, urgency: 'high', evidence: 'He was detained.', reasons: [], field: 'text' as const, start: 0, end: 1 },
      item,
      new Date('2026-11-23T10:00:00Z'),
    );
    expect(alert).toMatchObject({ personId: 'p1', urgency: 'high', evidence: 'He was detained.', createdAt: '2026-11-23T10:00:00.000Z' });
    expect(alert.items).toEqual([{ itemId: 'i1', url: item.url, title: item.title, feedId: 'f1' }]);
  });
});

describe('emails', () => {
  const templates = loadTemplates();
  const alert = alertFromMention(
    { itemId: 'i1', personId: 'p1', score: 1, urgency: 'critical', evidence: 'She was <b>abducted</b>.', reasons: [], field: 'text' as const, start: 0, end: 1 },
    item,
    new Date(),
  );

  it('name the person and the urgency in the subject, every item URL in the text, escaped HTML', () => {
    const email = renderAlertEmail(templates, {
      alert,
      person: { id: 'p1', name: 'Sam Bopha' },
      unsubscribeUrl: 'http://vigil.test/unsubscribe?token=t',
      publicUrl: 'http://vigil.test',
    });
    expect(email.subject).toContain('Sam Bopha');
    expect(email.subject).toContain('CRITICAL');
    expect(email.text).toContain(item.url);
    expect(email.text).toContain('http://vigil.test/unsubscribe?token=t');
    expect(email.html).toContain('https://news.example/a?x=1&amp;y=2');
    expect(email.html).toContain('&lt;b&gt;abducted&lt;/b&gt;');
    expect(email.html).not.toContain('<b>abducted</b>');
  });

  it('confirmation holds the confirm link in its text part', () => {
    const email = renderConfirmEmail(templates, { person: { name: 'Sam Bopha' }, confirmUrl: 'http://vigil.test/confirm?token=abc', publicUrl: '' });
    expect(email.text).toContain('http://vigil.test/confirm?token=abc');
    expect(email.subject).toContain('Sam Bopha');
  });
});

describe('first poll window', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('takes undated and last-24-hour items, not older ones', () => {
    expect(isRecentForFirstPoll(undefined, now)).toBe(true);
    expect(isRecentForFirstPoll('2026-11-23T01:00:00Z', now)).toBe(true);
    expect(isRecentForFirstPoll('2026-11-21T12:00:00Z', now)).toBe(false);
  });
});
